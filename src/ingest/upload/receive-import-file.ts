import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { TocsinError } from '../../core/errors.js';

/** Default ceiling of one uploaded event file: 1 GiB (a whole UCDP GED CSV is a few hundred MB). */
export const DEFAULT_MAX_IMPORT_BYTES = 1024 ** 3;

/** The upload ceiling: TOCSIN_IMPORT_MAX_BYTES, else 1 GiB. */
export function importUploadLimit(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.TOCSIN_IMPORT_MAX_BYTES;
  const limit = raw ? Number(raw) : DEFAULT_MAX_IMPORT_BYTES;
  if (!Number.isSafeInteger(limit) || limit < 1)
    throw new TocsinError('invalid_input', `TOCSIN_IMPORT_MAX_BYTES must be a positive whole number of bytes, not "${raw}"`, {
      field: 'TOCSIN_IMPORT_MAX_BYTES',
    });
  return limit;
}

/** An uploaded file held on disk until its import ends. */
export interface ReceivedFile {
  dir: string;
  file: string;
  bytes: number;
}

/** The refusal of a file over the ceiling, announced or streamed: HTTP 413. */
export const tooLargeError = (limitBytes: number): TocsinError =>
  new TocsinError(
    'too_large',
    `the file is larger than the upload limit of ${limitBytes} bytes (TOCSIN_IMPORT_MAX_BYTES); nothing was stored`,
    { field: 'body', limitBytes },
  );

/** Where uploads wait for their import: `<dataDir>/imports/uploads/<random>/`. */
export const uploadsDirOf = (dataDir: string): string => join(dataDir, 'imports', 'uploads');

class TooLarge extends Error {}

/**
 * Streams an upload to `<dataDir>/imports/uploads/<random>/<name>` without holding it in memory.
 * Past `limitBytes` the stream is cut and the partial file deleted, so an oversize upload costs
 * at most the ceiling in disk and nothing in the store. The file keeps the uploader's name,
 * which the import batch records.
 */
export async function receiveImportFile(
  dataDir: string,
  name: string,
  source: AsyncIterable<Uint8Array>,
  limitBytes: number,
): Promise<ReceivedFile> {
  const dir = join(uploadsDirOf(dataDir), `${Date.now()}-${randomBytes(8).toString('hex')}`);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, name);
  let bytes = 0;
  try {
    await pipeline(
      source,
      async function* countBytes(chunks: AsyncIterable<Uint8Array>) {
        for await (const chunk of chunks) {
          bytes += chunk.byteLength;
          if (bytes > limitBytes) throw new TooLarge();
          yield chunk;
        }
      },
      createWriteStream(file, { flags: 'wx', mode: 0o600 }),
    );
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    if (e instanceof TooLarge) throw tooLargeError(limitBytes);
    throw new TocsinError(
      'invalid_input',
      `the upload was interrupted after ${bytes} bytes; nothing was stored`,
      { field: 'body' },
      { cause: e },
    );
  }
  return { dir, file, bytes };
}
