import { describe, expect, it } from 'vitest';
import { checkZipEntries, unsafeNameReason, type ZipEntryInfo } from './zip-entries.js';

const entry = (name: string | null, o: Partial<ZipEntryInfo> = {}): ZipEntryInfo => ({
  name,
  shownName: name ?? '?',
  compressedSize: 100,
  uncompressedSize: 100,
  compressionMethod: 8,
  isEncrypted: false,
  ...o,
});

describe('unsafeNameReason', () => {
  it('accepts plain relative names', () => {
    for (const n of ['manifest.json', 'originals/ab12', 'a/b/c.txt', '..hidden', 'a..b']) expect(unsafeNameReason(n)).toBeNull();
  });
  it('refuses traversal, absolute paths, backslashes, control characters and empty segments', () => {
    expect(unsafeNameReason('../evil')).toMatch(/traversal/);
    expect(unsafeNameReason('originals/../../etc/passwd')).toMatch(/traversal/);
    expect(unsafeNameReason('/etc/passwd')).toMatch(/absolute/);
    expect(unsafeNameReason('C:/Windows/win.ini')).toMatch(/absolute/);
    expect(unsafeNameReason('..\\evil')).toMatch(/backslash/);
    expect(unsafeNameReason('a\u0000b')).toMatch(/control/);
    expect(unsafeNameReason('a//b')).toMatch(/empty/);
    expect(unsafeNameReason('')).toMatch(/empty/);
  });
});

describe('checkZipEntries', () => {
  it('passes an ordinary listing', () => {
    expect(
      checkZipEntries([entry('manifest.json'), entry('originals/x', { uncompressedSize: 5 << 20, compressedSize: 4 << 20 })]),
    ).toEqual([]);
  });
  it('names undecodable, encrypted, oddly compressed and directory entries', () => {
    const problems = checkZipEntries([
      entry(null, { shownName: '\\xff' }),
      entry('a', { isEncrypted: true }),
      entry('b', { compressionMethod: 12 }),
      entry('dir/'),
    ]);
    expect(problems.map((p) => p.part)).toEqual(['\\xff', 'a', 'b', 'dir/']);
  });
  it('applies the entry-count, total-size and ratio limits', () => {
    const limits = { maxEntries: 2, maxTotalBytes: 10 << 20, maxRatio: 100, ratioFloorBytes: 1 << 20 };
    const problems = checkZipEntries(
      [entry('a'), entry('b'), entry('bomb', { uncompressedSize: 20 << 20, compressedSize: 20_000 })],
      limits,
    );
    expect(problems.map((p) => p.part)).toEqual(['(zip)', 'bomb', '(zip)']);
    expect(problems[1]!.problem).toMatch(/ratio 1049:1/);
  });
});
