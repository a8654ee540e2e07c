import { z } from '@hono/zod-openapi';
import { CONFIDENCES, EVIDENCE_KINDS, LEVELS, RATINGS, STATUSES } from './assessment.js';

const Evidence = z.object({ kind: z.enum(EVIDENCE_KINDS), id: z.union([z.number(), z.string()]) });
const Level = z.enum(LEVELS);

export const AssessmentSummaryBody = z
  .object({
    id: z.number(),
    country: z.string(),
    admin1: z.string().nullable(),
    groupId: z.number().nullable(),
    periodStart: z.string(),
    periodEnd: z.string(),
    frameworkVersion: z.number(),
    status: z.enum(STATUSES),
    level: Level.nullable().openapi({ description: "the person's choice; the suggestion is in suggestedLevel" }),
    summary: z.string(),
    factorScores: z.record(z.string(), z.number().nullable()),
    author: z.string().nullable(),
    authorId: z.number().nullable(),
    reviewer: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    submittedAt: z.string().nullable(),
    publishedAt: z.string().nullable(),
  })
  .openapi('AssessmentSummary');

const RatingBody = z.object({
  indicatorId: z.string(),
  rating: z.enum(RATINGS),
  confidence: z.enum(CONFIDENCES),
  rationale: z.string(),
  evidence: z.array(Evidence),
  ratedBy: z.string().nullable(),
  ratedAt: z.string(),
});

export const AssessmentBody = AssessmentSummaryBody.extend({
  ratings: z.array(RatingBody),
  framework: z.array(
    z.object({
      id: z.string(),
      number: z.number(),
      title: z.string(),
      scope: z.string(),
      indicators: z.array(z.object({ id: z.string(), factorId: z.string(), position: z.number(), text: z.string() })),
    }),
  ),
  scores: z.array(
    z.object({
      factorId: z.string(),
      score: z.number().nullable(),
      coverage: z.number(),
      rated: z.number(),
      unknown: z.number(),
      indicators: z.number(),
    }),
  ),
  suggestedLevel: z.object({ level: Level.nullable(), explanation: z.string() }),
  suggestions: z.array(
    z.object({
      factorId: z.string(),
      indicatorId: z.string().nullable(),
      suggestedRating: z.enum(RATINGS),
      basis: z.string(),
      evidence: z.array(Evidence),
    }),
  ),
}).openapi('Assessment');

export const PublishBody = z
  .object({
    assessment: AssessmentSummaryBody,
    previousAssessmentId: z.number().nullable(),
    previousLevel: Level.nullable(),
    levelRose: z.boolean(),
    warningId: z.number().nullable().openapi({ description: 'the warning raised because the level rose, if any' }),
  })
  .openapi('AssessmentPublished');

export const HistoryBody = z
  .array(
    z.object({
      id: z.number(),
      action: z.string(),
      detail: z.record(z.string(), z.unknown()),
      user: z.string().nullable(),
      at: z.string(),
    }),
  )
  .openapi('AssessmentHistory');

const Change = z.object({ rating: z.enum(RATINGS), confidence: z.enum(CONFIDENCES) }).nullable();
export const DiffBody = z
  .object({
    from: z.number(),
    to: z.number(),
    level: z.object({
      from: Level.nullable(),
      to: Level.nullable(),
      direction: z.enum(['rose', 'fell', 'same', 'set', 'cleared']),
    }),
    indicators: z.array(z.object({ indicatorId: z.string(), from: Change, to: Change })),
    factors: z.array(
      z.object({ factorId: z.string(), from: z.number().nullable(), to: z.number().nullable(), change: z.number().nullable() }),
    ),
  })
  .openapi('AssessmentDiff');

const Side = z.object({ id: z.number(), country: z.string(), level: Level });
export const ConsistencyBody = z
  .object({
    compared: z.number(),
    metric: z.string(),
    threshold: z.number(),
    pairs: z.array(
      z.object({
        a: Side,
        b: Side,
        distance: z.number(),
        levelGap: z.number(),
        factors: z.array(z.object({ factorId: z.string(), a: z.number(), b: z.number() })),
        text: z.string(),
      }),
    ),
    text: z.string(),
  })
  .openapi('AssessmentConsistency');
