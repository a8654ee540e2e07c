import { RecommendedMeasureBody, WarningMeasureBody } from '../measures/measures.schemas.js';
import { z } from '@hono/zod-openapi';
import { ROLES } from '../access/roles.js';
import { DECISIONS, ORIGINS, SEVERITIES, WARNING_STATUSES } from './warning.js';

const time = z.string().openapi({ example: '2025-03-01T00:00:00.000Z' });

/** A warning as the API presents it. */
export const WarningBody = z
  .object({
    id: z.number().int(),
    title: z.string(),
    summary: z.string(),
    severity: z.enum(SEVERITIES),
    country: z.string().openapi({ example: 'CAF' }),
    admin1: z.string().nullable(),
    origin: z.enum(ORIGINS),
    signalId: z.number().int().nullable(),
    forecastModelId: z.number().int().nullable(),
    forecastYear: z.number().int().nullable(),
    assessmentId: z.number().int().nullable(),
    riskFactors: z.array(z.string()),
    evidence: z.array(z.object({ kind: z.string(), id: z.union([z.number(), z.string()]) })),
    status: z.enum(WARNING_STATUSES),
    decision: z.enum(DECISIONS).nullable(),
    decisionReason: z.string().nullable(),
    tier: z.number().int().openapi({ description: 'escalation tier reached (0: the first recipients)' }),
    public: z.boolean(),
    raisedBy: z.string().nullable(),
    raisedAt: time,
    ackDueAt: time,
    acknowledgedBy: z.string().nullable(),
    acknowledgedAt: time.nullable(),
    decideDueAt: time,
    decidedBy: z.string().nullable(),
    decidedAt: time.nullable(),
    closedBy: z.string().nullable(),
    closedAt: time.nullable(),
    closeNote: z.string().nullable(),
  })
  .openapi('Warning');

export const WarningDetailBody = WarningBody.extend({
  groups: z.array(z.object({ id: z.number().int(), name: z.string() })),
  recipients: z.array(
    z.object({
      tier: z.number().int(),
      userId: z.number().int().nullable(),
      username: z.string().nullable(),
      role: z.enum(ROLES).nullable(),
    }),
  ),
  log: z.array(
    z.object({
      id: z.number().int(),
      action: z.string(),
      detail: z.record(z.string(), z.unknown()),
      by: z.string().nullable(),
      at: time,
    }),
  ),
  recommendedMeasures: z.array(RecommendedMeasureBody),
  measures: z.array(WarningMeasureBody),
}).openapi('WarningDetail');

export const WarningListBody = z.object({ items: z.array(WarningBody) }).openapi('WarningList');

export const ForecastRaiseBody = z
  .object({
    modelId: z.number().int().nullable(),
    year: z.number().int().nullable(),
    threshold: z.number().nullable(),
    raised: z.array(WarningBody),
    skipped: z.array(z.object({ country: z.string(), reason: z.string() })),
  })
  .openapi('ForecastWarnings');

const hours = z.object({ count: z.number().int(), median: z.number().nullable(), p90: z.number().nullable() });
const warningTimes = z.object({
  warnings: z.number().int(),
  timeToAcknowledge: hours,
  timeToDecide: hours,
  overdue: z.object({ steps: z.number().int(), late: z.number().int(), share: z.number().nullable() }),
});
const triage = z.object({
  signals: z.number().int(),
  withinTarget: z.number().int(),
  share: z.number().nullable(),
  meetsBenchmark: z.boolean().nullable(),
});
const withTriage = warningTimes.extend({ triage });
export const TimelinessBody = z
  .object({
    asOf: time,
    triageTargetHours: z.number(),
    overall: withTriage,
    bySeverity: z.record(z.string(), warningTimes),
    byCountry: z.record(z.string(), withTriage),
    byMonth: z.record(z.string(), withTriage),
  })
  .openapi('WarningTimeliness');

export const WarningSettingsBody = z.record(z.string(), z.unknown()).openapi('WarningSettings');
