import { join, resolve } from 'node:path';
import { TocsinError } from './errors.js';

/**
 * The instance's key directory (master key for confidential fields, custody signing key):
 * TOCSIN_KEYS_DIR, else `<dataDir>/keys`. Refused when neither is known (a server run without a
 * data directory has nowhere to keep keys).
 */
export function keysDirOf(dataDir: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.TOCSIN_KEYS_DIR || (dataDir ? join(dataDir, 'keys') : undefined);
  if (!dir) throw new TocsinError('unavailable', 'keys need a data directory (--data-dir) or TOCSIN_KEYS_DIR');
  return resolve(dir);
}
