/**
 * Content-addressed originals on disk. An upload streams into `tmp/` while it is hashed and
 * counted; over the ceiling or on a stream error the temporary file is deleted and nothing is
 * kept. Only a complete, fsynced file is renamed into `objects/`, read-only, and never modified.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, fsync } from 'node:fs';
import { once } from 'node:events';
import { chmod, mkdir, open, rename, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { TocsinError } from '../../core/errors.js';
import { SNIFF_BYTES } from '../media/sniff-media-type.js';
import { objectPath, type EvidenceStore } from './evidence-paths.js';

/** An upload held in `tmp/`, hashed, waiting to be kept or discarded. */
export interface ReceivedUpload {
  tmpPath: string;
  sha256: string;
  sizeBytes: number;
  /** The first bytes, for media-type detection. */
  head: Buffer;
}

/** Streams `source` into the store's tmp/ while hashing; refuses (and deletes) past `store.maxBytes`. */
export async function receiveUpload(store: EvidenceStore, source: AsyncIterable<Uint8Array>): Promise<ReceivedUpload> {
  const tmpDir = join(store.dir, 'tmp');
  await mkdir(tmpDir, { recursive: true });
  const tmpPath = join(tmpDir, `${Date.now()}-${randomBytes(8).toString('hex')}.part`);
  // A write stream lets the thread pool write one chunk while this thread hashes the next.
  const file = createWriteStream(tmpPath, { flags: 'wx', mode: 0o600, highWaterMark: 4 << 20 });
  const opened = once(file, 'open');
  const failed = new Promise<never>((_, reject) => file.once('error', reject));
  failed.catch(() => undefined);
  const hash = createHash('sha256');
  const headParts: Buffer[] = [];
  let headBytes = 0;
  let sizeBytes = 0;
  try {
    const [fd] = (await Promise.race([opened, failed])) as [number];
    for await (const chunk of source) {
      sizeBytes += chunk.byteLength;
      if (sizeBytes > store.maxBytes)
        throw new TocsinError(
          'invalid_input',
          `the upload is larger than the limit of ${store.maxBytes} bytes; nothing was stored`,
          {
            field: 'body',
            limitBytes: store.maxBytes,
          },
        );
      hash.update(chunk);
      if (headBytes < SNIFF_BYTES) {
        const part = Buffer.from(chunk.subarray(0, SNIFF_BYTES - headBytes));
        headParts.push(part);
        headBytes += part.length;
      }
      if (!file.write(chunk)) await Promise.race([once(file, 'drain'), failed]);
    }
    await Promise.race([new Promise<void>((resolve) => file.write(Buffer.alloc(0), () => resolve())), failed]);
    await new Promise<void>((resolve, reject) => fsync(fd, (e) => (e ? reject(e) : resolve())));
    await Promise.race([new Promise<void>((resolve) => file.end(resolve)), failed]);
  } catch (e) {
    file.destroy();
    await once(file, 'close').catch(() => undefined);
    await rm(tmpPath, { force: true });
    if (e instanceof TocsinError) throw e;
    throw new TocsinError(
      'invalid_input',
      `the upload was interrupted after ${sizeBytes} bytes; nothing was stored`,
      { field: 'body' },
      { cause: e },
    );
  }
  return { tmpPath, sha256: hash.digest('hex'), sizeBytes, head: Buffer.concat(headParts) };
}

/** Discards an upload that will not be kept (a duplicate, or a refused one). */
export const discardUpload = (u: ReceivedUpload): Promise<void> => rm(u.tmpPath, { force: true });

/** Moves a received upload into `objects/`, read-only. Returns false when that object already existed. */
export async function keepUpload(store: EvidenceStore, u: ReceivedUpload): Promise<boolean> {
  const target = objectPath(store, u.sha256);
  await mkdir(dirname(target), { recursive: true });
  if (await exists(target)) {
    await discardUpload(u);
    return false;
  }
  await chmod(u.tmpPath, 0o444);
  await rename(u.tmpPath, target);
  const dir = await open(dirname(target), 'r');
  await dir.sync().finally(() => dir.close());
  return true;
}

/** Removes an object this process just kept, when its record could not be written. */
export async function forgetObject(store: EvidenceStore, sha256: string): Promise<void> {
  await unlink(objectPath(store, sha256)).catch(() => undefined);
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** SHA-256 and size of a stored original as it is on disk now, or null when the file is missing. */
export async function rehashObject(store: EvidenceStore, sha256: string): Promise<{ sha256: string; sizeBytes: number } | null> {
  const path = objectPath(store, sha256);
  if (!(await exists(path))) return null;
  const hash = createHash('sha256');
  let sizeBytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    sizeBytes += chunk.length;
  }
  return { sha256: hash.digest('hex'), sizeBytes };
}
