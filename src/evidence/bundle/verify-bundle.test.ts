import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/database.js';
import { openTestDatabase } from '../../test-support/engines.js';
import type { BundleProblem } from './bundle-format.js';
import {
  changeOneByte,
  declareSize,
  lockerWithItems,
  readZipParts,
  renameInPlace,
  tamperedCopy,
  writeZipParts,
  type Locker,
} from './bundle.fixtures.js';
import { exportBundle } from './export-bundle.js';
import { verifyBundle } from './verify-bundle.js';

let handle: { db: Db; close(): Promise<void> };
let locker: Locker;
let bundle: string;
let n = 0;
const copyPath = () => join(locker.dir, `tampered-${++n}.zip`);
/** A copy of the bundle with one part's bytes replaced. */
const withPart = (name: string, edit: (b: Buffer) => Buffer) =>
  tamperedCopy(bundle, copyPath(), (parts) => parts.map((p) => (p.name === name ? { name, bytes: edit(p.bytes) } : p)));
const parts = (problems: readonly BundleProblem[]) => [...new Set(problems.map((p) => p.part))];

beforeAll(async () => {
  handle = await openTestDatabase('pglite');
  locker = await lockerWithItems(handle.db);
  bundle = join(locker.dir, 'bundle.zip');
  const { text, photo, page } = locker.ids;
  await exportBundle(handle.db, locker.store, {
    request: { itemIds: [text, photo, page], recipient: 'International Criminal Court, OTP', purpose: 'Preliminary examination' },
    by: locker.by,
    out: bundle,
  });
});
afterAll(() => handle.close());

describe('verifyBundle', () => {
  it('passes an untouched bundle, and a re-zipped one with the same contents', async () => {
    expect((await verifyBundle(bundle)).problems).toEqual([]);
    const rezipped = await tamperedCopy(bundle, copyPath(), (p) => p);
    expect(await verifyBundle(rezipped)).toMatchObject({ intact: true, items: 4 });
  });

  it('names each original whose bytes were changed by one byte', async () => {
    const originals = (await readZipParts(bundle)).filter((p) => p.name.startsWith('originals/'));
    expect(originals).toHaveLength(4);
    for (const o of originals) {
      const report = await verifyBundle(await withPart(o.name, (b) => changeOneByte(b)));
      expect(report.intact).toBe(false);
      expect(parts(report.problems)).toEqual([o.name]);
      expect(report.problems[0]!.problem).toMatch(/^altered/);
    }
  });

  it('names manifest.json when one byte of it changed (in a value, or breaking the JSON)', async () => {
    for (const marker of ['International', '{']) {
      const report = await verifyBundle(await withPart('manifest.json', (b) => changeOneByte(b, marker)));
      expect(parts(report.problems)).toContain('manifest.json');
      expect(parts(report.problems)).not.toContain('manifest.sig');
    }
  });

  it('names manifest.sig when one byte of the signature changed', async () => {
    const report = await verifyBundle(await withPart('manifest.sig', flipInSignature));
    expect(report.problems).toEqual([{ part: 'manifest.sig', problem: 'the signature does not verify (altered)' }]);
  });

  it('names manifest.sig when its manifestSha256 changed, even though the signature holds', async () => {
    const report = await verifyBundle(await withPart('manifest.sig', (b) => flipAfter(b, '"manifestSha256": "')));
    expect(report.problems).toEqual([
      { part: 'manifest.sig', problem: 'manifestSha256 was altered (the signature itself holds)' },
    ]);
  });

  it('names the custody entry (item, seq) whose line changed by one byte', async () => {
    const lines = (await readZipParts(bundle))
      .find((p) => p.name === 'custody.jsonl')!
      .bytes.toString()
      .split('\n');
    const target = JSON.parse(lines[1]!) as { itemId: number; seq: number; actor: string };
    const report = await verifyBundle(
      await withPart('custody.jsonl', (b) => {
        const at = b.indexOf(`"actor":"${target.actor}"`, b.indexOf('\n') + 1) + 10;
        const copy = Buffer.from(b);
        copy[at] = copy[at]! ^ 0x01;
        return copy;
      }),
    );
    expect(report.problems).toContainEqual({ part: 'custody.jsonl', problem: 'altered: its SHA-256 differs from the manifest' });
    expect(report.problems).toContainEqual({
      part: 'custody.jsonl',
      itemId: target.itemId,
      seq: target.seq,
      problem: 'entryHash mismatch: the entry was altered',
    });
  });

  it('names keys.json when one byte of a public key changed', async () => {
    const report = await verifyBundle(await withPart('keys.json', (b) => flipAfter(b, 'BEGIN PUBLIC KEY-----\\n', 20)));
    expect(parts(report.problems)).toContain('keys.json');
    expect(report.problems).toContainEqual({ part: 'keys.json', problem: 'altered: its SHA-256 differs from the manifest' });
  });

  it('refuses an extra file and names it', async () => {
    const out = await tamperedCopy(bundle, copyPath(), (p) => [...p, { name: 'originals/readme.txt', bytes: Buffer.from('hi') }]);
    expect((await verifyBundle(out)).problems).toEqual([
      { part: 'originals/readme.txt', problem: 'extra file: not listed in the manifest' },
    ]);
  });

  it('refuses a missing file and names it', async () => {
    for (const gone of ['keys.json', 'manifest.sig']) {
      const out = await tamperedCopy(bundle, copyPath(), (p) => p.filter((x) => x.name !== gone));
      expect(parts((await verifyBundle(out)).problems)).toContain(gone);
    }
    const original = (await readZipParts(bundle)).find((p) => p.name.startsWith('originals/'))!.name;
    const out = await tamperedCopy(bundle, copyPath(), (p) => p.filter((x) => x.name !== original));
    expect((await verifyBundle(out)).problems).toEqual([
      expect.objectContaining({ part: original, problem: expect.stringMatching(/^missing/) }),
    ]);
  });

  it('refuses a path-traversal entry name without reading any entry', async () => {
    const out = copyPath();
    await writeZipParts(out, [...(await readZipParts(bundle)), { name: 'xx/evil.txt', bytes: Buffer.from('pwned') }]);
    await renameInPlace(out, 'xx/evil.txt', '../evil.txt');
    const report = await verifyBundle(out);
    expect(report).toMatchObject({ intact: false, bytesRead: 0 });
    expect(report.problems).toEqual([{ part: '../evil.txt', problem: 'refused entry name: path traversal (..)' }]);
  });

  it('refuses duplicate entries without reading any', async () => {
    const out = copyPath();
    const all = await readZipParts(bundle);
    await writeZipParts(out, [...all, all.find((p) => p.name === 'manifest.json')!]);
    const report = await verifyBundle(out);
    expect(report).toMatchObject({ intact: false, bytesRead: 0 });
    expect(report.problems).toEqual([{ part: 'manifest.json', problem: 'duplicate entry: the name appears more than once' }]);
  });

  it('refuses a zip bomb (tiny compressed, huge size) before decompressing it', async () => {
    const out = copyPath();
    await writeZipParts(out, [...(await readZipParts(bundle)), { name: 'bomb.bin', bytes: Buffer.alloc(8 << 20) }]);
    const ratio = await verifyBundle(out);
    expect(ratio).toMatchObject({ intact: false, bytesRead: 0 });
    expect(ratio.problems).toEqual([
      { part: 'bomb.bin', problem: expect.stringMatching(/compression ratio \d+:1 is over the limit/) },
    ]);

    await writeZipParts(out, [...(await readZipParts(bundle)), { name: 'small.bin', bytes: Buffer.alloc(1000) }]);
    await declareSize(out, 'small.bin', 0xf0000000);
    const declared = await verifyBundle(out);
    expect(declared.bytesRead).toBe(0);
    expect(declared.problems[0]).toMatchObject({ part: 'small.bin', problem: expect.stringContaining('zip bomb') });
    const limited = await verifyBundle(out, { maxEntries: 100, maxTotalBytes: 1 << 30, maxRatio: 1e9, ratioFloorBytes: 1 << 20 });
    expect(limited.problems).toEqual([
      { part: '(zip)', problem: expect.stringMatching(/declared uncompressed size \d+ bytes is over the limit/) },
    ]);
  });

  it('stops an entry that inflates past the size it declares', async () => {
    const out = copyPath();
    await writeZipParts(out, [...(await readZipParts(bundle)), { name: 'liar.bin', bytes: Buffer.alloc(4 << 20, 1) }]);
    await declareSize(out, 'liar.bin', 100);
    const report = await verifyBundle(out);
    expect(report.intact).toBe(false);
    expect(report.problems).toContainEqual({ part: 'liar.bin', problem: expect.stringMatching(/^unreadable: too many bytes/) });
    expect(report.bytesRead).toBeLessThan(1 << 20);
  });

  it('reports a file that is not a zip, and refuses a path that does not exist', async () => {
    const junk = copyPath();
    await writeFile(junk, 'not a zip at all');
    expect((await verifyBundle(junk)).problems).toEqual([
      { part: '(zip)', problem: expect.stringMatching(/^not a readable zip/) },
    ]);
    await expect(verifyBundle(join(locker.dir, 'nope.zip'))).rejects.toMatchObject({ code: 'not_found' });
  });
});

/** Changes one character of the base64 signature. */
function flipInSignature(b: Buffer): Buffer {
  return flipAfter(b, '"signature": "', 10);
}

/** Changes the character `offset` characters after `marker` to another one valid in hex and base64 ('0' or '1'). */
function flipAfter(b: Buffer, marker: string, offset = 3): Buffer {
  const copy = Buffer.from(b);
  const at = copy.indexOf(marker) + marker.length + offset;
  if (at < marker.length) throw new Error(`marker ${marker} not found`);
  copy[at] = copy[at] === 0x30 ? 0x31 : 0x30;
  return copy;
}
