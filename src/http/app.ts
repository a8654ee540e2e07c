import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { registerAssessmentRoutes } from '../assessments/assessments.routes.js';
import { registerSessionRoutes } from '../access/session.routes.js';
import { publicAccess } from '../access/roles.js';
import { registerUserRoutes } from '../access/users.routes.js';
import { registerCountryRoutes } from '../countries/countries.routes.js';
import { isTocsinError } from '../core/errors.js';
import { registerEventRoutes } from '../events/events.routes.js';
import { registerDisclosureRoutes } from '../evidence/bundle/disclosures.routes.js';
import { registerEvidenceRoutes } from '../evidence/evidence.routes.js';
import { registerForecastRoutes } from '../forecast/product/forecasts.routes.js';
import { registerFrameworkRoutes } from '../framework/framework.routes.js';
import { registerGroupRoutes } from '../groups/groups.routes.js';
import { registerImportRoutes } from '../ingest/imports.routes.js';
import { registerImportUploadRoutes } from '../ingest/upload/imports-upload.routes.js';
import { registerCapRoutes } from '../cap/cap.routes.js';
import { registerMeasureRoutes } from '../measures/measures.routes.js';
import { registerWarningExportRoutes } from '../warnings/export/warnings-export.routes.js';
import { registerSignalRoutes } from '../surveillance/signals/signals.routes.js';
import { registerWarningRoutes } from '../warnings/warnings.routes.js';
import { registerReportRoutes } from '../reports/reports.routes.js';
import { registerSpeechQueueRoutes } from '../speech/queue/speech-queue.routes.js';
import { registerWatchlistRoutes } from '../watchlist/watchlist.routes.js';
import type { App, AppDeps, AppEnv } from './app-env.js';
import { authenticate } from './authenticate.js';
import { HTTP_STATUS } from './error-status.js';
import { guarded } from './guard.js';
import { securityHeaders } from './security-headers.js';
import { serveWeb } from './static-web.js';

/** The OpenAPI document's header. */
const DOC_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'Tocsin API',
    version: '0.1.0',
    description: 'Early warning and early action for the prevention of atrocity crimes.',
  },
};

/**
 * Routes outside the OpenAPI document, each public by an explicit choice (the route-table test
 * checks that nothing else escapes the document, where every route declares its access).
 */
export const UNDOCUMENTED_PUBLIC_ROUTES: Readonly<Record<string, string>> = {
  'GET /api/openapi.json': 'the API shape is not secret, and integrators need it without an account',
};

/** Wires every route of the server. `webRoot` is the built UI (`dist/web`); omit it for an API-only app. */
export function createApp(deps: AppDeps, webRoot?: string): App {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      const issue = result.error.issues[0];
      const where = issue?.path.join('.') || 'request';
      return c.json(
        {
          error: {
            code: 'invalid_input',
            message: `${where}: ${issue?.message ?? 'invalid'}`,
            details: { issues: result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
          },
        },
        400,
      );
    },
  });

  app.use('*', securityHeaders);
  app.use('/api/*', authenticate(deps.db));

  app.openapi(
    guarded(
      publicAccess('health checks by load balancers and monitoring; reveals only the version and engine'),
      createRoute({
        method: 'get',
        path: '/api/health',
        tags: ['meta'],
        summary: 'Liveness and the database engine',
        responses: {
          200: {
            description: 'Up',
            content: {
              'application/json': { schema: z.object({ status: z.literal('ok'), version: z.string(), engine: z.string() }) },
            },
          },
        },
      }),
    ),
    async (c) => {
      await deps.db.query('SELECT 1');
      return c.json({ status: 'ok' as const, version: deps.version, engine: deps.db.engine }, 200);
    },
  );
  registerSessionRoutes(app, deps);
  registerUserRoutes(app, deps);
  registerCountryRoutes(app, deps);
  registerEventRoutes(app, deps);
  registerImportRoutes(app, deps);
  registerImportUploadRoutes(app, deps);
  registerSignalRoutes(app, deps);
  registerForecastRoutes(app, deps);
  registerFrameworkRoutes(app, deps);
  registerGroupRoutes(app, deps);
  registerAssessmentRoutes(app, deps);
  registerWarningExportRoutes(app, deps); // before the warnings' /api/warnings/{id}
  registerWarningRoutes(app, deps);
  registerMeasureRoutes(app, deps);
  registerCapRoutes(app, deps);
  registerDisclosureRoutes(app, deps); // before the locker's /api/evidence/{id}
  registerEvidenceRoutes(app, deps);
  registerReportRoutes(app, deps);
  registerSpeechQueueRoutes(app, deps);
  registerWatchlistRoutes(app, deps);

  app.doc31('/api/openapi.json', DOC_INFO);

  app.notFound((c) => c.json({ error: { code: 'not_found', message: `no route ${c.req.method} ${c.req.path}` } }, 404));
  app.onError((err, c) => {
    if (isTocsinError(err)) {
      return c.json(
        { error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } },
        HTTP_STATUS[err.code],
      );
    }
    if (err instanceof HTTPException)
      return c.json({ error: { code: 'invalid_input', message: err.message } }, err.status as 400);
    console.error(`[tocsin] ${c.req.method} ${c.req.path}:`, err);
    return c.json({ error: { code: 'internal', message: 'internal error (logged on the server)' } }, 500);
  });
  if (webRoot) app.use('*', serveWeb(webRoot));
  return app;
}
