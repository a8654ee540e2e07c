/**
 * Reading a zip without extracting it (yauzl): the central directory is listed first, so names and
 * declared sizes can be judged before any byte is decompressed; then one entry at a time is
 * streamed through SHA-256, never written to disk and never held whole unless asked for (small parts).
 */
import { createHash } from 'node:crypto';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { ZipEntryInfo } from './zip-entries.js';

const UTF8_FLAG = 0x800;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The name as UTF-8 (flag 11) or plain ASCII; null for anything else, so it can be refused. */
function decodeName(entry: Entry): string | null {
  const raw = entry.fileNameRaw;
  if (entry.generalPurposeBitFlag & UTF8_FLAG) {
    try {
      return utf8.decode(raw);
    } catch {
      return null;
    }
  }
  return raw.every((b) => b < 0x80) ? raw.toString('latin1') : null;
}

const shown = (raw: Buffer): string => JSON.stringify(raw.toString('latin1')).slice(1, -1);

export interface ListedEntry {
  info: ZipEntryInfo;
  entry: Entry;
}

/** Opens a zip and lists its central directory; the caller closes `zip`. */
export async function listZip(path: string): Promise<{ zip: ZipFile; entries: ListedEntry[] }> {
  const zip = await yauzl.openPromise(path, {
    lazyEntries: true,
    autoClose: false,
    decodeStrings: false,
    validateEntrySizes: true,
  });
  const entries: ListedEntry[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      const name = decodeName(entry);
      entries.push({
        entry,
        info: {
          name,
          shownName: name ?? shown(entry.fileNameRaw),
          compressedSize: entry.compressedSize,
          uncompressedSize: entry.uncompressedSize,
          compressionMethod: entry.compressionMethod,
          isEncrypted: entry.isEncrypted(),
        },
      });
    }
  } catch (e) {
    zip.close();
    throw e;
  }
  return { zip, entries };
}

/** What streaming one entry gave: its SHA-256, its size, and its bytes when they fit `keepUpTo`. */
export interface EntryDigest {
  sha256: string;
  bytes: number;
  kept: Buffer | null;
}

/**
 * Streams one entry through SHA-256. yauzl stops the stream with an error past the declared size,
 * so a lying entry cannot inflate without bound.
 */
export async function digestEntry(zip: ZipFile, entry: Entry, keepUpTo: number): Promise<EntryDigest> {
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let bytes = 0;
  const stream = await zip.openReadStreamPromise(entry);
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
    if (bytes <= keepUpTo) chunks.push(chunk);
  }
  return { sha256: hash.digest('hex'), bytes, kept: bytes <= keepUpTo ? Buffer.concat(chunks) : null };
}
