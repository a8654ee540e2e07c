import * as z from 'zod/mini';
import { MEASURE_KINDS, MEASURE_STATUSES, type MeasureStatus } from '../../../src/measures/measure.js';
import { DECISIONS, ORIGINS, SEVERITIES, WARNING_STATUSES, type Decision, type Origin } from '../../../src/warnings/warning.js';
import { ROLES } from '../api-schemas.js';
import { jsonBody, request } from '../api.js';

export const warningSchema = z.object({
  id: z.number(),
  title: z.string(),
  summary: z.string(),
  severity: z.enum(SEVERITIES),
  country: z.string(),
  admin1: z.nullable(z.string()),
  origin: z.enum(ORIGINS),
  signalId: z.nullable(z.number()),
  riskFactors: z.array(z.string()),
  evidence: z.array(z.object({ kind: z.string(), id: z.union([z.number(), z.string()]) })),
  status: z.enum(WARNING_STATUSES),
  decision: z.nullable(z.enum(DECISIONS)),
  decisionReason: z.nullable(z.string()),
  tier: z.number(),
  raisedBy: z.nullable(z.string()),
  raisedAt: z.string(),
  ackDueAt: z.string(),
  acknowledgedBy: z.nullable(z.string()),
  acknowledgedAt: z.nullable(z.string()),
  decideDueAt: z.string(),
  decidedBy: z.nullable(z.string()),
  decidedAt: z.nullable(z.string()),
  closedBy: z.nullable(z.string()),
  closedAt: z.nullable(z.string()),
  closeNote: z.nullable(z.string()),
});
export type Warning = z.infer<typeof warningSchema>;

const recommendedSchema = z.object({
  id: z.string(),
  kind: z.enum(MEASURE_KINDS),
  title: z.string(),
  description: z.string(),
  addresses: z.array(z.string()),
});
export type RecommendedMeasure = z.infer<typeof recommendedSchema>;

const measureSchema = z.object({
  id: z.number(),
  catalogueId: z.nullable(z.string()),
  kind: z.nullable(z.enum(MEASURE_KINDS)),
  title: z.string(),
  owner: z.string(),
  status: z.enum(MEASURE_STATUSES),
  dueDate: z.nullable(z.string()),
  outcome: z.nullable(z.string()),
  updatedAt: z.string(),
});
export type WarningMeasure = z.infer<typeof measureSchema>;

const logEntrySchema = z.object({
  id: z.number(),
  action: z.string(),
  detail: z.record(z.string(), z.unknown()),
  by: z.nullable(z.string()),
  at: z.string(),
});
export type WarningLogEntry = z.infer<typeof logEntrySchema>;

export const warningDetailSchema = z.extend(warningSchema, {
  groups: z.array(z.object({ id: z.number(), name: z.string() })),
  recipients: z.array(z.object({ tier: z.number(), username: z.nullable(z.string()), role: z.nullable(z.enum(ROLES)) })),
  log: z.array(logEntrySchema),
  recommendedMeasures: z.array(recommendedSchema),
  measures: z.array(measureSchema),
});
export type WarningDetail = z.infer<typeof warningDetailSchema>;

const warningListSchema = z.object({ items: z.array(warningSchema) });

export interface WarningFilters {
  country?: string;
  origin?: Origin;
  limit?: number;
}

export async function fetchWarnings(f: WarningFilters = {}): Promise<Warning[]> {
  const params = new URLSearchParams({ limit: String(f.limit ?? 1000) });
  if (f.country !== undefined) params.set('country', f.country);
  if (f.origin !== undefined) params.set('origin', f.origin);
  return (await request(`/api/warnings?${params}`, warningListSchema)).items;
}

export const fetchWarning = (id: number): Promise<WarningDetail> => request(`/api/warnings/${id}`, warningDetailSchema);

export const acknowledgeWarning = (id: number): Promise<Warning> =>
  request(`/api/warnings/${id}/acknowledge`, warningSchema, { method: 'POST' });

export const decideWarning = (id: number, decision: Decision, reason: string): Promise<Warning> =>
  request(`/api/warnings/${id}/decide`, warningSchema, { method: 'POST', ...jsonBody({ decision, reason: reason.trim() }) });

export interface NewMeasure {
  catalogueId?: string;
  title?: string;
  owner: string;
  dueDate?: string;
}

const addedSchema = z.object({ measure: measureSchema, warningStatus: z.string() });

export const addMeasure = (warningId: number, m: NewMeasure) =>
  request(`/api/warnings/${warningId}/measures`, addedSchema, { method: 'POST', ...jsonBody(m) });

export interface MeasureChange {
  status?: MeasureStatus;
  outcome?: string;
}

export const updateMeasure = (id: number, change: MeasureChange): Promise<WarningMeasure> =>
  request(`/api/measures/${id}`, measureSchema, { method: 'PATCH', ...jsonBody(change) });
