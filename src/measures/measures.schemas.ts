import { z } from '@hono/zod-openapi';
import { MEASURE_KINDS, MEASURE_STATUSES } from './measure.js';

/** The API shapes of catalogue measures, recommendations and measures taken (also in a warning's detail). */
export const CatalogueMeasureBody = z
  .object({
    id: z.string(),
    kind: z.enum(MEASURE_KINDS),
    title: z.string(),
    description: z.string(),
    riskFactors: z.array(z.string()),
    active: z.boolean(),
  })
  .openapi('CatalogueMeasure');
export const RecommendedMeasureBody = CatalogueMeasureBody.extend({ addresses: z.array(z.string()), reason: z.string() }).openapi(
  'RecommendedMeasure',
);
export const WarningMeasureBody = z
  .object({
    id: z.number(),
    warningId: z.number(),
    catalogueId: z.string().nullable(),
    kind: z.enum(MEASURE_KINDS).nullable(),
    title: z.string(),
    owner: z.string(),
    ownerUser: z.string().nullable(),
    status: z.enum(MEASURE_STATUSES),
    dueDate: z.string().nullable(),
    outcome: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('WarningMeasure');
