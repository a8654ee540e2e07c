import * as z from 'zod/mini';
import { jsonBody, request } from '../../api.js';
import {
  ACTS,
  INVOLVEMENTS,
  RELIABILITIES,
  REPORT_STATUSES,
  SOURCE_KINDS,
  VICTIM_KINDS,
  type ReviewAction,
} from '../vocabulary.js';

const identitySchema = z.object({ name: z.optional(z.string()), contact: z.optional(z.string()), notes: z.optional(z.string()) });
export type Identity = z.infer<typeof identitySchema>;
/** What an uncleared reader gets in place of a sealed field. */
const sealed = z.literal('sealed');

const summaryFields = {
  id: z.number(),
  reference: z.string(),
  status: z.enum(REPORT_STATUSES),
  dateStart: z.string(),
  dateEnd: z.string(),
  country: z.string(),
  admin1: z.nullable(z.string()),
  acts: z.array(z.enum(ACTS)),
  fatalities: z.nullable(z.number()),
  anonymous: z.boolean(),
  submittedAt: z.string(),
};

export const reportSummarySchema = z.object(summaryFields);
export type ReportSummary = z.infer<typeof reportSummarySchema>;

export const reportSchema = z.object({
  ...summaryFields,
  admin2: z.nullable(z.string()),
  location: z.nullable(z.string()),
  latitude: z.nullable(z.number()),
  longitude: z.nullable(z.number()),
  description: z.string(),
  victims: z.array(
    z.object({
      kind: z.enum(VICTIM_KINDS),
      count: z.number(),
      groupId: z.optional(z.number()),
      civilian: z.boolean(),
      description: z.string(),
    }),
  ),
  perpetrators: z.array(
    z.object({ actor: z.optional(z.string()), state: z.boolean(), description: z.string(), involvement: z.enum(INVOLVEMENTS) }),
  ),
  groups: z.array(z.object({ id: z.number(), name: z.string() })),
  sources: z.array(
    z.object({
      id: z.number(),
      pseudonym: z.string(),
      kind: z.enum(SOURCE_KINDS),
      reliability: z.enum(RELIABILITIES),
      credibility: z.number(),
      grade: z.string(),
      identity: z.nullable(z.union([identitySchema, sealed])),
    }),
  ),
  confidential: z.nullable(
    z.union([
      z.object({ victims: z.array(identitySchema), witnesses: z.array(identitySchema), notes: z.optional(z.string()) }),
      sealed,
    ]),
  ),
  submittedBy: z.nullable(z.string()),
  reviewedBy: z.nullable(z.string()),
  reviewedAt: z.nullable(z.string()),
  reviewReason: z.nullable(z.string()),
  duplicateOf: z.nullable(z.string()),
  eventId: z.nullable(z.number()),
  log: z.array(
    z.object({ action: z.string(), detail: z.record(z.string(), z.unknown()), by: z.nullable(z.string()), at: z.string() }),
  ),
});
export type Report = z.infer<typeof reportSchema>;

const reviewOutcomeSchema = z.object({
  report: z.object({ id: z.number(), reference: z.string(), status: z.enum(REPORT_STATUSES), eventId: z.nullable(z.number()) }),
});
export type ReviewOutcome = z.infer<typeof reviewOutcomeSchema>;

const intakeLinkSchema = z.object({ token: z.string(), label: z.nullable(z.string()), expiresAt: z.string() });
export type IntakeLink = z.infer<typeof intakeLinkSchema>;

export interface ReportFilter {
  status: string;
  country: string;
}

/** Reports matching the filter, newest submission first. */
export function fetchReports(f: ReportFilter, limit: number): Promise<ReportSummary[]> {
  const params = new URLSearchParams({ limit: String(limit) });
  if (f.status !== '') params.set('status', f.status);
  if (f.country !== '') params.set('country', f.country);
  return request(`/api/reports?${params}`, z.array(reportSummarySchema));
}

/** One report as the reader's role may see it: identities 'sealed'. */
export const fetchReport = (id: number): Promise<Report> => request(`/api/reports/${id}`, reportSchema);

/** The report with its identities opened, for admins and investigators; the server logs the read with the purpose first. */
export function revealReport(id: number, purpose: string): Promise<Report> {
  const params = new URLSearchParams({ reveal: 'true', purpose: purpose.trim() });
  return request(`/api/reports/${id}?${params}`, reportSchema);
}

/** A verification step with its reason; marking a duplicate names the original by reference or id. */
export function reviewReport(
  id: number,
  step: { action: ReviewAction; reason: string; duplicateOf?: string },
): Promise<ReviewOutcome> {
  const duplicateOf = step.duplicateOf?.trim();
  const body = {
    action: step.action,
    reason: step.reason.trim(),
    ...(step.action === 'mark-duplicate' && duplicateOf
      ? { duplicateOf: /^\d+$/.test(duplicateOf) ? Number(duplicateOf) : duplicateOf }
      : {}),
  };
  return request(`/api/reports/${id}/review`, reviewOutcomeSchema, { method: 'POST', ...jsonBody(body) });
}

/** A one-time link for one anonymous report; its token is shown once and never again. */
export function createIntakeLink(input: { label: string; days: number }): Promise<IntakeLink> {
  const label = input.label.trim();
  const body = { ...(label === '' ? {} : { label }), days: input.days };
  return request('/api/reports/intake-links', intakeLinkSchema, { method: 'POST', ...jsonBody(body) });
}
