import { createRoute, z } from '@hono/zod-openapi';
import { READERS, rolesAccess } from '../access/roles.js';
import { TocsinError } from '../core/errors.js';
import type { App, AppDeps } from '../http/app-env.js';
import { errorResponses, jsonResponse } from '../http/error-schema.js';
import { guarded } from '../http/guard.js';
import { eventFilterSchema, eventFilterShape } from './event-filter.js';
import { EventBody, EventPageBody, EventPointsBody, MonthlySummaryBody } from './events.schemas.js';
import { countEvents, countrySummary, eventPoints, getEvent, listEvents } from './events.repository.js';

// Query strings carry text: `minFatalities` arrives as "5" (coerced in the filter schema).
const FilterQuery = eventFilterShape.extend({
  bbox: z.string().optional().openapi({ example: '14.4,2.2,27.5,11.0', description: 'W,S,E,N' }),
});
const PageQuery = FilterQuery.extend({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z.string().max(200).optional(),
  includeTotal: z.enum(['true', 'false']).optional(),
});
const PointsQuery = FilterQuery.extend({ limit: z.coerce.number().int().min(1).max(50_000).default(10_000) });

/** Parses the filter part of a query with the shared schema (so bbox and date rules are the CLI's). */
function readFilter(query: Record<string, unknown>) {
  const { limit: _l, cursor: _c, includeTotal: _t, ...rest } = query;
  const parsed = eventFilterSchema.safeParse(rest);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new TocsinError('invalid_input', `${issue.path.join('.') || 'query'}: ${issue.message}`, {
      field: issue.path.join('.'),
    });
  }
  return parsed.data;
}

/** The event store through the API: filtered pages, map points, one event, and a country's monthly summary. */
export function registerEventRoutes(app: App, { db }: AppDeps): void {
  const readers = rolesAccess(...READERS);

  app.openapi(
    guarded(
      readers,
      createRoute({
        method: 'get',
        path: '/api/events',
        tags: ['events'],
        summary: 'Events matching the filters, newest first, one page at a time (keyset cursor)',
        request: { query: PageQuery },
        responses: { 200: jsonResponse(EventPageBody, 'A page of events'), ...errorResponses },
      }),
    ),
    async (c) => {
      const q = c.req.valid('query');
      const filter = readFilter(q);
      const page = await listEvents(db, filter, { limit: q.limit, cursor: q.cursor });
      if (q.includeTotal !== 'true') return c.json(page, 200);
      const { count, capped } = await countEvents(db, filter);
      return c.json({ ...page, total: count, totalIsLowerBound: capped }, 200);
    },
  );

  app.openapi(
    guarded(
      readers,
      createRoute({
        method: 'get',
        path: '/api/events.geojson',
        tags: ['events'],
        summary: 'Mappable events matching the filters as GeoJSON points (country-level locations are counted, not drawn)',
        request: { query: PointsQuery },
        responses: { 200: jsonResponse(EventPointsBody, 'Points'), ...errorResponses },
      }),
    ),
    async (c) => {
      const q = c.req.valid('query');
      const { points, truncated, unmapped } = await eventPoints(db, readFilter(q), q.limit);
      return c.json(
        {
          type: 'FeatureCollection' as const,
          truncated,
          unmapped,
          features: points.map(({ latitude, longitude, ...properties }) => ({
            type: 'Feature' as const,
            geometry: { type: 'Point' as const, coordinates: [longitude, latitude] as [number, number] },
            properties,
          })),
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
        path: '/api/events/{id}',
        tags: ['events'],
        summary: 'One event',
        request: { params: z.object({ id: z.coerce.number().int().positive() }) },
        responses: {
          200: jsonResponse(EventBody.extend({ raw: z.record(z.string(), z.string()) }), 'The event with its source row'),
          404: jsonResponse(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), 'No such event'),
          ...errorResponses,
        },
      }),
    ),
    async (c) => c.json(await getEvent(db, c.req.valid('param').id), 200),
  );

  app.openapi(
    guarded(
      readers,
      createRoute({
        method: 'get',
        path: '/api/countries/{iso3}/summary',
        tags: ['events'],
        summary: 'Events and best-estimate fatalities by month and violence category for one country',
        request: {
          params: z.object({ iso3: z.string().regex(/^[A-Za-z]{3}$/) }),
          query: z.object({ from: z.string().optional(), to: z.string().optional() }),
        },
        responses: { 200: jsonResponse(MonthlySummaryBody, 'Monthly counts'), ...errorResponses },
      }),
    ),
    async (c) => {
      const iso3 = c.req.valid('param').iso3.toUpperCase();
      const { from, to } = readFilter(c.req.valid('query'));
      const [country] = await db.query<{ iso3: string; name: string }>('SELECT iso3, name FROM countries WHERE iso3 = $1', [
        iso3,
      ]);
      if (!country) throw new TocsinError('not_found', `no country with ISO code ${iso3}`);
      const months = await countrySummary(db, iso3, { from, to });
      const totals = months.reduce((t, m) => ({ events: t.events + m.events, fatalities: t.fatalities + m.fatalities }), {
        events: 0,
        fatalities: 0,
      });
      return c.json({ country, totals, months }, 200);
    },
  );
}
