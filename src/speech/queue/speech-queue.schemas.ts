import { z } from '@hono/zod-openapi';
import { SPEECH_LABELS } from '../corpora/corpus.js';
import { ASSESSMENTS, RABAT_PARTS, REVIEW_DECISIONS } from './rabat.js';

const Item = z
  .object({
    id: z.number().int(),
    platform: z.string(),
    sourceId: z.string(),
    text: z.string(),
    language: z.string().nullable(),
    postedAt: z.string().nullable(),
    url: z.string().nullable(),
    country: z.string().nullable(),
    authorHash: z
      .string()
      .nullable()
      .openapi({ description: 'HMAC-SHA256 of the handle with the instance key; never the handle' }),
    importBatchId: z.number().int().nullable(),
    importedAt: z.string(),
  })
  .openapi('SpeechItem');

const Score = z
  .object({
    modelId: z.number().int(),
    label: z.enum(SPEECH_LABELS),
    pHate: z.number(),
    pOffensive: z.number(),
    pNormal: z.number(),
    targets: z.array(z.string()),
    explanation: z
      .array(z.object({ token: z.string(), weight: z.number() }))
      .openapi({ description: 'the words that drove the score' }),
    scoredAt: z.string(),
  })
  .openapi('SpeechScore');

const Part = z.object({ assessment: z.enum(ASSESSMENTS), note: z.string() });
const Rabat = z.object(
  Object.fromEntries(RABAT_PARTS.map((p) => [p, Part])) as Record<(typeof RABAT_PARTS)[number], typeof Part>,
);

export const ReviewBody = z
  .object({
    rabat: Rabat,
    decision: z.enum(REVIEW_DECISIONS),
    group: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    country: z.string().nullable(),
    admin1: z.string().nullable(),
    note: z.string(),
    reviewedBy: z.string().nullable(),
    reviewedAt: z.string(),
  })
  .openapi('SpeechReview');

export const QueueBody = z.object({ items: z.array(z.object({ item: Item, score: Score })) }).openapi('SpeechQueue');
export const ItemDetailBody = z
  .object({ item: Item, scores: z.array(Score), review: ReviewBody.nullable() })
  .openapi('SpeechItemDetail');
export const ImportReportBody = z
  .object({
    batchId: z.number().int(),
    rowsRead: z.number().int(),
    inserted: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int(),
    rejections: z.array(z.object({ line: z.number().int(), column: z.string().nullable(), reason: z.string() })),
  })
  .openapi('SpeechImportReport');
