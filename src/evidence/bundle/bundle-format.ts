/**
 * The disclosure bundle format 'tocsin-disclosure/1' (docs/disclosure.md): a zip holding
 * manifest.json, manifest.sig, originals/<sha256>, custody.jsonl and keys.json. Pure: names,
 * schemas and the shape of a verification report.
 */
import { z } from 'zod';
import { CUSTODY_ACTIONS } from '../custody/custody-chain.js';

export const BUNDLE_FORMAT = 'tocsin-disclosure/1';
export const MANIFEST_PATH = 'manifest.json';
export const SIGNATURE_PATH = 'manifest.sig';
export const CUSTODY_PATH = 'custody.jsonl';
export const KEYS_PATH = 'keys.json';
export const ORIGINALS_DIR = 'originals/';

/** Where an original sits in the bundle. */
export const originalPath = (sha256: string): string => `${ORIGINALS_DIR}${sha256}`;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits');
const isoUtc = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, 'must be an ISO 8601 UTC time');

/** One evidence item as described to the recipient. */
export const ManifestItem = z.strictObject({
  id: z.number().int().positive(),
  sha256: sha256Hex,
  sizeBytes: z.number().int().nonnegative(),
  mediaType: z.string().min(1),
  originalName: z.string(),
  kind: z.enum(['file', 'web-capture']),
  sourceUrl: z.string().nullable(),
  captureTool: z.string().nullable(),
  capturedAt: isoUtc.nullable(),
  receivedAt: isoUtc,
  collector: z.string().nullable(),
  screenshotSha256: sha256Hex.nullable(),
  metadata: z.record(z.string(), z.unknown()),
  file: z.string(),
});
export type ManifestItem = z.infer<typeof ManifestItem>;

/** manifest.json: what the bundle holds and the SHA-256 of every file but the originals and itself. */
export const Manifest = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  disclosureId: z.number().int().positive(),
  createdAt: isoUtc,
  recipient: z.string().min(1),
  purpose: z.string().min(1),
  createdBy: z.string().min(1),
  instance: z.strictObject({ software: z.literal('Tocsin'), version: z.string(), keyId: sha256Hex }),
  items: z.array(ManifestItem).min(1),
  custody: z.literal(CUSTODY_PATH),
  keys: z.literal(KEYS_PATH),
  files: z.record(z.string(), sha256Hex),
});
export type Manifest = z.infer<typeof Manifest>;

/**
 * manifest.sig: the Ed25519 signature (base64) of the exact bytes of manifest.json, the key that
 * made it, and the manifest's SHA-256 (so a verifier can tell which of the two files was altered).
 */
export const ManifestSignature = z.strictObject({
  algorithm: z.literal('Ed25519'),
  keyId: sha256Hex,
  manifestSha256: sha256Hex,
  signature: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64'),
});
export type ManifestSignature = z.infer<typeof ManifestSignature>;

/** keys.json: the public keys (PEM, SPKI) by key id, the instance key and every key that signed a custody entry. */
export const BundleKeys = z.strictObject({
  keys: z.array(z.strictObject({ keyId: sha256Hex, publicKey: z.string(), retiredAt: isoUtc.nullable() })),
});
export type BundleKeys = z.infer<typeof BundleKeys>;

/** One custody.jsonl line. */
export const CustodyLine = z.strictObject({
  itemId: z.number().int().positive(),
  itemSha256: sha256Hex,
  seq: z.number().int().positive(),
  action: z.enum(CUSTODY_ACTIONS),
  actor: z.string(),
  at: isoUtc,
  detail: z.record(z.string(), z.unknown()),
  prevHash: sha256Hex,
  entryHash: sha256Hex,
  keyId: sha256Hex,
  signature: z.string(),
});

/**
 * One thing wrong with a bundle, naming the part: a file in the zip (manifest.json,
 * originals/<sha256>, ...) and, for custody entries, the item and seq.
 */
export interface BundleProblem {
  part: string;
  itemId?: number;
  seq?: number;
  problem: string;
}

/** What verify-bundle found. `intact` only when there is no problem. */
export interface BundleReport {
  intact: boolean;
  problems: BundleProblem[];
  disclosureId: number | null;
  recipient: string | null;
  purpose: string | null;
  createdAt: string | null;
  /** The key that signed the manifest: compare it with the fingerprint the instance published. */
  keyId: string | null;
  items: number;
  custodyEntries: number;
  /** Uncompressed bytes read from the zip (0 when it was refused before reading any entry). */
  bytesRead: number;
}

/** Readable issues of a zod parse, with their paths. */
export const zodIssues = (e: z.ZodError): string =>
  e.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`).join('; ');
