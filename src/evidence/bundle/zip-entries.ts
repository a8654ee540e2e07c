/**
 * Checks of a zip's central directory made before any entry is read: hostile names (path
 * traversal, absolute paths, control characters), duplicates, encryption, and zip-bomb limits on
 * entry count, declared sizes and compression ratio. Pure: takes the listed entries, returns problems.
 */
import type { BundleProblem } from './bundle-format.js';

/** One entry as the central directory declares it. */
export interface ZipEntryInfo {
  /** The name decoded as UTF-8, or null when it is not valid UTF-8. */
  name: string | null;
  /** A printable form of the raw name, for reports. */
  shownName: string;
  compressedSize: number;
  uncompressedSize: number;
  compressionMethod: number;
  isEncrypted: boolean;
}

/** Limits against zip bombs and oversized bundles. */
export interface ZipLimits {
  maxEntries: number;
  /** Sum of declared uncompressed sizes. */
  maxTotalBytes: number;
  /** Uncompressed / compressed, for entries above `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 100_000,
  maxTotalBytes: 256 * 2 ** 30,
  maxRatio: 200,
  ratioFloorBytes: 1 << 20,
};

const STORED = 0;
const DEFLATED = 8;

/** Why a name could write outside the folder it is extracted to, or null when it is safe. */
export function unsafeNameReason(name: string): string | null {
  if (name.length === 0) return 'empty name';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'control character in the name';
  if (name.includes('\\')) return 'backslash in the name';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'absolute path';
  const segments = name.split('/');
  if (segments.some((s) => s === '..')) return 'path traversal (..)';
  if (segments.some((s, i) => (s === '' || s === '.') && i < segments.length - 1)) return 'empty or "." path segment';
  return null;
}

/**
 * Problems with the listed entries. Any problem here means the bundle is refused before any
 * entry is decompressed.
 */
export function checkZipEntries(entries: readonly ZipEntryInfo[], limits: ZipLimits = DEFAULT_ZIP_LIMITS): BundleProblem[] {
  const problems: BundleProblem[] = [];
  if (entries.length > limits.maxEntries)
    problems.push({ part: '(zip)', problem: `${entries.length} entries, more than the limit of ${limits.maxEntries}` });
  const seen = new Set<string>();
  let total = 0;
  for (const e of entries) {
    const part = e.shownName;
    if (e.name === null) {
      problems.push({ part, problem: 'entry name is not valid UTF-8' });
      continue;
    }
    const unsafe = unsafeNameReason(e.name);
    if (unsafe) problems.push({ part, problem: `refused entry name: ${unsafe}` });
    if (seen.has(e.name)) problems.push({ part, problem: 'duplicate entry: the name appears more than once' });
    seen.add(e.name);
    if (e.isEncrypted) problems.push({ part, problem: 'encrypted entry' });
    if (e.compressionMethod !== STORED && e.compressionMethod !== DEFLATED)
      problems.push({ part, problem: `unsupported compression method ${e.compressionMethod}` });
    if (e.name.endsWith('/')) problems.push({ part, problem: 'directory entry: a bundle holds only files' });
    total += e.uncompressedSize;
    const ratio = e.uncompressedSize / Math.max(e.compressedSize, 1);
    if (e.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxRatio)
      problems.push({
        part,
        problem: `compression ratio ${Math.round(ratio)}:1 is over the limit of ${limits.maxRatio}:1 (zip bomb?)`,
      });
  }
  if (total > limits.maxTotalBytes)
    problems.push({
      part: '(zip)',
      problem: `declared uncompressed size ${total} bytes is over the limit of ${limits.maxTotalBytes} (zip bomb?)`,
    });
  return problems;
}
