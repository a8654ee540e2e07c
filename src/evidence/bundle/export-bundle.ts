/**
 * Disclosure: exports evidence items as a signed bundle for a commission of inquiry or a court.
 * In one transaction: each original is re-hashed (a damaged original is never disclosed), an
 * 'exported' entry naming the recipient and disclosure is appended to each chain, the zip is
 * written (streamed), and the disclosure is recorded with the bundle's SHA-256. A failure leaves
 * no entry, no record and no bundle.
 */
import { rm } from 'node:fs/promises';
import { z } from 'zod';
import { TocsinError } from '../../core/errors.js';
import { VERSION } from '../../core/paths.js';
import type { Db, Queryable } from '../../db/database.js';
import { appendCustody, readCustodyChains } from '../custody/custody.repository.js';
import type { EvidenceItem } from '../evidence-item.js';
import { getEvidenceItem, type LockerActor } from '../evidence.repository.js';
import { objectPath, type EvidenceStore } from '../store/evidence-paths.js';
import { rehashObject } from '../store/object-store.js';
import {
  BUNDLE_FORMAT,
  CUSTODY_PATH,
  KEYS_PATH,
  MANIFEST_PATH,
  SIGNATURE_PATH,
  zodIssues,
  type Manifest,
} from './bundle-format.js';
import { custodyJsonl, isCompressible, keysJson, manifestItemOf, sha256Of, signManifest } from './bundle-parts.js';
import { recordDisclosure, reserveDisclosureId, type Disclosure } from './disclosures.repository.js';
import { writeZip, type ZipPart } from './zip-writer.js';

/** What to disclose, to whom and why: parsed at every edge. */
export const disclosureRequestSchema = z.object({
  itemIds: z.array(z.number().int().positive()).min(1).max(10_000),
  recipient: z.string().trim().min(1).max(500),
  purpose: z.string().trim().min(1).max(5000),
});
export type DisclosureRequest = z.infer<typeof disclosureRequestSchema>;

/** The items asked for, with the screenshot of each web capture added; not_found names a missing id. */
async function itemsToDisclose(tx: Queryable, itemIds: readonly number[]): Promise<EvidenceItem[]> {
  const items = new Map<number, EvidenceItem>();
  for (const id of itemIds) items.set(id, await getEvidenceItem(tx, id));
  const shots = [...items.values()].flatMap((i) => (i.screenshotSha256 ? [i.screenshotSha256] : []));
  if (shots.length) {
    const rows = await tx.query<{ id: number }>('SELECT id FROM evidence_items WHERE sha256 = ANY($1::text[])', [shots]);
    for (const r of rows) if (!items.has(r.id)) items.set(r.id, await getEvidenceItem(tx, r.id));
  }
  return [...items.values()].sort((a, b) => a.id - b.id);
}

async function checkOriginals(store: EvidenceStore, items: readonly EvidenceItem[]): Promise<void> {
  for (const i of items) {
    const now = await rehashObject(store, i.sha256);
    if (!now) throw new TocsinError('unavailable', `item ${i.id}: its original is missing from the store`, { itemId: i.id });
    if (now.sha256 !== i.sha256)
      throw new TocsinError(
        'conflict',
        `item ${i.id}: the stored original no longer matches its SHA-256; run tocsin evidence verify`,
        {
          itemId: i.id,
        },
      );
  }
}

async function keysOf(tx: Queryable, keyIds: readonly string[]) {
  return tx.query<{ keyId: string; publicKey: string; retiredAt: string | null }>(
    `SELECT id AS "keyId", public_key AS "publicKey",
       to_char(retired_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "retiredAt"
     FROM signing_keys WHERE id = ANY($1::text[]) ORDER BY created_at, id`,
    [keyIds],
  );
}

/** Exports the items to `out` (a zip, replaced if present) and records the disclosure. */
export async function exportBundle(
  db: Db,
  store: EvidenceStore,
  o: { request: DisclosureRequest; by: LockerActor; out: string },
): Promise<Disclosure> {
  const parsed = disclosureRequestSchema.safeParse(o.request);
  if (!parsed.success) throw new TocsinError('invalid_input', `disclosure: ${zodIssues(parsed.error)}`);
  const req = parsed.data;
  const { by } = o;
  const now = by.now();
  let written = false;
  try {
    return await db.transaction(async (tx) => {
      const items = await itemsToDisclose(tx, req.itemIds);
      await checkOriginals(store, items);
      const id = await reserveDisclosureId(tx);
      for (const i of items)
        await appendCustody(tx, i, 'exported', by.actor, { disclosureId: id, recipient: req.recipient }, now, by.signer);
      const chains = await readCustodyChains(
        tx,
        items.map((i) => i.id),
      );
      const keyIds = [...new Set([by.signer.keyId, ...chains.map((e) => e.keyId)])];
      const custody = custodyJsonl(chains);
      const keys = keysJson(await keysOf(tx, keyIds));
      const manifest: Manifest = {
        format: BUNDLE_FORMAT,
        disclosureId: id,
        createdAt: now.toISOString(),
        recipient: req.recipient,
        purpose: req.purpose,
        createdBy: by.actor,
        instance: { software: 'Tocsin', version: VERSION, keyId: by.signer.keyId },
        items: items.map(manifestItemOf),
        custody: CUSTODY_PATH,
        keys: KEYS_PATH,
        files: { [CUSTODY_PATH]: sha256Of(custody), [KEYS_PATH]: sha256Of(keys) },
      };
      const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
      const parts: ZipPart[] = [
        { name: MANIFEST_PATH, bytes: manifestBytes, compress: true },
        { name: SIGNATURE_PATH, bytes: signManifest(manifestBytes, by.signer), compress: false },
        ...items.map((i) => ({
          name: manifestItemOf(i).file,
          file: objectPath(store, i.sha256),
          compress: isCompressible(i.mediaType),
        })),
        { name: CUSTODY_PATH, bytes: custody, compress: true },
        { name: KEYS_PATH, bytes: keys, compress: true },
      ];
      const bundle = await writeZip(o.out, parts, now);
      written = true;
      return recordDisclosure(tx, {
        id,
        recipient: req.recipient,
        purpose: req.purpose,
        itemIds: items.map((i) => i.id),
        bundleSha256: bundle.sha256,
        userId: by.userId,
        at: now,
      });
    });
  } catch (e) {
    if (written) await rm(o.out, { force: true });
    throw e;
  }
}
