import { createRoute, z } from '@hono/zod-openapi';
import { READERS, rolesAccess } from '../access/roles.js';
import type { App, AppDeps } from '../http/app-env.js';
import { errorResponses, jsonResponse } from '../http/error-schema.js';
import { guarded } from '../http/guard.js';
import { CAP_MEDIA_TYPE } from './cap-alert.js';
import { capAtomFeed } from './cap-feed.js';
import { capAlertOf, capFeedEntries, readPublicWarnings, setWarningPublic } from './cap.repository.js';
import { XML_DECLARATION } from './xml.js';

const IdParam = z.object({ id: z.coerce.number().int().positive() });
const NotFound = jsonResponse(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), 'No such public warning');
const xmlResponse = (type: string, description: string) => ({ description, content: { [type]: { schema: z.string() } } });

/** The CAP sender named in alerts: TOCSIN_CAP_SENDER, e.g. warnings@tocsin.example.org. */
export const capSender = (env: NodeJS.ProcessEnv = process.env): string => env.TOCSIN_CAP_SENDER ?? 'tocsin';

/**
 * The CAP 1.2 feed of public warnings, and the switch that makes a warning public.
 * Access: signed-in readers, not anonymous. CAP is made for broadcast, but a warning of atrocity
 * risk can endanger the people it names if it reaches those it warns about; an aggregator reads the
 * feed with a viewer's API token, and only warnings an admin marked public appear (docs/cap.md).
 */
export function registerCapRoutes(app: App, { db }: AppDeps): void {
  const readers = rolesAccess(...READERS);

  app.openapi(
    guarded(
      readers,
      createRoute({
        method: 'get',
        path: '/api/cap/alerts',
        tags: ['cap'],
        summary: 'Atom 1.0 feed of the public warnings as CAP 1.2 alerts',
        responses: { 200: xmlResponse('application/atom+xml', 'The feed'), ...errorResponses },
      }),
    ),
    async (c) => {
      const origin = new URL(c.req.url).origin;
      const now = new Date();
      const entries = await capFeedEntries(db, { sender: capSender(), now, alertUrl: (id) => `${origin}/api/cap/alerts/${id}` });
      const feed = capAtomFeed(entries, { feedUrl: `${origin}/api/cap/alerts`, now });
      return c.body(feed, 200, { 'content-type': 'application/atom+xml; charset=utf-8' });
    },
  );

  app.openapi(
    guarded(
      readers,
      createRoute({
        method: 'get',
        path: '/api/cap/alerts/{id}',
        tags: ['cap'],
        summary: 'One public warning as a CAP 1.2 alert',
        request: { params: IdParam },
        responses: { 200: xmlResponse(CAP_MEDIA_TYPE, 'The CAP alert'), 404: NotFound, ...errorResponses },
      }),
    ),
    async (c) => {
      const [p] = await readPublicWarnings(db, { id: c.req.valid('param').id });
      const alert = await capAlertOf(db, p!, { sender: capSender(), now: new Date() });
      return c.body(`${XML_DECLARATION}\n${alert}\n`, 200, { 'content-type': `${CAP_MEDIA_TYPE}; charset=utf-8` });
    },
  );

  app.openapi(
    guarded(
      rolesAccess('admin'),
      createRoute({
        method: 'put',
        path: '/api/warnings/{id}/public',
        tags: ['cap'],
        summary: 'Include a warning in the CAP feed (public: true) or take it out',
        request: {
          params: IdParam,
          body: { required: true, content: { 'application/json': { schema: z.object({ public: z.boolean() }).strict() } } },
        },
        responses: {
          200: jsonResponse(z.object({ id: z.number(), public: z.boolean() }), 'The warning is public or not'),
          404: jsonResponse(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), 'No such warning'),
          ...errorResponses,
        },
      }),
    ),
    async (c) => {
      const r = await setWarningPublic(db, c.req.valid('param').id, c.req.valid('json').public, {
        by: c.get('user')!.id,
        now: new Date(),
      });
      return c.json(r, 200);
    },
  );
}
