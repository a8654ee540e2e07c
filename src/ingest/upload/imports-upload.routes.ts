import { rm } from 'node:fs/promises';
import { createRoute, z } from '@hono/zod-openapi';
import { TocsinError } from '../../core/errors.js';
import type { App, AppDeps } from '../../http/app-env.js';
import { ErrorBody, errorResponses, jsonResponse } from '../../http/error-schema.js';
import { guarded } from '../../http/guard.js';
import { sanitiseOriginalName } from '../../evidence/store/original-name.js';
import { FORMATS, type FormatName } from '../formats.js';
import { findImportBatch } from '../imports.repository.js';
import { Batch, IMPORTERS } from '../imports.routes.js';
import { createImportJobs } from './import-jobs.js';
import { importStatus } from './import-status.js';
import { importUploadLimit, receiveImportFile, tooLargeError } from './receive-import-file.js';

const FORMAT_NAMES = Object.keys(FORMATS) as [FormatName, ...FormatName[]];

const ImportStatusBody = Batch.extend({
  state: z.enum(['running', 'completed', 'failed']),
  step: z.enum(['reading', 'surveillance']).nullable(),
  bytesRead: z.number().int().nullable(),
  totalBytes: z.number().int().nullable(),
  signalsStored: z.number().int().nullable(),
}).openapi('ImportStatus');

const errorAnswer = (description: string) => ({ description, content: { 'application/json': { schema: ErrorBody } } });

/**
 * Upload of an event file from the web: the body is streamed to a file under the data directory,
 * imported by the same `importEventFile` as `tocsin import`, in the background, one import at a
 * time; the page polls the batch for its progress.
 */
export function registerImportUploadRoutes(app: App, { db, dataDir }: AppDeps): void {
  const jobs = createImportJobs();

  app.openapi(
    guarded(
      IMPORTERS,
      createRoute({
        method: 'post',
        path: '/api/imports',
        tags: ['imports'],
        summary: 'Upload an event file as the raw request body (streamed, size-limited) and import it in the background',
        request: {
          query: z.object({
            format: z.enum(FORMAT_NAMES).openapi({ description: 'ucdp (UCDP GED CSV), acled (ACLED CSV), gdelt (GDELT export)' }),
            name: z.string().min(1).max(400).optional().openapi({ description: 'The file name, recorded with the batch' }),
          }),
          body: { required: true, content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } },
        },
        responses: {
          202: jsonResponse(z.object({ batchId: z.number().int() }), 'The file passed the precheck; its import is running'),
          ...errorResponses,
          409: errorAnswer('Another import is running on this server'),
          413: errorAnswer('The file is larger than the upload limit (TOCSIN_IMPORT_MAX_BYTES)'),
          422: errorAnswer('The file is not of the stated format; nothing was stored'),
          503: errorAnswer('The server has no data directory to hold uploads'),
        },
      }),
    ),
    async (c) => {
      const { format, name: rawName } = c.req.valid('query');
      if (!dataDir) throw new TocsinError('unavailable', 'uploads need a data directory (--data-dir)');
      const limit = importUploadLimit();
      if (Number(c.req.header('content-length') ?? 0) > limit) throw tooLargeError(limit);
      const name = sanitiseOriginalName(rawName ?? `upload.${format}.csv`);
      const body = c.req.raw.body;
      if (!body) throw new TocsinError('invalid_input', 'body: the file is missing (send it as the raw request body)');
      if (!jobs.claim())
        throw new TocsinError('conflict', 'another import is running on this server; try again when it has finished');
      let started = false;
      try {
        const received = await receiveImportFile(dataDir, name, body as unknown as AsyncIterable<Uint8Array>, limit);
        started = true;
        const job = await jobs.start(
          db,
          { format: FORMATS[format], file: received.file, userId: c.get('user')?.id ?? null },
          { file: received.file, name, cleanup: () => rm(received.dir, { recursive: true, force: true }) },
        );
        return c.json({ batchId: job.batchId }, 202);
      } finally {
        if (!started) jobs.release();
      }
    },
  );

  app.openapi(
    guarded(
      IMPORTERS,
      createRoute({
        method: 'get',
        path: '/api/imports/{id}',
        tags: ['imports'],
        summary: 'One import batch with its progress while it runs (rows read, bytes read, step)',
        request: { params: z.object({ id: z.coerce.number().int().positive() }) },
        responses: {
          200: jsonResponse(ImportStatusBody, 'The batch and where it stands'),
          ...errorResponses,
          404: errorAnswer('No such batch'),
        },
      }),
    ),
    async (c) => {
      const id = c.req.valid('param').id;
      const batch = await findImportBatch(db, id);
      if (!batch) throw new TocsinError('not_found', `no import batch ${id}`);
      return c.json(importStatus(batch, jobs.job(id)), 200);
    },
  );
}
