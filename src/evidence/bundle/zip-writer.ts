/**
 * Writing a zip (yazl) to a file, streamed: originals are read from disk as the zip is written,
 * never held in memory. The zip is written beside its destination and renamed into place once
 * flushed, so a failed export leaves no partial bundle; its SHA-256 is computed on the way out.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';

/** One file of the zip: bytes in memory (small parts) or a file on disk (originals). */
export type ZipPart = { name: string; compress: boolean } & ({ bytes: Buffer } | { file: string });

/** Writes `parts` to `out` (replacing it); returns the zip's SHA-256 and size. */
export async function writeZip(out: string, parts: readonly ZipPart[], mtime: Date): Promise<{ sha256: string; bytes: number }> {
  const zip = new yazl.ZipFile();
  for (const p of parts) {
    const options = { compress: p.compress, mtime, mode: 0o100444 };
    if ('bytes' in p) zip.addBuffer(p.bytes, p.name, options);
    else zip.addFile(p.file, p.name, options);
  }
  zip.end();
  const hash = createHash('sha256');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  const partial = `${out}.partial-${randomBytes(4).toString('hex')}`;
  try {
    await pipeline(zip.outputStream, tap, createWriteStream(partial, { flags: 'wx', mode: 0o644, flush: true }));
    await rename(partial, out);
  } catch (e) {
    await rm(partial, { force: true });
    throw e;
  }
  return { sha256: hash.digest('hex'), bytes };
}
