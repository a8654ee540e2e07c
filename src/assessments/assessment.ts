import { z } from 'zod';
import type { Iso3, IsoDate } from '../core/brand.js';
import { toIsoDate } from '../core/brand.js';

/** How strongly an indicator is present in the period. `unknown` is a rating too: it says the evidence is missing. */
export const RATINGS = ['absent', 'low', 'moderate', 'high', 'unknown'] as const;
export type Rating = (typeof RATINGS)[number];

/** How sure the analyst is of a rating. */
export const CONFIDENCES = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** The overall levels of concern, from the lowest to the highest. */
export const LEVELS = ['no-current-concern', 'monitoring', 'serious-concern', 'imminent-risk', 'current-crisis'] as const;
export type Level = (typeof LEVELS)[number];
export const levelRank = (l: Level): number => LEVELS.indexOf(l);

export const STATUSES = ['draft', 'in-review', 'published'] as const;
export type AssessmentStatus = (typeof STATUSES)[number];

/** What a rating's rationale can point at. Reports and evidence items are accepted now for the modules to come. */
export const EVIDENCE_KINDS = ['event', 'signal', 'forecast', 'report', 'evidence'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** A forecast is named by model, country and predictor year: `12:SDN:2024`. */
export const FORECAST_REF = /^(\d+):([A-Z]{3}):(\d{4})$/;

export const evidenceLinkSchema = z
  .object({
    kind: z.enum(EVIDENCE_KINDS),
    id: z.union([z.number().int().positive(), z.string().min(1).max(100)]),
  })
  .superRefine((l, ctx) => {
    if ((l.kind === 'event' || l.kind === 'signal') && typeof l.id !== 'number')
      ctx.addIssue({ code: 'custom', path: ['id'], message: `an ${l.kind} is named by its numeric id` });
    if (l.kind === 'forecast' && !(typeof l.id === 'string' && FORECAST_REF.test(l.id)))
      ctx.addIssue({ code: 'custom', path: ['id'], message: 'a forecast is named "model:ISO3:year", e.g. "3:SDN:2024"' });
  });
export type EvidenceLink = z.infer<typeof evidenceLinkSchema>;

const isoDate = z
  .string()
  .refine((s) => toIsoDate(s) !== undefined, 'must be a calendar date YYYY-MM-DD')
  .transform((s) => s as IsoDate);
const iso3 = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'must be an ISO alpha-3 code such as CAF')
  .transform((s) => s.toUpperCase() as Iso3);

export const newAssessmentSchema = z
  .object({
    country: iso3,
    admin1: z.string().trim().min(1).max(200).nullish(),
    groupId: z.number().int().positive().nullish(),
    periodStart: isoDate,
    periodEnd: isoDate,
    summary: z.string().max(20_000).default(''),
  })
  .refine((a) => a.periodEnd >= a.periodStart, { path: ['periodEnd'], message: 'must be on or after periodStart' });
export type NewAssessment = z.infer<typeof newAssessmentSchema>;

export const ratingInputSchema = z.object({
  rating: z.enum(RATINGS),
  confidence: z.enum(CONFIDENCES),
  rationale: z.string().max(20_000).default(''),
  evidence: z.array(evidenceLinkSchema).max(200).default([]),
});
export type RatingInput = z.infer<typeof ratingInputSchema>;

export const submitSchema = z.object({
  level: z.enum(LEVELS),
  summary: z.string().max(20_000).optional(),
});
export const returnSchema = z.object({ note: z.string().trim().min(1, 'say what must change').max(20_000) });
export const reviseSchema = z
  .object({ periodStart: isoDate, periodEnd: isoDate })
  .refine((a) => a.periodEnd >= a.periodStart, { path: ['periodEnd'], message: 'must be on or after periodStart' });

/** One indicator's rating in an assessment. */
export interface IndicatorRating {
  indicatorId: string;
  rating: Rating;
  confidence: Confidence;
  rationale: string;
  evidence: EvidenceLink[];
  ratedBy: string | null;
  ratedAt: string;
}

/** The part of the Framework of Analysis an assessment is rated against. */
export interface FrameworkIndicator {
  id: string;
  factorId: string;
  position: number;
  text: string;
}
export interface FrameworkFactor {
  id: string;
  number: number;
  title: string;
  scope: string;
  indicators: FrameworkIndicator[];
}

/** Where an assessment applies: a country, optionally narrowed to an admin1 region or a protected group. */
export interface AssessmentScope {
  country: Iso3;
  admin1: string | null;
  groupId: number | null;
}

export interface AssessmentSummary extends AssessmentScope {
  id: number;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  frameworkVersion: number;
  status: AssessmentStatus;
  level: Level | null;
  summary: string;
  factorScores: Record<string, number | null>;
  author: string | null;
  authorId: number | null;
  reviewer: string | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  publishedAt: string | null;
}

export interface Assessment extends AssessmentSummary {
  ratings: IndicatorRating[];
}
