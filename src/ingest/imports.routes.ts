import { createRoute, z } from '@hono/zod-openapi';
import { rolesAccess } from '../access/roles.js';
import type { App, AppDeps } from '../http/app-env.js';
import { errorResponses } from '../http/error-schema.js';
import { guarded } from '../http/guard.js';
import { listImportBatches, listRejections } from './imports.repository.js';

export const Batch = z
  .object({
    id: z.number().int(),
    source: z.string(),
    format: z.string(),
    fileName: z.string(),
    fileSha256: z.string().nullable(),
    status: z.string(),
    message: z.string().nullable(),
    rowsRead: z.number().int(),
    inserted: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int(),
    skipped: z.number().int(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    userName: z.string().nullable(),
  })
  .openapi('ImportBatch');
const Rejection = z
  .object({ line: z.number().int(), column: z.string().nullable(), reason: z.string(), record: z.string() })
  .openapi('Rejection');

/** Who runs imports and reads their history and quarantine. */
export const IMPORTERS = rolesAccess('admin', 'analyst');

/** Import history and the quarantine, for the analysts who run imports. */
export function registerImportRoutes(app: App, { db }: AppDeps): void {
  const importers = IMPORTERS;
  app.openapi(
    guarded(
      importers,
      createRoute({
        method: 'get',
        path: '/api/imports',
        tags: ['imports'],
        summary: 'Import batches, newest first, with their counts',
        responses: {
          200: { description: 'Batches', content: { 'application/json': { schema: z.object({ items: z.array(Batch) }) } } },
          ...errorResponses,
        },
      }),
    ),
    async (c) => c.json({ items: await listImportBatches(db) }, 200),
  );
  app.openapi(
    guarded(
      importers,
      createRoute({
        method: 'get',
        path: '/api/imports/{id}/rejections',
        tags: ['imports'],
        summary: 'Rows of a batch that were quarantined, with line, column and reason',
        request: { params: z.object({ id: z.coerce.number().int().positive() }) },
        responses: {
          200: {
            description: 'Rejections',
            content: { 'application/json': { schema: z.object({ items: z.array(Rejection) }) } },
          },
          ...errorResponses,
        },
      }),
    ),
    async (c) => c.json({ items: await listRejections(db, c.req.valid('param').id) }, 200),
  );
}
