import { z } from 'zod';
import { toIsoDate, type IsoDate, type Iso3 } from '../../core/brand.js';
import { TocsinError } from '../../core/errors.js';
import { SERIES_CATEGORIES } from '../series/series.js';
import { SIGNAL_FREQUENCIES, SIGNAL_MEASURES, SIGNAL_STATUSES, TRIAGE_DECISIONS, type SignalCategory } from './signal.js';
import type { SignalFilter } from './signals.repository.js';

const isoDate = z
  .string()
  .refine((s) => toIsoDate(s) !== undefined, { message: 'must be a date YYYY-MM-DD' })
  .transform((s) => s as IsoDate);

/** A violence category, or `hate:<target group>` / `hate:all` for surges of hateful posts. */
export const signalCategory = z.union([
  z.enum(SERIES_CATEGORIES),
  z
    .string()
    .regex(/^hate:[\p{L}\p{N}_.' -]{1,60}$/u, 'must be a violence category or hate:<target group> such as hate:all')
    .transform((s) => s as SignalCategory),
]);

/** Signal filters shared by `tocsin signals list` and `GET /api/signals` (same names, same meaning). */
export const signalFilterShape = z.object({
  country: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'must be an ISO alpha-3 code such as CAF')
    .transform((s) => s.toUpperCase() as Iso3)
    .optional(),
  category: signalCategory.optional(),
  measure: z.enum(SIGNAL_MEASURES).optional(),
  frequency: z.enum(SIGNAL_FREQUENCIES).optional().describe('weekly (event signals) or daily (surges of hateful posts)'),
  method: z.string().max(40).optional(),
  status: z.enum(SIGNAL_STATUSES).optional(),
  from: isoDate.optional().describe('periods (a week’s Monday, or a day) on or after this day'),
  to: isoDate.optional().describe('periods starting on or before this day'),
});

export const triageSchema = z.object({
  decision: z.enum(TRIAGE_DECISIONS),
  note: z.string().trim().max(4000).nullable().default(null),
});

/** Parses a filter, naming the first bad field as the caller spells it (`--field` on the CLI). */
export function parseSignalFilter(input: Record<string, unknown>, spell = (f: string) => f): SignalFilter {
  const parsed = signalFilterShape.safeParse(input);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    const field = String(i.path[0] ?? '');
    throw new TocsinError('invalid_input', `${spell(field)}: ${i.message}`, { field });
  }
  if (parsed.data.from && parsed.data.to && parsed.data.from > parsed.data.to)
    throw new TocsinError('invalid_input', `${spell('from')}: must not be after ${spell('to')}`, { field: 'from' });
  return parsed.data;
}
