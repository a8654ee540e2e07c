import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { TocsinError } from '../../core/errors.js';

/** The bytes of a corpus file, refusing a missing file with where it was looked for. */
export async function readCorpusFile(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (e) {
    throw new TocsinError('not_found', `cannot read corpus file ${path}: ${(e as Error).message}`, { file: path }, { cause: e });
  }
}

/** SHA-256 (hex) of the given byte strings, hashed one after the other in the order given. */
export function sha256Hex(...parts: readonly Uint8Array[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}

/** A bad row, refused with the file and line it is on (1-based) and why. Never quotes the post. */
export const badRow = (file: string, line: number, why: string): TocsinError =>
  new TocsinError('invalid_format', `${file}:${line}: ${why}`, { file, line });
