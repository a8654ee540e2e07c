import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { crc32 } from 'node:zlib';
import { Unzip, UnzipInflate, UnzipPassThrough, type UnzipFile } from 'fflate';
import type { Sha256 } from '../../core/brand.js';
import { TocsinError } from '../../core/errors.js';
import type { ZipEntry } from './zip-directory.js';

export interface ExtractedEntry {
  bytes: number;
  sha256: Sha256;
}

/**
 * Streams one entry of a ZIP archive on disk to `target` with fflate's streaming `Unzip`, so that
 * memory holds a read chunk and its inflated output, never the archive or the whole entry.
 * The output is checked against the central directory (size and CRC-32) before it is trusted.
 */
export async function extractZipEntry(
  zipFile: string,
  entry: ZipEntry,
  target: string,
  label = zipFile,
): Promise<ExtractedEntry> {
  const corrupt = (why: string): TocsinError =>
    new TocsinError('invalid_format', `${label} is a corrupt ZIP archive (${entry.name}: ${why})`, {
      file: label,
      entry: entry.name,
    });
  const out = createWriteStream(target);
  let writeError: Error | undefined;
  out.on('error', (err) => {
    writeError ??= err;
  });
  const hash = createHash('sha256');
  let crc = 0;
  let bytes = 0;
  let done = false;
  let failure: unknown = null;
  let mustDrain = false;

  const unzip = new Unzip((file: UnzipFile) => {
    if (file.name !== entry.name || done) {
      file.ondata = () => undefined; // other entries are skipped
      return;
    }
    file.ondata = (err, data, final) => {
      if (err) {
        failure ??= err;
        return;
      }
      bytes += data.length;
      if (bytes > entry.size) {
        failure ??= new Error(`more data than the ${entry.size} bytes the directory announces`); // zip bomb guard
        return;
      }
      hash.update(data);
      crc = crc32(data, crc);
      if (!out.write(data)) mustDrain = true;
      if (final) done = true;
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);

  try {
    for await (const chunk of createReadStream(zipFile, { highWaterMark: 64 * 1024 })) {
      unzip.push(chunk as Buffer);
      if (failure) break;
      if (writeError) throw writeError;
      if (mustDrain) {
        mustDrain = false;
        await once(out, 'drain');
      }
      if (done) break;
    }
    if (!failure && !done) unzip.push(new Uint8Array(0), true);
  } catch (err) {
    failure ??= err;
  } finally {
    out.end();
    await finished(out).catch(() => undefined);
  }
  if (writeError) throw writeError;

  if (failure) throw corrupt(failure instanceof Error ? failure.message : JSON.stringify(failure));
  if (!done) throw corrupt('the entry ends before its data does');
  if (bytes !== entry.size) throw corrupt(`${bytes} bytes extracted, the directory says ${entry.size}`);
  if (crc >>> 0 !== entry.crc32) throw corrupt('CRC-32 mismatch');
  return { bytes, sha256: hash.digest('hex') as Sha256 };
}
