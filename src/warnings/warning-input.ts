import { z } from 'zod';
import { ROLES } from '../access/roles.js';
import { TocsinError } from '../core/errors.js';
import { EVIDENCE_KINDS, SEVERITIES } from './warning.js';

const iso3 = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'must be an ISO alpha-3 code such as CAF')
  .transform((s) => s.toUpperCase());

/** One recipient as callers name it: a username or a role, in a tier (0 first). */
export const recipientInput = z
  .object({
    tier: z.number().int().min(0).max(9),
    user: z.string().min(1).max(63).optional(),
    role: z.enum(ROLES).optional(),
  })
  .refine((r) => (r.user === undefined) !== (r.role === undefined), { message: 'name either a user or a role' });
export type RecipientInput = z.infer<typeof recipientInput>;

export const evidenceLink = z.object({
  kind: z.enum(EVIDENCE_KINDS),
  id: z.union([z.number().int().positive(), z.string().min(1).max(100)]),
});

/** What a person may set on any warning they raise; origins fill what is not given. */
const common = {
  severity: z.enum(SEVERITIES).optional(),
  summary: z.string().trim().max(10_000).optional(),
  admin1: z.string().trim().min(1).max(200).nullable().optional(),
  groupIds: z.array(z.number().int().positive()).max(50).default([]),
  riskFactors: z
    .array(z.string().regex(/^RF[0-9]+$/, 'must be a risk factor id such as RF8'))
    .max(20)
    .optional(),
  recipients: z.array(recipientInput).min(1).max(200).optional(),
};

/** A warning raised by hand: title, severity and country are required. */
export const manualWarningSchema = z.object({
  ...common,
  title: z.string().trim().min(1).max(300),
  severity: z.enum(SEVERITIES),
  country: iso3,
  evidence: z.array(evidenceLink).max(1000).default([]),
});
export type ManualWarningInput = z.infer<typeof manualWarningSchema>;

/** A warning raised from a signal: everything optional, taken from the signal when absent. */
export const fromSignalSchema = z.object({ ...common, title: z.string().trim().min(1).max(300).optional() });
export type FromSignalInput = z.infer<typeof fromSignalSchema>;

export const decideSchema = z.object({
  decision: z.enum(['act', 'monitor', 'no-action']),
  reason: z.string().trim().min(1, 'a decision needs a written reason').max(10_000),
});
export const closeSchema = z.object({ note: z.string().trim().min(1, 'closing a warning needs a note').max(10_000) });
export const escalateSchema = z.object({ reason: z.string().trim().min(1, 'say why it is escalated').max(4000) });

/** Parses input with `schema`, naming the first bad field as the caller spells it. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, spell = (f: string) => f): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.join('.') || 'input';
  throw new TocsinError('invalid_input', `${spell(field)}: ${issue.message}`, { field });
}
