import { createRoute, z } from '@hono/zod-openapi';
import { READERS, rolesAccess } from '../access/roles.js';
import type { Iso3 } from '../core/brand.js';
import type { App, AppDeps, AppEnv } from '../http/app-env.js';
import { errorResponses, jsonResponse } from '../http/error-schema.js';
import { guarded } from '../http/guard.js';
import type { Context } from 'hono';
import { newAssessmentSchema, ratingInputSchema, returnSchema, reviseSchema, STATUSES, submitSchema } from './assessment.js';
import { rateIndicator } from './assessment-ratings.repository.js';
import { consistencyOfPublished, diffStoredAssessments, viewAssessment } from './assessment-view.js';
import { publishAndWarn } from '../warnings/publish-and-warn.js';
import { returnAssessment, reviseAssessment, submitAssessment } from './assessment-workflow.repository.js';
import { assessmentHistory, createAssessment, getAssessment, listAssessments } from './assessments.repository.js';
import {
  AssessmentBody,
  AssessmentSummaryBody,
  ConsistencyBody,
  DiffBody,
  HistoryBody,
  PublishBody,
} from './assessments.schemas.js';
import { DRAFTERS, PUBLISHERS, type Actor } from './workflow.js';

const Problem = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
const NotFound = jsonResponse(Problem, 'No such assessment');
const Conflict = jsonResponse(Problem, 'Not possible in the assessment’s status (published assessments never change)');
const IdParam = z.object({ id: z.coerce.number().int().positive() });
const body = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });
const actorOf = (c: Context<AppEnv>): Actor => {
  const u = c.get('user')!;
  return { id: u.id, role: u.role };
};

/** Assessments against the Framework of Analysis: drafting, rating, review, publication, history, diffs, consistency. */
export function registerAssessmentRoutes(app: App, { db }: AppDeps): void {
  const readers = rolesAccess(...READERS);
  const drafters = rolesAccess(...DRAFTERS);
  const publishers = rolesAccess(...PUBLISHERS);
  const tags = ['assessments'];

  app.openapi(
    guarded(
      readers,
      createRoute({
        method: 'get',
        path: '/api/assessments',
        tags,
        summary: 'Assessments, the most recent period first',
        request: {
          query: z.object({
            country: z
              .string()
              .regex(/^[A-Za-z]{3}$/, 'must be an ISO alpha-3 code such as CAF')
              .optional(),
            status: z.enum(STATUSES).optional(),
            limit: z.coerce.number().int().min(1).max(1000).default(100),
          }),
        },
        responses: { 200: jsonResponse(z.array(AssessmentSummaryBody), 'The assessments'), ...errorResponses },
      }),
    ),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await listAssessments(db, { ...q, country: q.country?.toUpperCase() as Iso3 | undefined }), 200);
    },
  );

  // Before /api/assessments/{id}, which would otherwise also match "consistency".
  app.openapi(
    guarded(
      readers,
      createRoute({
        method: 'get',
        path: '/api/assessments/consistency',
        tags,
        summary: 'Countries whose latest published assessments have similar factor scores but different levels',
        responses: { 200: jsonResponse(ConsistencyBody, 'The consistency report'), ...errorResponses },
      }),
    ),
    async (c) => c.json(await consistencyOfPublished(db), 200),
  );

  app.openapi(
    guarded(
      readers,
      createRoute({
        method: 'get',
        path: '/api/assessments/{id}',
        tags,
        summary: 'One assessment: ratings, factor scores, the suggested level and the suggestions from data',
        request: { params: IdParam },
        responses: { 200: jsonResponse(AssessmentBody, 'The assessment'), 404: NotFound, ...errorResponses },
      }),
    ),
    async (c) => c.json(await viewAssessment(db, c.req.valid('param').id), 200),
  );

  app.openapi(
    guarded(
      drafters,
      createRoute({
        method: 'post',
        path: '/api/assessments',
        tags,
        summary: 'Open a draft for a country (optionally an admin1 region or a protected group) and a period',
        request: body(newAssessmentSchema),
        responses: { 201: jsonResponse(AssessmentBody, 'The new draft'), ...errorResponses },
      }),
    ),
    async (c) => {
      const id = await db.transaction((tx) => createAssessment(tx, c.req.valid('json'), actorOf(c)));
      return c.json(await viewAssessment(db, id), 201);
    },
  );

  app.openapi(
    guarded(
      drafters,
      createRoute({
        method: 'put',
        path: '/api/assessments/{id}/ratings/{indicator}',
        tags,
        summary: 'Rate one indicator of a draft, with confidence, rationale and evidence links',
        request: {
          params: IdParam.extend({ indicator: z.string().regex(/^\d+\.\d+$/, 'an indicator id such as 7.3') }),
          ...body(ratingInputSchema),
        },
        responses: { 200: jsonResponse(AssessmentBody, 'The assessment'), 404: NotFound, 409: Conflict, ...errorResponses },
      }),
    ),
    async (c) => {
      const { id, indicator } = c.req.valid('param');
      await rateIndicator(db, id, indicator, c.req.valid('json'), actorOf(c));
      return c.json(await viewAssessment(db, id), 200);
    },
  );

  app.openapi(
    guarded(
      drafters,
      createRoute({
        method: 'post',
        path: '/api/assessments/{id}/submit',
        tags,
        summary: 'The author chooses the level and sends the draft for review',
        request: { params: IdParam, ...body(submitSchema) },
        responses: { 200: jsonResponse(AssessmentSummaryBody, 'In review'), 404: NotFound, 409: Conflict, ...errorResponses },
      }),
    ),
    async (c) => {
      const { id } = c.req.valid('param');
      await submitAssessment(db, id, c.req.valid('json'), actorOf(c));
      return c.json(await getAssessment(db, id), 200);
    },
  );

  app.openapi(
    guarded(
      publishers,
      createRoute({
        method: 'post',
        path: '/api/assessments/{id}/return',
        tags,
        summary: 'A reviewer sends an assessment in review back to draft, with a note',
        request: { params: IdParam, ...body(returnSchema) },
        responses: { 200: jsonResponse(AssessmentSummaryBody, 'A draft again'), 404: NotFound, 409: Conflict, ...errorResponses },
      }),
    ),
    async (c) => {
      const { id } = c.req.valid('param');
      await returnAssessment(db, id, c.req.valid('json'), actorOf(c));
      return c.json(await getAssessment(db, id), 200);
    },
  );

  app.openapi(
    guarded(
      publishers,
      createRoute({
        method: 'post',
        path: '/api/assessments/{id}/publish',
        tags,
        summary: 'A reviewer other than the author publishes; says whether the level rose, and raises a warning when it did',
        request: { params: IdParam },
        responses: { 200: jsonResponse(PublishBody, 'Published'), 404: NotFound, 409: Conflict, ...errorResponses },
      }),
    ),
    async (c) => {
      const { id } = c.req.valid('param');
      const { assessmentId, level: _level, ...result } = await publishAndWarn(db, id, actorOf(c));
      return c.json({ assessment: await getAssessment(db, assessmentId), ...result }, 200);
    },
  );

  app.openapi(
    guarded(
      drafters,
      createRoute({
        method: 'post',
        path: '/api/assessments/{id}/revise',
        tags,
        summary: 'Start a new draft for a new period as a copy of a published assessment',
        request: { params: IdParam, ...body(reviseSchema) },
        responses: { 201: jsonResponse(AssessmentBody, 'The new draft'), 404: NotFound, 409: Conflict, ...errorResponses },
      }),
    ),
    async (c) => {
      const copy = await reviseAssessment(db, c.req.valid('param').id, c.req.valid('json'), actorOf(c));
      return c.json(await viewAssessment(db, copy), 201);
    },
  );

  app.openapi(
    guarded(
      readers,
      createRoute({
        method: 'get',
        path: '/api/assessments/{id}/history',
        tags,
        summary: 'Every change of an assessment, with who and when',
        request: { params: IdParam },
        responses: { 200: jsonResponse(HistoryBody, 'The history'), 404: NotFound, ...errorResponses },
      }),
    ),
    async (c) => c.json(await assessmentHistory(db, c.req.valid('param').id), 200),
  );

  app.openapi(
    guarded(
      readers,
      createRoute({
        method: 'get',
        path: '/api/assessments/{id}/diff',
        tags,
        summary: 'What changed from this assessment to another: ratings, factor scores, level',
        request: { params: IdParam, query: z.object({ with: z.coerce.number().int().positive() }) },
        responses: { 200: jsonResponse(DiffBody, 'The differences'), 404: NotFound, ...errorResponses },
      }),
    ),
    async (c) => c.json(await diffStoredAssessments(db, c.req.valid('param').id, c.req.valid('query').with), 200),
  );
}
