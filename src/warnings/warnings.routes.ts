import { createRoute, z } from '@hono/zod-openapi';
import { READERS, rolesAccess, type Role } from '../access/roles.js';
import type { App, AppDeps } from '../http/app-env.js';
import { errorResponses, jsonResponse } from '../http/error-schema.js';
import { guarded } from '../http/guard.js';
import { raiseFromForecasts } from './from-forecasts.js';
import { raiseFromSignal } from './from-signal.js';
import { raiseWarning } from './raise-warning.js';
import { readTimeliness } from './timeliness.repository.js';
import { parseWarningFilter, periodShape, warningFilterShape } from './warning-filter.js';
import { closeSchema, decideSchema, escalateSchema, fromSignalSchema, manualWarningSchema } from './warning-input.js';
import { maskWarningSettings } from './warning-settings.js';
import { readWarningSettings, saveWarningSettings } from './warning-settings.repository.js';
import { acknowledgeWarning, closeWarning, decideWarning, escalateWarning } from './warning-steps.js';
import {
  ForecastRaiseBody,
  TimelinessBody,
  WarningBody,
  WarningDetailBody,
  WarningListBody,
  WarningSettingsBody,
} from './warnings.schemas.js';
import { getWarningDetail, listWarnings } from './warnings.repository.js';

const NotFound = jsonResponse(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), 'No such warning');
const Conflict = jsonResponse(
  z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
  "The step is not possible in the warning's state (the message says why)",
);
const IdParam = z.object({ id: z.coerce.number().int().positive() });
const json = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });
const responses = <T extends ReturnType<typeof jsonResponse>>(ok: T) => ({
  200: ok,
  404: NotFound,
  409: Conflict,
  ...errorResponses,
});

/** Warnings: raise, acknowledge, decide, escalate, close; deadlines and escalation settings; timeliness. */
export function registerWarningRoutes(app: App, { db }: AppDeps): void {
  const readers = rolesAccess(...READERS);
  const raisers = rolesAccess('admin', 'analyst');
  const deciders = rolesAccess('decision-maker', 'admin');
  const admins = rolesAccess('admin');
  const actor = (user: { id: number; username: string; role: Role }) => ({ user, now: new Date() });

  app.openapi(
    guarded(
      readers,
      createRoute({
        method: 'get',
        path: '/api/warnings',
        tags: ['warnings'],
        summary: 'Warnings matching the filters, newest first',
        request: { query: warningFilterShape.extend({ limit: z.coerce.number().int().min(1).max(1000).default(100) }) },
        responses: { 200: jsonResponse(WarningListBody, 'The warnings'), ...errorResponses },
      }),
    ),
    async (c) => {
      const { limit, ...rest } = c.req.valid('query');
      return c.json({ items: await listWarnings(db, parseWarningFilter(rest, new Date()), limit) }, 200);
    },
  );

  // The fixed paths below come before /api/warnings/{id}.
  app.openapi(
    guarded(
      admins,
      createRoute({
        method: 'get',
        path: '/api/warnings/settings',
        tags: ['warnings'],
        summary: 'Deadlines by severity, escalation tiers, forecast threshold, webhooks (secrets masked)',
        responses: { 200: jsonResponse(WarningSettingsBody, 'The settings'), ...errorResponses },
      }),
    ),
    async (c) => c.json(maskWarningSettings(await readWarningSettings(db)), 200),
  );

  app.openapi(
    guarded(
      admins,
      createRoute({
        method: 'put',
        path: '/api/warnings/settings',
        tags: ['warnings'],
        summary:
          'Replace the warning settings (a masked webhook secret keeps the stored one); they apply to warnings raised from now on',
        request: json(WarningSettingsBody),
        responses: { 200: jsonResponse(WarningSettingsBody, 'The saved settings (secrets masked)'), ...errorResponses },
      }),
    ),
    async (c) => c.json(maskWarningSettings(await saveWarningSettings(db, c.req.valid('json'), c.get('user')!.id)), 200),
  );

  app.openapi(
    guarded(
      readers,
      createRoute({
        method: 'get',
        path: '/api/warnings/metrics',
        tags: ['warnings'],
        summary: 'Timeliness: hours to acknowledge and decide, share overdue, signals triaged within the target',
        request: { query: periodShape },
        responses: { 200: jsonResponse(TimelinessBody, 'The timeliness report'), ...errorResponses },
      }),
    ),
    async (c) => c.json(await readTimeliness(db, c.req.valid('query'), new Date()), 200),
  );

  app.openapi(
    guarded(
      raisers,
      createRoute({
        method: 'post',
        path: '/api/warnings',
        tags: ['warnings'],
        summary: "Raise a warning by hand (recipients default to the settings' tiers)",
        request: json(manualWarningSchema),
        responses: { 201: jsonResponse(WarningBody, 'The warning raised'), ...errorResponses },
      }),
    ),
    async (c) => c.json(await raiseWarning(db, c.req.valid('json'), { by: c.get('user')!.id, now: new Date() }), 201),
  );

  app.openapi(
    guarded(
      raisers,
      createRoute({
        method: 'post',
        path: '/api/warnings/from-signal/{signalId}',
        tags: ['warnings'],
        summary: 'Raise a warning from a signal (once per signal); the signal is triaged "raise-warning"',
        request: { params: z.object({ signalId: z.coerce.number().int().positive() }), ...json(fromSignalSchema) },
        responses: { 201: jsonResponse(WarningBody, 'The warning raised'), 404: NotFound, 409: Conflict, ...errorResponses },
      }),
    ),
    async (c) =>
      c.json(
        await raiseFromSignal(db, c.req.valid('param').signalId, c.req.valid('json'), { by: c.get('user')!.id, now: new Date() }),
        201,
      ),
  );

  app.openapi(
    guarded(
      raisers,
      createRoute({
        method: 'post',
        path: '/api/warnings/from-forecasts',
        tags: ['warnings'],
        summary: 'Raise warnings for countries whose newest forecast crosses the threshold (once per country, model and year)',
        responses: {
          200: jsonResponse(ForecastRaiseBody, 'Warnings raised and countries skipped'),
          409: Conflict,
          ...errorResponses,
        },
      }),
    ),
    async (c) => c.json(await raiseFromForecasts(db, { by: c.get('user')!.id, now: new Date() }), 200),
  );

  app.openapi(
    guarded(
      readers,
      createRoute({
        method: 'get',
        path: '/api/warnings/{id}',
        tags: ['warnings'],
        summary: 'One warning with its history, recipients and groups at risk',
        request: { params: IdParam },
        responses: { 200: jsonResponse(WarningDetailBody, 'The warning'), 404: NotFound, ...errorResponses },
      }),
    ),
    async (c) => c.json(await getWarningDetail(db, c.req.valid('param').id), 200),
  );

  app.openapi(
    guarded(
      deciders,
      createRoute({
        method: 'post',
        path: '/api/warnings/{id}/acknowledge',
        tags: ['warnings'],
        summary: 'Acknowledge a raised warning (decision-makers who are its recipients, admins)',
        request: { params: IdParam },
        responses: responses(jsonResponse(WarningBody, 'The warning, acknowledged')),
      }),
    ),
    async (c) => c.json(await acknowledgeWarning(db, c.req.valid('param').id, actor(c.get('user')!)), 200),
  );

  app.openapi(
    guarded(
      deciders,
      createRoute({
        method: 'post',
        path: '/api/warnings/{id}/decide',
        tags: ['warnings'],
        summary: 'Decide on an acknowledged warning: act, monitor or no-action, with the written reason',
        request: { params: IdParam, ...json(decideSchema) },
        responses: responses(jsonResponse(WarningBody, 'The warning, decided')),
      }),
    ),
    async (c) => c.json(await decideWarning(db, c.req.valid('param').id, c.req.valid('json'), actor(c.get('user')!)), 200),
  );

  app.openapi(
    guarded(
      raisers,
      createRoute({
        method: 'post',
        path: '/api/warnings/{id}/escalate',
        tags: ['warnings'],
        summary: 'Escalate a warning to its next tier now, with the reason',
        request: { params: IdParam, ...json(escalateSchema) },
        responses: responses(jsonResponse(WarningBody, 'The warning, escalated')),
      }),
    ),
    async (c) =>
      c.json(await escalateWarning(db, c.req.valid('param').id, c.req.valid('json').reason, actor(c.get('user')!)), 200),
  );

  app.openapi(
    guarded(
      raisers,
      createRoute({
        method: 'post',
        path: '/api/warnings/{id}/close',
        tags: ['warnings'],
        summary: 'Close a decided warning with a note',
        request: { params: IdParam, ...json(closeSchema) },
        responses: responses(jsonResponse(WarningBody, 'The warning, closed')),
      }),
    ),
    async (c) => c.json(await closeWarning(db, c.req.valid('param').id, c.req.valid('json').note, actor(c.get('user')!)), 200),
  );
}
