import { createRoute, z } from '@hono/zod-openapi';
import { READERS, rolesAccess } from '../../access/roles.js';
import type { App, AppDeps } from '../../http/app-env.js';
import { errorResponses } from '../../http/error-schema.js';
import { guarded } from '../../http/guard.js';
import { WARNING_STATUSES } from '../warning.js';
import { WARNING_EXPORT_FORMATS, warningsToCsv, warningsToJson } from './warnings-export.js';
import { readWarningsForExport } from './warnings-export.repository.js';

/**
 * GET /api/warnings/export. Register it before the warnings' `/api/warnings/{id}` routes, or that
 * route would take "export" for an id.
 */
export function registerWarningExportRoutes(app: App, { db }: AppDeps): void {
  app.openapi(
    guarded(
      rolesAccess(...READERS),
      createRoute({
        method: 'get',
        path: '/api/warnings/export',
        tags: ['warnings'],
        summary: 'Warnings with their measures as CSV (one line per measure) or JSON',
        request: {
          query: z.object({
            format: z.enum(WARNING_EXPORT_FORMATS).default('csv'),
            country: z
              .string()
              .regex(/^[A-Za-z]{3}$/, 'must be an ISO alpha-3 code such as CAF')
              .transform((s) => s.toUpperCase())
              .optional(),
            status: z.enum(WARNING_STATUSES).optional(),
          }),
        },
        responses: {
          200: {
            description: 'The export',
            content: {
              'text/csv': { schema: z.string() },
              'application/json': { schema: z.array(z.record(z.string(), z.unknown())) },
            },
          },
          ...errorResponses,
        },
      }),
    ),
    async (c) => {
      const { format, ...filter } = c.req.valid('query');
      const warnings = await readWarningsForExport(db, filter);
      return format === 'csv'
        ? c.body(warningsToCsv(warnings), 200, {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': 'attachment; filename="tocsin-warnings.csv"',
          })
        : c.body(warningsToJson(warnings), 200, { 'content-type': 'application/json; charset=utf-8' });
    },
  );
}
