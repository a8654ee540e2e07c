/**
 * Judges a bundle's contents once every entry has been hashed: the manifest signature, each
 * file against the manifest, each original against its item's SHA-256, and each item's custody
 * chain. Pure (signature checks are computation): every problem names the part, and custody
 * problems the item and seq.
 */
import { createHash, verify } from 'node:crypto';
import { keyIdOf, type CustodyEntry } from '../custody/custody-chain.js';
import {
  BundleKeys,
  CUSTODY_PATH,
  KEYS_PATH,
  Manifest,
  MANIFEST_PATH,
  ManifestSignature,
  originalPath,
  SIGNATURE_PATH,
  zodIssues,
  type BundleProblem,
} from './bundle-format.js';
import { checkCustody } from './custody-check.js';

/** What was read from the zip: the small parts' bytes and, for every entry, its SHA-256 and size. */
export interface BundleContents {
  entries: ReadonlyMap<string, { sha256: string; bytes: number }>;
  manifest: Buffer | null;
  signature: Buffer | null;
  keys: Buffer | null;
  custody: Buffer | null;
}

export interface BundleAssessment {
  problems: BundleProblem[];
  manifest: Manifest | null;
  keyId: string | null;
  custodyEntries: CustodyEntry[];
}

function parseJson(bytes: Buffer, part: string, problems: BundleProblem[]): unknown {
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch (e) {
    problems.push({ part, problem: `not valid JSON (${(e as Error).message})` });
    return undefined;
  }
}

function readManifest(bytes: Buffer | null, problems: BundleProblem[]): Manifest | null {
  if (!bytes) return null;
  const raw = parseJson(bytes, MANIFEST_PATH, problems);
  if (raw === undefined) return null;
  const parsed = Manifest.safeParse(raw);
  if (parsed.success) return parsed.data;
  problems.push({ part: MANIFEST_PATH, problem: `not a ${'tocsin-disclosure/1'} manifest: ${zodIssues(parsed.error)}` });
  return null;
}

/** Public keys whose id matches their fingerprint; a key that does not is reported and left out. */
function readKeys(bytes: Buffer | null, problems: BundleProblem[]): Map<string, string> {
  const keys = new Map<string, string>();
  if (!bytes) return keys;
  const raw = parseJson(bytes, KEYS_PATH, problems);
  if (raw === undefined) return keys;
  const parsed = BundleKeys.safeParse(raw);
  if (!parsed.success) {
    problems.push({ part: KEYS_PATH, problem: `not a key list: ${zodIssues(parsed.error)}` });
    return keys;
  }
  for (const k of parsed.data.keys) {
    let fingerprint: string | null;
    try {
      fingerprint = keyIdOf(k.publicKey);
    } catch {
      fingerprint = null;
    }
    if (fingerprint === k.keyId) keys.set(k.keyId, k.publicKey);
    else problems.push({ part: KEYS_PATH, problem: `key ${k.keyId}: the public key does not match its id (altered)` });
  }
  return keys;
}

function checkSignature(c: BundleContents, keys: ReadonlyMap<string, string>, problems: BundleProblem[]): string | null {
  if (!c.signature || !c.manifest) return null;
  const raw = parseJson(c.signature, SIGNATURE_PATH, problems);
  if (raw === undefined) return null;
  const parsed = ManifestSignature.safeParse(raw);
  if (!parsed.success) {
    problems.push({ part: SIGNATURE_PATH, problem: `not a manifest signature: ${zodIssues(parsed.error)}` });
    return null;
  }
  const sig = parsed.data;
  const pem = keys.get(sig.keyId);
  if (pem === undefined) {
    problems.push({ part: SIGNATURE_PATH, problem: `signing key ${sig.keyId} is not (intact) in keys.json` });
    return sig.keyId;
  }
  let holds: boolean;
  try {
    holds = verify(null, c.manifest, pem, Buffer.from(sig.signature, 'base64'));
  } catch {
    holds = false;
  }
  const actual = createHash('sha256').update(c.manifest).digest('hex');
  if (holds && actual !== sig.manifestSha256)
    problems.push({ part: SIGNATURE_PATH, problem: 'manifestSha256 was altered (the signature itself holds)' });
  else if (!holds && actual !== sig.manifestSha256)
    problems.push({ part: MANIFEST_PATH, problem: 'altered: its SHA-256 differs from the signed one and the signature fails' });
  else if (!holds) problems.push({ part: SIGNATURE_PATH, problem: 'the signature does not verify (altered)' });
  return sig.keyId;
}

function checkFiles(c: BundleContents, m: Manifest, problems: BundleProblem[]): void {
  const expected = new Set<string>([MANIFEST_PATH, SIGNATURE_PATH]);
  for (const required of [CUSTODY_PATH, KEYS_PATH])
    if (!(required in m.files)) problems.push({ part: MANIFEST_PATH, problem: `files does not list ${required}` });
  for (const [path, sha256] of Object.entries(m.files)) {
    expected.add(path);
    const got = c.entries.get(path);
    if (!got) {
      if (!problems.some((p) => p.part === path))
        problems.push({ part: path, problem: 'missing: listed in the manifest but not in the bundle' });
    } else if (got.sha256 !== sha256) problems.push({ part: path, problem: 'altered: its SHA-256 differs from the manifest' });
  }
  for (const item of m.items) {
    if (item.file !== originalPath(item.sha256))
      problems.push({ part: MANIFEST_PATH, problem: `item ${item.id}: file should be ${originalPath(item.sha256)}` });
    expected.add(item.file);
    const got = c.entries.get(item.file);
    if (!got) problems.push({ part: item.file, itemId: item.id, problem: 'missing: the original is not in the bundle' });
    else if (got.sha256 !== item.sha256)
      problems.push({ part: item.file, itemId: item.id, problem: `altered: its SHA-256 is ${got.sha256}, not the item's` });
    else if (got.bytes !== item.sizeBytes)
      problems.push({ part: item.file, itemId: item.id, problem: `size ${got.bytes} differs from the item's ${item.sizeBytes}` });
  }
  for (const name of c.entries.keys())
    if (!expected.has(name)) problems.push({ part: name, problem: 'extra file: not listed in the manifest' });
}

/** Every problem with a bundle's contents; none means the bundle is intact. */
export function assessBundle(c: BundleContents): BundleAssessment {
  const problems: BundleProblem[] = [];
  for (const [part, bytes] of [
    [MANIFEST_PATH, c.manifest],
    [SIGNATURE_PATH, c.signature],
    [KEYS_PATH, c.keys],
    [CUSTODY_PATH, c.custody],
  ] as const)
    if (!bytes && !problems.some((p) => p.part === part)) problems.push({ part, problem: 'missing from the bundle' });
  const manifest = readManifest(c.manifest, problems);
  const keys = readKeys(c.keys, problems);
  const keyId = checkSignature(c, keys, problems);
  if (!manifest) return { problems, manifest, keyId, custodyEntries: [] };
  if (keyId !== null && keyId !== manifest.instance.keyId)
    problems.push({ part: SIGNATURE_PATH, problem: `signed by ${keyId}, not the instance key ${manifest.instance.keyId}` });
  checkFiles(c, manifest, problems);
  const custodyEntries = c.custody ? checkCustody(c.custody, manifest, keys, problems) : [];
  return { problems, manifest, keyId, custodyEntries };
}
