/**
 * Offline verification of a disclosure bundle: no database, no network, nothing extracted.
 * The zip's directory is judged first (names, duplicates, zip-bomb limits); then every entry is
 * streamed through SHA-256 and the contents are assessed (bundle-assessment.ts).
 */
import { stat } from 'node:fs/promises';
import { TocsinError } from '../../core/errors.js';
import { assessBundle, type BundleContents } from './bundle-assessment.js';
import {
  CUSTODY_PATH,
  KEYS_PATH,
  MANIFEST_PATH,
  SIGNATURE_PATH,
  type BundleProblem,
  type BundleReport,
} from './bundle-format.js';
import { checkZipEntries, DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip-entries.js';
import { digestEntry, listZip } from './zip-reader.js';

/** Largest manifest.json, manifest.sig or keys.json read; custody.jsonl may be larger. */
const SMALL_PART_BYTES = 64 << 20;
const CUSTODY_BYTES = 1 << 30;
const KEPT_PARTS: Record<string, number> = {
  [MANIFEST_PATH]: SMALL_PART_BYTES,
  [SIGNATURE_PATH]: SMALL_PART_BYTES,
  [KEYS_PATH]: SMALL_PART_BYTES,
  [CUSTODY_PATH]: CUSTODY_BYTES,
};

const emptyReport = (problems: BundleProblem[], bytesRead = 0): BundleReport => ({
  intact: false,
  problems,
  disclosureId: null,
  recipient: null,
  purpose: null,
  createdAt: null,
  keyId: null,
  items: 0,
  custodyEntries: 0,
  bytesRead,
});

/** Verifies the bundle at `path`; the report lists every problem (none when intact). */
export async function verifyBundle(path: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<BundleReport> {
  try {
    if (!(await stat(path)).isFile()) throw new TocsinError('invalid_input', `${path} is not a file`, { field: 'file' });
  } catch (e) {
    if (e instanceof TocsinError) throw e;
    throw new TocsinError('not_found', `no bundle at ${path}`, { field: 'file' });
  }
  let listed: Awaited<ReturnType<typeof listZip>>;
  try {
    listed = await listZip(path);
  } catch (e) {
    return emptyReport([{ part: '(zip)', problem: `not a readable zip: ${(e as Error).message}` }]);
  }
  const { zip, entries } = listed;
  try {
    const refused = checkZipEntries(
      entries.map((e) => e.info),
      limits,
    );
    if (refused.length) return emptyReport(refused);

    const problems: BundleProblem[] = [];
    const contents: { -readonly [K in keyof BundleContents]: BundleContents[K] } = {
      entries: new Map(),
      manifest: null,
      signature: null,
      keys: null,
      custody: null,
    };
    let bytesRead = 0;
    for (const { entry, info } of entries) {
      const name = info.name!;
      const keepUpTo = KEPT_PARTS[name] ?? 0;
      try {
        const d = await digestEntry(zip, entry, keepUpTo);
        bytesRead += d.bytes;
        (contents.entries as Map<string, { sha256: string; bytes: number }>).set(name, { sha256: d.sha256, bytes: d.bytes });
        if (keepUpTo > 0 && d.kept === null) problems.push({ part: name, problem: `larger than ${keepUpTo} bytes` });
        if (name === MANIFEST_PATH) contents.manifest = d.kept;
        else if (name === SIGNATURE_PATH) contents.signature = d.kept;
        else if (name === KEYS_PATH) contents.keys = d.kept;
        else if (name === CUSTODY_PATH) contents.custody = d.kept;
      } catch (e) {
        problems.push({ part: name, problem: `unreadable: ${(e as Error).message}` });
      }
    }
    const assessed = assessBundle(contents);
    problems.push(...assessed.problems.filter((p) => !problems.some((q) => q.part === p.part && q.problem === p.problem)));
    const m = assessed.manifest;
    return {
      intact: problems.length === 0,
      problems,
      disclosureId: m?.disclosureId ?? null,
      recipient: m?.recipient ?? null,
      purpose: m?.purpose ?? null,
      createdAt: m?.createdAt ?? null,
      keyId: assessed.keyId,
      items: m?.items.length ?? 0,
      custodyEntries: assessed.custodyEntries.length,
      bytesRead,
    };
  } finally {
    zip.close();
  }
}
