/**
 * The small parts of a bundle built from the records: manifest items, custody.jsonl, keys.json,
 * and the manifest signature. Pure (signing is computation over a key passed in).
 */
import { createHash, sign } from 'node:crypto';
import type { CustodyEntry } from '../custody/custody-chain.js';
import type { CustodySigner } from '../custody/signing-key.js';
import type { EvidenceItem } from '../evidence-item.js';
import { originalPath, type BundleKeys, type ManifestItem, type ManifestSignature } from './bundle-format.js';

/** An item as the recipient reads it: what it is and where it came from (no internal notes or links). */
export const manifestItemOf = (i: EvidenceItem): ManifestItem => ({
  id: i.id,
  sha256: i.sha256,
  sizeBytes: i.sizeBytes,
  mediaType: i.mediaType,
  originalName: i.originalName,
  kind: i.kind,
  sourceUrl: i.sourceUrl,
  captureTool: i.captureTool,
  capturedAt: i.capturedAt,
  receivedAt: i.receivedAt,
  collector: i.collector,
  screenshotSha256: i.screenshotSha256,
  metadata: i.metadata,
  file: originalPath(i.sha256),
});

/** custody.jsonl: one entry a line, by item then seq, fields in the order of CustodyEntry. */
export const custodyJsonl = (entries: readonly CustodyEntry[]): Buffer =>
  Buffer.from(
    [...entries]
      .sort((a, b) => a.itemId - b.itemId || a.seq - b.seq)
      .map((e) =>
        JSON.stringify({
          itemId: e.itemId,
          itemSha256: e.itemSha256,
          seq: e.seq,
          action: e.action,
          actor: e.actor,
          at: e.at,
          detail: e.detail,
          prevHash: e.prevHash,
          entryHash: e.entryHash,
          keyId: e.keyId,
          signature: e.signature,
        }),
      )
      .map((line) => `${line}\n`)
      .join(''),
    'utf8',
  );

export const keysJson = (keys: BundleKeys['keys']): Buffer => Buffer.from(`${JSON.stringify({ keys }, null, 2)}\n`, 'utf8');

/** manifest.sig for the exact manifest bytes. */
export function signManifest(manifest: Buffer, signer: CustodySigner): Buffer {
  const sig: ManifestSignature = {
    algorithm: 'Ed25519',
    keyId: signer.keyId,
    manifestSha256: createHash('sha256').update(manifest).digest('hex'),
    signature: sign(null, manifest, signer.privateKeyPem).toString('base64'),
  };
  return Buffer.from(`${JSON.stringify(sig, null, 2)}\n`, 'utf8');
}

export const sha256Of = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** Whether an original is worth deflating (text-like); media files are stored as they are. */
export const isCompressible = (mediaType: string): boolean => mediaType.startsWith('text/') || /json|xml|html/.test(mediaType);
