import { open } from 'node:fs/promises';
import { TocsinError } from '../../core/errors.js';

/** One entry of a ZIP central directory. */
export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflate (APPNOTE 4.4.5). */
  method: number;
  crc32: number;
  compressedSize: number;
  size: number;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;

const bad = (label: string, why: string): TocsinError =>
  new TocsinError('invalid_format', `${label} is not a valid ZIP archive: ${why}`, { file: label });

/**
 * Lists a ZIP archive's entries from its central directory, reading only the first bytes and the tail
 * of the file (never the whole archive). A truncated download fails here: the directory sits at the end.
 * Layout per PKWARE APPNOTE.TXT 4.3 (https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT).
 */
export async function readZipDirectory(file: string, label = file): Promise<ZipEntry[]> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    const signature = head.readUInt32LE(0);
    if (size < EOCD_MIN || (signature !== LOCAL_HEADER && signature !== END_OF_DIRECTORY)) {
      throw bad(label, `it starts with ${JSON.stringify(head.toString('latin1'))}, not "PK\\x03\\x04"`);
    }
    const tailLength = Math.min(size, EOCD_MIN + MAX_COMMENT);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    const eocd = findEndOfDirectory(tail);
    if (eocd < 0) throw bad(label, 'no end-of-central-directory record (truncated download?)');
    const count = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || dirOffset === 0xffffffff) throw bad(label, 'ZIP64 archives are not supported');
    if (dirOffset + dirSize > size - tailLength + eocd) throw bad(label, 'the central directory lies outside the file');
    const dir = Buffer.alloc(dirSize);
    await handle.read(dir, 0, dirSize, dirOffset);
    return parseDirectory(dir, count, label);
  } finally {
    await handle.close();
  }
}

function findEndOfDirectory(tail: Buffer): number {
  for (let i = tail.length - EOCD_MIN; i >= 0; i--) if (tail.readUInt32LE(i) === END_OF_DIRECTORY) return i;
  return -1;
}

function parseDirectory(dir: Buffer, count: number, label: string): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > dir.length || dir.readUInt32LE(at) !== CENTRAL_HEADER) throw bad(label, `damaged directory entry ${i + 1}`);
    const nameLength = dir.readUInt16LE(at + 28);
    const skip = dir.readUInt16LE(at + 30) + dir.readUInt16LE(at + 32);
    entries.push({
      method: dir.readUInt16LE(at + 10),
      crc32: dir.readUInt32LE(at + 16),
      compressedSize: dir.readUInt32LE(at + 20),
      size: dir.readUInt32LE(at + 24),
      name: dir.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + skip;
  }
  return entries;
}
