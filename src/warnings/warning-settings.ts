import { z } from 'zod';
import { ROLES } from '../access/roles.js';
import { TocsinError } from '../core/errors.js';
import { SEVERITIES, type Severity } from './warning.js';

const hours = (max: number) => z.number().positive().max(max);
const deadline = z
  .object({ acknowledgeHours: hours(24 * 365), decideHours: hours(24 * 365) })
  .refine((d) => d.decideHours >= d.acknowledgeHours, {
    message: 'decideHours must not be shorter than acknowledgeHours',
    path: ['decideHours'],
  });

const tier = z
  .object({
    roles: z.array(z.enum(ROLES)).max(ROLES.length).default([]),
    users: z.array(z.string().min(1).max(63)).max(200).default([]),
  })
  .refine((t) => t.roles.length + t.users.length > 0, { message: 'a tier needs at least one role or user' });

const httpUrl = z
  .string()
  .url()
  .refine((u) => /^https?:\/\//i.test(u), { message: 'must be an http(s) URL' });

/** Deadlines by severity, escalation tiers, the forecast threshold, webhooks: one row in warning_settings. */
export const warningSettingsSchema = z
  .object({
    deadlines: z.object({ critical: deadline, high: deadline, medium: deadline, low: deadline }),
    tiers: z.array(tier).min(1).max(10),
    forecastThreshold: z.number().gt(0).lt(1).nullable(),
    signalTriageTargetHours: z
      .number()
      .positive()
      .max(24 * 90),
    webhooks: z.array(z.object({ url: httpUrl, secret: z.string().min(16).max(200) })).max(20),
    publicBaseUrl: httpUrl.nullable(),
  })
  .strict();

export type WarningSettings = z.infer<typeof warningSettingsSchema>;

export const DEFAULT_WARNING_SETTINGS: WarningSettings = {
  deadlines: {
    critical: { acknowledgeHours: 24, decideHours: 72 },
    high: { acknowledgeHours: 48, decideHours: 168 },
    medium: { acknowledgeHours: 120, decideHours: 336 },
    low: { acknowledgeHours: 336, decideHours: 720 },
  },
  tiers: [
    { roles: ['decision-maker'], users: [] },
    { roles: ['admin'], users: [] },
  ],
  forecastThreshold: 0.05,
  signalTriageTargetHours: 24,
  webhooks: [],
  publicBaseUrl: null,
};

/** What a secret is shown as: the API and the CLI never print webhook secrets. */
export const MASKED_SECRET = '********';

/** Validates settings, naming the first bad field (`deadlines.critical.decideHours: ...`). */
export function parseWarningSettings(input: unknown): WarningSettings {
  const parsed = warningSettingsSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.join('.') || 'settings';
  throw new TocsinError('invalid_input', `${field}: ${issue.message}`, {
    field,
    issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  });
}

/** The settings with webhook secrets masked, for display. */
export const maskWarningSettings = (s: WarningSettings): WarningSettings => ({
  ...s,
  webhooks: s.webhooks.map((w) => ({ url: w.url, secret: MASKED_SECRET })),
});

/**
 * Settings sent back after display keep their stored secrets: a webhook whose secret is the mask
 * takes the secret stored for the same URL (and is refused if there is none).
 */
export function unmaskWarningSettings(input: unknown, stored: WarningSettings): unknown {
  if (typeof input !== 'object' || input === null || !Array.isArray((input as { webhooks?: unknown }).webhooks)) return input;
  const webhooks = (input as { webhooks: unknown[] }).webhooks.map((w, i) => {
    if (typeof w !== 'object' || w === null || (w as { secret?: unknown }).secret !== MASKED_SECRET) return w;
    const url = (w as { url?: unknown }).url;
    const known = stored.webhooks.find((s) => s.url === url);
    if (!known)
      throw new TocsinError('invalid_input', `webhooks.${i}.secret: no stored secret for ${String(url)}; give the secret`, {
        field: `webhooks.${i}.secret`,
      });
    return { ...w, secret: known.secret };
  });
  return { ...input, webhooks };
}

/** The deadlines of a warning of `severity` raised at `raisedAt`. */
export function deadlinesFor(
  settings: WarningSettings,
  severity: Severity,
  raisedAt: Date,
): { ackDueAt: Date; decideDueAt: Date } {
  const d = settings.deadlines[severity];
  return {
    ackDueAt: new Date(raisedAt.getTime() + d.acknowledgeHours * 3_600_000),
    decideDueAt: new Date(raisedAt.getTime() + d.decideHours * 3_600_000),
  };
}

export const isSeverity = (s: string): s is Severity => (SEVERITIES as readonly string[]).includes(s);
