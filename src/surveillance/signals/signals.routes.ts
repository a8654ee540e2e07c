import { createRoute, z } from '@hono/zod-openapi';
import { READERS, rolesAccess } from '../../access/roles.js';
import type { Iso3 } from '../../core/brand.js';
import type { App, AppDeps } from '../../http/app-env.js';
import { errorResponses, jsonResponse } from '../../http/error-schema.js';
import { guarded } from '../../http/guard.js';
import { FREQUENCIES } from '../series/periods.js';
import { SERIES_CATEGORIES } from '../series/series.js';
import { readSeriesSet } from '../series/series.repository.js';
import { readSurveillanceSettings, saveSurveillanceSettings } from '../surveillance-settings.repository.js';
import { parseSignalFilter, signalFilterShape, triageSchema } from './signal-filter.js';
import { SeriesBody, SignalBody, SignalPageBody } from './signals.schemas.js';
import { getSignal, listSignals, triageSignal } from './signals.repository.js';

const NotFound = jsonResponse(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), 'No such signal');
const IdParam = z.object({ id: z.coerce.number().int().positive() });
const Settings = z.record(z.string(), z.unknown()).openapi('SurveillanceSettings');

/** Signals and their triage, the series behind them, and the surveillance settings. */
export function registerSignalRoutes(app: App, { db }: AppDeps): void {
  const readers = rolesAccess(...READERS);
  const triagers = rolesAccess('admin', 'analyst');

  app.openapi(
    guarded(
      readers,
      createRoute({
        method: 'get',
        path: '/api/signals',
        tags: ['surveillance'],
        summary: 'Signals matching the filters, newest week first (keyset cursor)',
        request: {
          query: signalFilterShape.extend({
            limit: z.coerce.number().int().min(1).max(1000).default(100),
            cursor: z.string().max(100).optional(),
          }),
        },
        responses: { 200: jsonResponse(SignalPageBody, 'A page of signals'), ...errorResponses },
      }),
    ),
    async (c) => {
      const { limit, cursor, ...rest } = c.req.valid('query');
      return c.json(await listSignals(db, parseSignalFilter(rest), { limit, cursor }), 200);
    },
  );

  app.openapi(
    guarded(
      readers,
      createRoute({
        method: 'get',
        path: '/api/signals/{id}',
        tags: ['surveillance'],
        summary: 'One signal with the ids of the events behind it',
        request: { params: IdParam },
        responses: { 200: jsonResponse(SignalBody, 'The signal'), 404: NotFound, ...errorResponses },
      }),
    ),
    async (c) => c.json(await getSignal(db, c.req.valid('param').id), 200),
  );

  app.openapi(
    guarded(
      triagers,
      createRoute({
        method: 'post',
        path: '/api/signals/{id}/triage',
        tags: ['surveillance'],
        summary: 'Record a triage decision (discard, monitor, raise-warning) with its reason',
        request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: triageSchema } } } },
        responses: { 200: jsonResponse(SignalBody, 'The signal after triage'), 404: NotFound, ...errorResponses },
      }),
    ),
    async (c) => {
      const t = c.req.valid('json');
      return c.json(await triageSignal(db, c.req.valid('param').id, { ...t, userId: c.get('user')!.id }), 200);
    },
  );

  app.openapi(
    guarded(
      readers,
      createRoute({
        method: 'get',
        path: '/api/series',
        tags: ['surveillance'],
        summary: 'A zero-filled weekly or monthly series of incidents and fatalities for a country or admin1 region',
        request: {
          query: z.object({
            country: z.string().regex(/^[A-Za-z]{3}$/, 'must be an ISO alpha-3 code such as CAF'),
            admin1: z.string().max(200).optional(),
            category: z.enum(SERIES_CATEGORIES).default('violence'),
            frequency: z.enum(FREQUENCIES).default('weekly'),
          }),
        },
        responses: { 200: jsonResponse(SeriesBody, 'The series'), ...errorResponses },
      }),
    ),
    async (c) => {
      const q = c.req.valid('query');
      const country = q.country.toUpperCase() as Iso3;
      const set = await readSeriesSet(db, {
        frequency: q.frequency,
        categories: [q.category],
        countries: [country],
        admin1: q.admin1,
      });
      const s = set.series[0];
      const zeros = () => set.periods.map(() => 0);
      return c.json(
        {
          country,
          admin1: q.admin1 ?? null,
          category: q.category,
          frequency: q.frequency,
          periods: set.periods,
          incidents: s ? [...s.incidents] : zeros(),
          fatalities: s ? [...s.fatalities] : zeros(),
        },
        200,
      );
    },
  );

  app.openapi(
    guarded(
      readers,
      createRoute({
        method: 'get',
        path: '/api/surveillance/settings',
        tags: ['surveillance'],
        summary: 'The series watched, the detection methods and the corroboration rule',
        responses: { 200: jsonResponse(Settings, 'The settings'), ...errorResponses },
      }),
    ),
    async (c) => c.json(await readSurveillanceSettings(db), 200),
  );

  app.openapi(
    guarded(
      rolesAccess('admin'),
      createRoute({
        method: 'put',
        path: '/api/surveillance/settings',
        tags: ['surveillance'],
        summary: 'Replace the surveillance settings (they apply from the next import)',
        request: { body: { required: true, content: { 'application/json': { schema: Settings } } } },
        responses: { 200: jsonResponse(Settings, 'The saved settings'), ...errorResponses },
      }),
    ),
    async (c) => c.json(await saveSurveillanceSettings(db, c.req.valid('json'), c.get('user')!.id), 200),
  );
}
