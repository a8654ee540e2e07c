import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createRoute, z } from '@hono/zod-openapi';
import { rolesAccess } from '../../access/roles.js';
import type { App, AppDeps } from '../../http/app-env.js';
import { errorResponses, jsonResponse } from '../../http/error-schema.js';
import { guarded } from '../../http/guard.js';
import { loadSigner } from '../custody/signing-key.js';
import { evidenceStoreOf, keysDirOf } from '../store/evidence-paths.js';
import { listDisclosures } from './disclosures.repository.js';
import { disclosureRequestSchema, exportBundle } from './export-bundle.js';

const DisclosureBody = z
  .object({
    id: z.number().int(),
    recipient: z.string(),
    purpose: z.string(),
    itemIds: z.array(z.number().int()),
    bundleSha256: z.string(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Disclosure');

/**
 * Disclosures over HTTP (investigators and admins). Register before the locker's
 * `/api/evidence/{id}` routes, or those would take "disclosures" for an id.
 */
export function registerDisclosureRoutes(app: App, deps: AppDeps): void {
  const handlers = rolesAccess('admin', 'investigator');
  const { db } = deps;

  app.openapi(
    guarded(
      handlers,
      createRoute({
        method: 'post',
        path: '/api/evidence/disclosures',
        tags: ['evidence'],
        summary: 'Export items as a signed disclosure bundle (zip, streamed back) and record the disclosure',
        request: {
          body: {
            required: true,
            content: { 'application/json': { schema: disclosureRequestSchema } },
          },
        },
        responses: {
          201: {
            description: 'The bundle; its disclosure id and SHA-256 in X-Tocsin-Disclosure-Id and X-Tocsin-Bundle-Sha256',
            content: { 'application/zip': { schema: z.string().openapi({ format: 'binary' }) } },
          },
          ...errorResponses,
        },
      }),
    ),
    async (c) => {
      const request = c.req.valid('json');
      const store = evidenceStoreOf(deps.dataDir);
      const user = c.get('user')!;
      const signer = await loadSigner(db, keysDirOf(deps.dataDir));
      const dir = await mkdtemp(join(tmpdir(), 'tocsin-disclosure-'));
      const out = join(dir, 'bundle.zip');
      try {
        const d = await exportBundle(db, store, {
          request,
          by: { userId: user.id, actor: user.username, signer, now: () => new Date() },
          out,
        });
        const file = createReadStream(out);
        file.on('close', () => void rm(dir, { recursive: true, force: true }));
        return c.body(Readable.toWeb(file) as ReadableStream<Uint8Array>, 201, {
          'content-type': 'application/zip',
          'content-disposition': `attachment; filename="disclosure-${d.id}.zip"`,
          'x-tocsin-disclosure-id': String(d.id),
          'x-tocsin-bundle-sha256': d.bundleSha256,
        });
      } catch (e) {
        await rm(dir, { recursive: true, force: true });
        throw e;
      }
    },
  );

  app.openapi(
    guarded(
      handlers,
      createRoute({
        method: 'get',
        path: '/api/evidence/disclosures',
        tags: ['evidence'],
        summary: 'Disclosures made, newest first: recipient, purpose, items, bundle SHA-256, by whom',
        request: { query: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) }) },
        responses: { 200: jsonResponse(z.object({ items: z.array(DisclosureBody) }), 'Disclosures'), ...errorResponses },
      }),
    ),
    async (c) => c.json({ items: await listDisclosures(db, { limit: c.req.valid('query').limit }) }, 200),
  );
}
