import * as z from 'zod/mini';
import { jsonBody, request } from '../api.js';
import {
  CONFIDENCES,
  EVIDENCE_KINDS,
  LEVELS,
  RATINGS,
  SCOPES,
  STATUSES,
  TITLE_VERIFICATIONS,
  VERIFICATIONS,
} from './vocabulary.js';

/** The assessments API's answers (src/assessments/assessments.schemas.ts), parsed once at the edge. */

const level = z.nullable(z.enum(LEVELS));
const evidenceSchema = z.object({ kind: z.enum(EVIDENCE_KINDS), id: z.union([z.number(), z.string()]) });
export type EvidenceLink = z.infer<typeof evidenceSchema>;

export const summarySchema = z.object({
  id: z.number(),
  country: z.string(),
  admin1: z.nullable(z.string()),
  groupId: z.nullable(z.number()),
  periodStart: z.string(),
  periodEnd: z.string(),
  frameworkVersion: z.number(),
  status: z.enum(STATUSES),
  level,
  summary: z.string(),
  factorScores: z.record(z.string(), z.nullable(z.number())),
  author: z.nullable(z.string()),
  authorId: z.nullable(z.number()),
  reviewer: z.nullable(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.nullable(z.string()),
  publishedAt: z.nullable(z.string()),
});
export type AssessmentSummary = z.infer<typeof summarySchema>;

const ratingSchema = z.object({
  indicatorId: z.string(),
  rating: z.enum(RATINGS),
  confidence: z.enum(CONFIDENCES),
  rationale: z.string(),
  evidence: z.array(evidenceSchema),
  ratedBy: z.nullable(z.string()),
  ratedAt: z.string(),
});
export type IndicatorRating = z.infer<typeof ratingSchema>;

const suggestionSchema = z.object({
  factorId: z.string(),
  indicatorId: z.nullable(z.string()),
  suggestedRating: z.enum(RATINGS),
  basis: z.string(),
  evidence: z.array(evidenceSchema),
});
export type Suggestion = z.infer<typeof suggestionSchema>;

const scoreSchema = z.object({
  factorId: z.string(),
  score: z.nullable(z.number()),
  coverage: z.number(),
  rated: z.number(),
  unknown: z.number(),
  indicators: z.number(),
});
export type FactorScore = z.infer<typeof scoreSchema>;

export const assessmentSchema = z.extend(summarySchema, {
  ratings: z.array(ratingSchema),
  scores: z.array(scoreSchema),
  suggestedLevel: z.object({ level, explanation: z.string() }),
  suggestions: z.array(suggestionSchema),
});
export type AssessmentView = z.infer<typeof assessmentSchema>;

const indicatorSchema = z.object({
  id: z.string(),
  factorId: z.string(),
  position: z.number(),
  text: z.string(),
  verification: z.enum(VERIFICATIONS),
});
const factorSchema = z.object({
  id: z.string(),
  number: z.number(),
  title: z.string(),
  scope: z.enum(SCOPES),
  summary: z.string(),
  verification: z.enum(VERIFICATIONS),
  titleVerification: z.enum(TITLE_VERIFICATIONS),
  indicators: z.array(indicatorSchema),
});
export type RiskFactor = z.infer<typeof factorSchema>;
export type RiskIndicator = z.infer<typeof indicatorSchema>;
const frameworkSchema = z.object({ version: z.number(), factors: z.array(factorSchema) });

const historySchema = z.array(
  z.object({
    id: z.number(),
    action: z.string(),
    detail: z.record(z.string(), z.unknown()),
    user: z.nullable(z.string()),
    at: z.string(),
  }),
);
export type HistoryEntry = z.infer<typeof historySchema>[number];

const change = z.nullable(z.object({ rating: z.enum(RATINGS), confidence: z.enum(CONFIDENCES) }));
const diffSchema = z.object({
  from: z.number(),
  to: z.number(),
  level: z.object({ from: level, to: level, direction: z.enum(['rose', 'fell', 'same', 'set', 'cleared']) }),
  indicators: z.array(z.object({ indicatorId: z.string(), from: change, to: change })),
  factors: z.array(
    z.object({ factorId: z.string(), from: z.nullable(z.number()), to: z.nullable(z.number()), change: z.nullable(z.number()) }),
  ),
});
export type AssessmentDiff = z.infer<typeof diffSchema>;

const publishedSchema = z.object({
  assessment: summarySchema,
  previousLevel: level,
  levelRose: z.boolean(),
  warningId: z.nullable(z.number()),
});
export type PublishResult = z.infer<typeof publishedSchema>;

export interface RatingInput {
  rating: IndicatorRating['rating'];
  confidence: IndicatorRating['confidence'];
  rationale: string;
  evidence: EvidenceLink[];
}

const post = (value?: unknown): RequestInit => ({ method: 'POST', ...(value === undefined ? {} : jsonBody(value)) });

export function fetchAssessments(filter: { country: string; status: string }): Promise<AssessmentSummary[]> {
  const params = new URLSearchParams({ limit: '500' });
  if (filter.country !== '') params.set('country', filter.country);
  if (filter.status !== '') params.set('status', filter.status);
  return request(`/api/assessments?${params}`, z.array(summarySchema));
}

export const fetchAssessment = (id: number) => request(`/api/assessments/${id}`, assessmentSchema);
export const fetchFramework = (version: number) => request(`/api/framework?version=${version}`, frameworkSchema);
export const fetchHistory = (id: number) => request(`/api/assessments/${id}/history`, historySchema);
export const fetchDiff = (id: number, other: number) => request(`/api/assessments/${id}/diff?with=${other}`, diffSchema);

export const createAssessment = (input: { country: string; admin1: string | null; periodStart: string; periodEnd: string }) =>
  request('/api/assessments', assessmentSchema, post(input));

export const rateIndicator = (id: number, indicatorId: string, input: RatingInput) =>
  request(`/api/assessments/${id}/ratings/${encodeURIComponent(indicatorId)}`, assessmentSchema, {
    method: 'PUT',
    ...jsonBody(input),
  });

export const submitAssessment = (id: number, input: { level: string; summary: string }) =>
  request(`/api/assessments/${id}/submit`, summarySchema, post(input));
export const returnAssessment = (id: number, note: string) =>
  request(`/api/assessments/${id}/return`, summarySchema, post({ note }));
export const publishAssessment = (id: number) => request(`/api/assessments/${id}/publish`, publishedSchema, post());
export const reviseAssessment = (id: number, period: { periodStart: string; periodEnd: string }) =>
  request(`/api/assessments/${id}/revise`, assessmentSchema, post(period));
