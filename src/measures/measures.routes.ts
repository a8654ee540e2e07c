import { createRoute, z } from '@hono/zod-openapi';
import { READERS, rolesAccess } from '../access/roles.js';
import { toIsoDate } from '../core/brand.js';
import { TocsinError } from '../core/errors.js';
import type { App, AppDeps } from '../http/app-env.js';
import { errorResponses, jsonResponse } from '../http/error-schema.js';
import { guarded } from '../http/guard.js';
import { listCatalogue, recommendMeasures } from './catalogue.repository.js';
import { CatalogueMeasureBody as Catalogue, RecommendedMeasureBody, WarningMeasureBody } from './measures.schemas.js';
import { measureUpdateSchema, newMeasureSchema } from './measure-input.js';
import { addMeasure, listMeasures, updateMeasure } from './warning-measures.repository.js';

const IdParam = z.object({ id: z.coerce.number().int().positive() });
const NotFound = jsonResponse(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), 'Not found');
const today = () => toIsoDate(new Date().toISOString().slice(0, 10))!;
const rfList = z
  .string()
  .max(200)
  .describe('risk factor ids, comma-separated: RF9,RF10')
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  );

/** The measure catalogue, recommendations, and measures tracked on warnings. */
export function registerMeasureRoutes(app: App, { db }: AppDeps): void {
  const readers = rolesAccess(...READERS);
  // Decision-makers own decisions, so they record the measures that carry them out.
  const recorders = rolesAccess('admin', 'analyst', 'decision-maker');

  app.openapi(
    guarded(
      readers,
      createRoute({
        method: 'get',
        path: '/api/measures/catalogue',
        tags: ['measures'],
        summary: 'The catalogue of protection measures by kind, each with the risk factors it addresses',
        responses: { 200: jsonResponse(z.array(Catalogue), 'The catalogue'), ...errorResponses },
      }),
    ),
    async (c) => c.json(await listCatalogue(db), 200),
  );

  app.openapi(
    guarded(
      readers,
      createRoute({
        method: 'get',
        path: '/api/measures/recommend',
        tags: ['measures'],
        summary: 'Catalogue measures recommended for risk factors, with the reason for each',
        request: { query: z.object({ riskFactors: rfList, limit: z.coerce.number().int().min(1).max(40).default(8) }) },
        responses: {
          200: jsonResponse(z.array(RecommendedMeasureBody), 'RecommendedMeasureBody measures, best first'),
          ...errorResponses,
        },
      }),
    ),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await recommendMeasures(db, q.riskFactors, q.limit), 200);
    },
  );

  app.openapi(
    guarded(
      readers,
      createRoute({
        method: 'get',
        path: '/api/measures',
        tags: ['measures'],
        summary: 'Measures on every warning, or only the overdue ones (due date past, neither done nor abandoned)',
        request: { query: z.object({ overdue: z.enum(['true', 'false']).default('false') }) },
        responses: { 200: jsonResponse(z.array(WarningMeasureBody), 'Measures, earliest due first'), ...errorResponses },
      }),
    ),
    async (c) => {
      const overdue = c.req.valid('query').overdue === 'true';
      return c.json(await listMeasures(db, overdue ? { overdueOn: today() } : {}), 200);
    },
  );

  app.openapi(
    guarded(
      readers,
      createRoute({
        method: 'get',
        path: '/api/warnings/{id}/measures',
        tags: ['measures'],
        summary: 'Measures taken on a warning, and the catalogue measures recommended for its risk factors',
        request: { params: IdParam },
        responses: {
          200: jsonResponse(
            z.object({ measures: z.array(WarningMeasureBody), recommended: z.array(RecommendedMeasureBody) }),
            'Measures',
          ),
          404: NotFound,
          ...errorResponses,
        },
      }),
    ),
    async (c) => {
      const id = c.req.valid('param').id;
      const [w] = await db.query<{ risk_factors: string[] }>('SELECT risk_factors FROM warnings WHERE id = $1', [id]);
      if (!w) throw new TocsinError('not_found', `no warning ${id}`);
      return c.json(
        { measures: await listMeasures(db, { warningId: id }), recommended: await recommendMeasures(db, w.risk_factors) },
        200,
      );
    },
  );

  app.openapi(
    guarded(
      recorders,
      createRoute({
        method: 'post',
        path: '/api/warnings/{id}/measures',
        tags: ['measures'],
        summary:
          'Add a measure to a warning (from the catalogue or free text); the first one on an "act" decision moves it to "measures"',
        request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: newMeasureSchema } } } },
        responses: {
          201: jsonResponse(z.object({ measure: WarningMeasureBody, warningStatus: z.string() }), 'The measure added'),
          404: NotFound,
          409: jsonResponse(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), 'The warning is closed'),
          ...errorResponses,
        },
      }),
    ),
    async (c) => {
      const r = await addMeasure(db, c.req.valid('param').id, c.req.valid('json'), { by: c.get('user')!.id, now: new Date() });
      return c.json(r, 201);
    },
  );

  app.openapi(
    guarded(
      recorders,
      createRoute({
        method: 'patch',
        path: '/api/measures/{id}',
        tags: ['measures'],
        summary: 'Update a measure: status (an outcome is required for done or abandoned), outcome, owner, due date',
        request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: measureUpdateSchema } } } },
        responses: {
          200: jsonResponse(WarningMeasureBody, 'The measure'),
          404: NotFound,
          409: jsonResponse(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), 'A finished measure'),
          ...errorResponses,
        },
      }),
    ),
    async (c) =>
      c.json(
        await updateMeasure(db, c.req.valid('param').id, c.req.valid('json'), { by: c.get('user')!.id, now: new Date() }),
        200,
      ),
  );
}
