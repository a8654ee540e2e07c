import { join } from 'node:path';
import { TocsinError } from '../../core/errors.js';

/** Default ceiling of one original: 2 GiB. */
export const DEFAULT_MAX_EVIDENCE_BYTES = 2 * 1024 ** 3;

/** Where the locker keeps its files, and the size ceiling of one original. */
export interface EvidenceStore {
  /** Originals under `objects/<aa>/<sha256>`, uploads in progress under `tmp/`. */
  dir: string;
  maxBytes: number;
}

/** The evidence store of an instance: TOCSIN_EVIDENCE_DIR or `<dataDir>/evidence`, TOCSIN_EVIDENCE_MAX_BYTES or 2 GiB. */
export function evidenceStoreOf(dataDir: string | undefined, env: NodeJS.ProcessEnv = process.env): EvidenceStore {
  const dir = env.TOCSIN_EVIDENCE_DIR || (dataDir ? join(dataDir, 'evidence') : undefined);
  if (!dir)
    throw new TocsinError('unavailable', 'the evidence locker needs a data directory (--data-dir) or TOCSIN_EVIDENCE_DIR');
  const rawMax = env.TOCSIN_EVIDENCE_MAX_BYTES;
  const maxBytes = rawMax ? Number(rawMax) : DEFAULT_MAX_EVIDENCE_BYTES;
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 1)
    throw new TocsinError(
      'invalid_input',
      `TOCSIN_EVIDENCE_MAX_BYTES must be a positive whole number of bytes, not "${rawMax}"`,
      {
        field: 'TOCSIN_EVIDENCE_MAX_BYTES',
      },
    );
  return { dir, maxBytes };
}

export { keysDirOf } from '../../core/instance-dirs.js';

/** Path of the original with this SHA-256. */
export const objectPath = (store: EvidenceStore, sha256: string): string =>
  join(store.dir, 'objects', sha256.slice(0, 2), sha256);
