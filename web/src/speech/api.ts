import * as z from 'zod/mini';
import { jsonBody, request } from '../api.js';
import {
  ASSESSMENTS,
  RABAT_PARTS,
  REVIEW_DECISIONS,
  SPEECH_LABELS,
  type Assessment,
  type RabatPart,
  type ReviewDecision,
} from './vocabulary.js';

/** The speech monitor's API (docs/speech-monitor.md), parsed at the edge. */

const itemSchema = z.object({
  id: z.number(),
  platform: z.string(),
  sourceId: z.string(),
  text: z.string(),
  language: z.nullable(z.string()),
  postedAt: z.nullable(z.string()),
  url: z.nullable(z.string()),
  country: z.nullable(z.string()),
  authorHash: z.nullable(z.string()),
  importBatchId: z.nullable(z.number()),
  importedAt: z.string(),
});
export type SpeechItem = z.infer<typeof itemSchema>;

const scoreSchema = z.object({
  modelId: z.number(),
  label: z.enum(SPEECH_LABELS),
  pHate: z.number(),
  pOffensive: z.number(),
  pNormal: z.number(),
  targets: z.array(z.string()),
  explanation: z.array(z.object({ token: z.string(), weight: z.number() })),
  scoredAt: z.string(),
});
export type SpeechScore = z.infer<typeof scoreSchema>;

const partSchema = z.object({ assessment: z.enum(ASSESSMENTS), note: z.string() });
const rabatSchema = z.object(Object.fromEntries(RABAT_PARTS.map((p) => [p, partSchema])) as Record<RabatPart, typeof partSchema>);

const reviewSchema = z.object({
  rabat: rabatSchema,
  decision: z.enum(REVIEW_DECISIONS),
  group: z.nullable(z.object({ id: z.number(), name: z.string() })),
  country: z.nullable(z.string()),
  admin1: z.nullable(z.string()),
  note: z.string(),
  reviewedBy: z.nullable(z.string()),
  reviewedAt: z.string(),
});
export type SpeechReview = z.infer<typeof reviewSchema>;

const queueSchema = z.object({ items: z.array(z.object({ item: itemSchema, score: scoreSchema })) });
export type QueueEntry = z.infer<typeof queueSchema>['items'][number];

const detailSchema = z.object({ item: itemSchema, scores: z.array(scoreSchema), review: z.nullable(reviewSchema) });
export type SpeechItemDetail = z.infer<typeof detailSchema>;

const groupsSchema = z.array(z.object({ id: z.number(), country: z.string(), name: z.string() }));
export type ProtectedGroup = z.infer<typeof groupsSchema>[number];

/** What an analyst sends: the six parts, the decision, and optionally the group and the place. */
export interface ReviewInput {
  rabat: Record<RabatPart, { assessment: Assessment; note: string }>;
  decision: ReviewDecision;
  groupId: number | null;
  country: string | null;
  admin1: string | null;
  note: string;
}

export const fetchQueue = async (threshold: number): Promise<QueueEntry[]> =>
  (await request(`/api/speech/queue?threshold=${threshold}&limit=200`, queueSchema)).items;

export const fetchSpeechItem = (id: number): Promise<SpeechItemDetail> => request(`/api/speech/items/${id}`, detailSchema);

export const postReview = (id: number, review: ReviewInput): Promise<SpeechReview> =>
  request(`/api/speech/items/${id}/review`, reviewSchema, { method: 'POST', ...jsonBody(review) });

export const fetchGroups = (country: string): Promise<ProtectedGroup[]> =>
  request(`/api/groups?country=${encodeURIComponent(country)}`, groupsSchema);
