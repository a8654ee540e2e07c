import { createHmac, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TocsinError } from '../../core/errors.js';

export const AUTHOR_KEY_FILE = 'author-hash.key';
const KEY_BYTES = 32;

/**
 * The author's pseudonym: HMAC-SHA256 of the handle under the instance's secret key (hex). The same
 * handle gives the same hash on this instance, so an analyst can link one author's posts; without
 * the key, hashing guessed handles finds nothing. Handles are compared as written, less surrounding
 * space and a leading `@`, case-insensitively (platform handles are).
 */
export function hashAuthor(handle: string, key: Buffer): string {
  const canonical = handle.trim().replace(/^@/, '').toLowerCase();
  return createHmac('sha256', key).update(canonical, 'utf8').digest('hex');
}

/** The instance's author key `<keysDir>/author-hash.key` (32 random bytes), generated 0600 on first use. */
export async function readOrCreateAuthorKey(keysDir: string): Promise<Buffer> {
  const path = join(keysDir, AUTHOR_KEY_FILE);
  await mkdir(keysDir, { recursive: true, mode: 0o700 });
  try {
    await writeFile(path, randomBytes(KEY_BYTES), { flag: 'wx', mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const key = await readFile(path);
  if (key.length !== KEY_BYTES)
    throw new TocsinError('unavailable', `${path} must hold ${KEY_BYTES} bytes, not ${key.length}; restore the key file`, {
      field: path,
    });
  return key;
}
