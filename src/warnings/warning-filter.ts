import { z } from 'zod';
import { toIsoDate } from '../core/brand.js';
import { TocsinError } from '../core/errors.js';
import { ORIGINS, SEVERITIES, WARNING_STATUSES } from './warning.js';
import type { WarningFilter } from './warnings.repository.js';

const isoDate = z.string().refine((s) => toIsoDate(s) !== undefined, { message: 'must be a date YYYY-MM-DD' });
const iso3 = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'must be an ISO alpha-3 code such as CAF')
  .transform((s) => s.toUpperCase());

/** Period and place, shared by the list and the metrics (same names on the CLI and the API). */
export const periodShape = z.object({
  country: iso3.optional(),
  from: isoDate.optional().describe('raised (or detected) on or after this day'),
  to: isoDate.optional().describe('raised (or detected) on or before this day'),
});

/** Warning filters shared by `tocsin warnings list` and `GET /api/warnings`. */
export const warningFilterShape = periodShape.extend({
  status: z.enum(WARNING_STATUSES).optional(),
  severity: z.enum(SEVERITIES).optional(),
  origin: z.enum(ORIGINS).optional(),
  overdue: z.enum(['true', 'false']).optional().describe('only warnings with a step past due now'),
});

/** Parses filters, naming the first bad field as the caller spells it (`--field` on the CLI). */
export function parseWarningFilter(input: Record<string, unknown>, now: Date, spell = (f: string) => f): WarningFilter {
  const parsed = warningFilterShape.safeParse(input);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    const field = String(i.path[0] ?? '');
    throw new TocsinError('invalid_input', `${spell(field)}: ${i.message}`, { field });
  }
  const { overdue, ...rest } = parsed.data;
  if (rest.from && rest.to && rest.from > rest.to)
    throw new TocsinError('invalid_input', `${spell('from')}: must not be after ${spell('to')}`, { field: 'from' });
  return { ...rest, ...(overdue === 'true' ? { overdueAt: now } : {}) };
}
