import { Readable } from 'node:stream';
import { createRoute, z } from '@hono/zod-openapi';
import { rolesAccess } from '../access/roles.js';
import { TocsinError } from '../core/errors.js';
import type { App, AppDeps } from '../http/app-env.js';
import { errorResponses, jsonResponse } from '../http/error-schema.js';
import { guarded } from '../http/guard.js';
import { createReadStream } from 'node:fs';
import { readCustodyChain } from './custody/custody.repository.js';
import { loadSigner } from './custody/signing-key.js';
import { EVIDENCE_KINDS, evidenceIntakeSchema, parseLinkRef, type EvidenceLink } from './evidence-item.js';
import { getEvidenceItem, listEvidenceItems, logCustody, takeInEvidence, type LockerActor } from './evidence.repository.js';
import { CustodyEntryBody, EvidenceItemBody, IntakeResultBody } from './evidence.schemas.js';
import { evidenceStoreOf, keysDirOf, objectPath } from './store/evidence-paths.js';

const IdParam = z.object({ id: z.coerce.number().int().positive() });
const NotFound = jsonResponse(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), 'No such evidence item');

const IntakeQuery = z.object({
  name: z.string().min(1).max(1000).openapi({ description: 'the original file name (sanitised before it is kept)' }),
  claimedType: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: 'the claimed media type; default: the Content-Type header' }),
  kind: z.enum(EVIDENCE_KINDS).default('file'),
  sourceUrl: z.string().max(4000).optional(),
  captureTool: z.string().max(200).optional(),
  toolVersion: z.string().max(200).optional(),
  capturedAt: z.string().max(40).optional().openapi({ description: 'ISO 8601 with zone' }),
  screenshotSha256: z.string().max(64).optional(),
  notes: z.string().max(20000).optional(),
  link: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .openapi({ description: 'report:ID, event:ID, assessment:ID or warning:ID; repeatable' }),
});

/** The evidence locker over HTTP: investigators and admins upload, list, read and follow custody. */
export function registerEvidenceRoutes(app: App, deps: AppDeps): void {
  const handlers = rolesAccess('admin', 'investigator');
  const { db } = deps;
  const actorOf = async (user: { id: number; username: string }): Promise<LockerActor> => ({
    userId: user.id,
    actor: user.username,
    signer: await loadSigner(db, keysDirOf(deps.dataDir)),
    now: () => new Date(),
  });

  app.openapi(
    guarded(
      handlers,
      createRoute({
        method: 'post',
        path: '/api/evidence',
        tags: ['evidence'],
        summary: 'Upload an original as the raw request body (streamed, size-limited); metadata in the query string',
        request: {
          query: IntakeQuery,
          body: { required: true, content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } },
        },
        responses: { 201: jsonResponse(IntakeResultBody, 'Stored (or a duplicate of an item already held)'), ...errorResponses },
      }),
    ),
    async (c) => {
      const q = c.req.valid('query');
      const links: EvidenceLink[] = [];
      for (const ref of q.link === undefined ? [] : [q.link].flat()) {
        const l = parseLinkRef(ref);
        if (typeof l === 'string') throw new TocsinError('invalid_input', `link: ${l}`, { field: 'link' });
        links.push(l);
      }
      const parsed = evidenceIntakeSchema.safeParse({
        originalName: q.name,
        claimedType: q.claimedType ?? c.req.header('content-type') ?? null,
        kind: q.kind,
        sourceUrl: q.sourceUrl ?? null,
        captureTool: q.captureTool ?? null,
        capturedAt: q.capturedAt ?? null,
        screenshotSha256: q.screenshotSha256 ?? null,
        notes: q.notes ?? '',
        context: q.toolVersion ? { toolVersion: q.toolVersion } : {},
        links,
      });
      if (!parsed.success) {
        const i = parsed.error.issues[0]!;
        throw new TocsinError('invalid_input', `${String(i.path[0])}: ${i.message}`, { field: String(i.path[0]) });
      }
      const body = c.req.raw.body;
      if (!body)
        throw new TocsinError('invalid_input', 'body: the file is missing (send it as the raw request body)', { field: 'body' });
      const store = evidenceStoreOf(deps.dataDir);
      const r = await takeInEvidence(
        db,
        store,
        body as unknown as AsyncIterable<Uint8Array>,
        parsed.data,
        await actorOf(c.get('user')!),
      );
      return c.json(r, 201);
    },
  );

  app.openapi(
    guarded(
      handlers,
      createRoute({
        method: 'get',
        path: '/api/evidence',
        tags: ['evidence'],
        summary: 'Evidence items, newest first',
        request: {
          query: z.object({
            kind: z.enum(EVIDENCE_KINDS).optional(),
            limit: z.coerce.number().int().min(1).max(1000).default(100),
          }),
        },
        responses: { 200: jsonResponse(z.array(EvidenceItemBody), 'Items'), ...errorResponses },
      }),
    ),
    async (c) => c.json(await listEvidenceItems(db, c.req.valid('query')), 200),
  );

  app.openapi(
    guarded(
      handlers,
      createRoute({
        method: 'get',
        path: '/api/evidence/{id}',
        tags: ['evidence'],
        summary: 'One item and its record (not its content)',
        request: { params: IdParam },
        responses: { 200: jsonResponse(EvidenceItemBody, 'The item'), 404: NotFound, ...errorResponses },
      }),
    ),
    async (c) => c.json(await getEvidenceItem(db, c.req.valid('param').id), 200),
  );

  app.openapi(
    guarded(
      handlers,
      createRoute({
        method: 'get',
        path: '/api/evidence/{id}/custody',
        tags: ['evidence'],
        summary: "The item's chain of custody, oldest entry first",
        request: { params: IdParam },
        responses: { 200: jsonResponse(z.array(CustodyEntryBody), 'The chain'), 404: NotFound, ...errorResponses },
      }),
    ),
    async (c) => {
      const item = await getEvidenceItem(db, c.req.valid('param').id);
      return c.json(await readCustodyChain(db, item.id), 200);
    },
  );

  app.openapi(
    guarded(
      handlers,
      createRoute({
        method: 'get',
        path: '/api/evidence/{id}/content',
        tags: ['evidence'],
        summary: 'The original, streamed as a download (logged as viewed)',
        request: { params: IdParam },
        responses: {
          200: {
            description: 'The original bytes',
            content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
          },
          404: NotFound,
          ...errorResponses,
        },
      }),
    ),
    async (c) => {
      const store = evidenceStoreOf(deps.dataDir);
      const item = await logCustody(db, c.req.valid('param').id, 'viewed', { via: 'api' }, await actorOf(c.get('user')!));
      const stream = Readable.toWeb(createReadStream(objectPath(store, item.sha256))) as ReadableStream<Uint8Array>;
      // Always a download, never rendered: an original may be hostile HTML or script.
      return c.body(stream, 200, {
        'content-type': 'application/octet-stream',
        'content-disposition': `attachment; filename="evidence-${item.id}"; filename*=UTF-8''${encodeURIComponent(item.originalName)}`,
        'content-length': String(item.sizeBytes),
        'x-content-sha256': item.sha256,
        'x-detected-media-type': item.mediaType,
      });
    },
  );
}
