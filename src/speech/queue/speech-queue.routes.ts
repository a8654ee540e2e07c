import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { READERS, rolesAccess } from '../../access/roles.js';
import { TocsinError } from '../../core/errors.js';
import { keysDirOf } from '../../core/instance-dirs.js';
import type { App, AppDeps } from '../../http/app-env.js';
import { errorResponses, jsonResponse } from '../../http/error-schema.js';
import { guarded } from '../../http/guard.js';
import { readOrCreateAuthorKey } from '../items/author-hash.js';
import { importSpeechItems } from '../items/import-speech-items.js';
import { reviewSchema } from './rabat.js';
import { ImportReportBody, ItemDetailBody, QueueBody, ReviewBody } from './speech-queue.schemas.js';
import { DEFAULT_QUEUE_THRESHOLD, getQueueItem, listQueue, recordReview } from './speech-queue.repository.js';

const IdParam = z.object({ id: z.coerce.number().int().positive() });
const MAX_IMPORT_BYTES = 20 << 20;
const limited = bodyLimit({
  maxSize: MAX_IMPORT_BYTES,
  onError: () => {
    throw new TocsinError('invalid_input', `the posts are more than ${MAX_IMPORT_BYTES} bytes: import a file with the CLI`, {
      field: 'body',
    });
  },
});

/** The analyst queue of scored posts, each item with the words behind its score, the Rabat review, and posts sent in. */
export function registerSpeechQueueRoutes(app: App, deps: AppDeps): void {
  const { db } = deps;
  const readers = rolesAccess(...READERS);
  const analysts = rolesAccess('admin', 'analyst');

  app.openapi(
    guarded(
      readers,
      createRoute({
        method: 'get',
        path: '/api/speech/queue',
        tags: ['speech'],
        summary: 'Scored posts waiting for review, highest probability of hate speech first, with the words behind each score',
        request: {
          query: z.object({
            threshold: z.coerce.number().min(0).max(1).default(DEFAULT_QUEUE_THRESHOLD),
            model: z.coerce.number().int().positive().optional(),
            country: z
              .string()
              .regex(/^[A-Za-z]{3}$/, 'must be an ISO alpha-3 code such as CAF')
              .optional(),
            limit: z.coerce.number().int().min(1).max(1000).default(100),
          }),
        },
        responses: { 200: jsonResponse(QueueBody, 'The queue'), ...errorResponses },
      }),
    ),
    async (c) => {
      const q = c.req.valid('query');
      const items = await listQueue(db, {
        threshold: q.threshold,
        modelId: q.model,
        country: q.country?.toUpperCase(),
        limit: q.limit,
      });
      return c.json({ items }, 200);
    },
  );

  app.openapi(
    guarded(
      readers,
      createRoute({
        method: 'get',
        path: '/api/speech/items/{id}',
        tags: ['speech'],
        summary: 'One post with its scores (and the words behind them) and its review',
        request: { params: IdParam },
        responses: { 200: jsonResponse(ItemDetailBody, 'The post'), ...errorResponses },
      }),
    ),
    async (c) => c.json(await getQueueItem(db, c.req.valid('param').id), 200),
  );

  app.openapi(
    guarded(
      analysts,
      createRoute({
        method: 'post',
        path: '/api/speech/items/{id}/review',
        tags: ['speech'],
        summary: "Record the Rabat Plan of Action's six-part assessment of a post and the decision",
        request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: reviewSchema } } } },
        responses: { 201: jsonResponse(ReviewBody, 'The review'), ...errorResponses },
      }),
    ),
    async (c) => c.json(await recordReview(db, c.req.valid('param').id, c.req.valid('json'), c.get('user')!.id), 201),
  );

  app.openapi(
    guarded(
      analysts,
      createRoute({
        method: 'post',
        path: '/api/speech/items',
        tags: ['speech'],
        summary:
          'Import posts sent as JSON Lines (id, text, language, time, platform, url, country, author); authors are kept only as keyed hashes',
        middleware: [limited],
        request: { body: { required: true, content: { 'application/x-ndjson': { schema: z.string() } } } },
        responses: { 200: jsonResponse(ImportReportBody, 'What was stored and what was quarantined'), ...errorResponses },
      }),
    ),
    async (c) => {
      if (!deps.dataDir)
        throw new TocsinError('unavailable', 'this server has no data directory for its keys: start it with --data-dir');
      const authorKey = await readOrCreateAuthorKey(keysDirOf(deps.dataDir));
      const r = await importSpeechItems(db, {
        input: { text: await c.req.text(), name: 'api' },
        format: 'jsonl',
        authorKey,
        userId: c.get('user')!.id,
      });
      const { batchId, rowsRead, inserted, updated, unchanged, rejected, rejections } = r;
      return c.json({ batchId, rowsRead, inserted, updated, unchanged, rejected, rejections }, 200);
    },
  );
}
