import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/engines.js';
import { readCustodyChain } from '../custody/custody.repository.js';
import { objectPath } from '../store/evidence-paths.js';
import { lockerWithItems, readZipParts, type Locker } from './bundle.fixtures.js';
import { listDisclosures } from './disclosures.repository.js';
import { exportBundle } from './export-bundle.js';
import { verifyBundle } from './verify-bundle.js';

const request = (itemIds: number[]) => ({ itemIds, recipient: 'Commission of Inquiry on the CAR', purpose: 'Article 7 inquiry' });

describeEachEngine('exportBundle', ({ db }) => {
  let locker: Locker;
  beforeAll(async () => {
    locker = await lockerWithItems(db());
  });

  it('writes a bundle of the items (a web capture brings its screenshot) that verifies offline', async () => {
    const out = join(locker.dir, 'disclosure.zip');
    const { text, photo, page, screenshot } = locker.ids;
    const d = await exportBundle(db(), locker.store, { request: request([text, photo, page]), by: locker.by, out });
    expect(d.itemIds).toEqual([text, photo, screenshot, page].sort((a, b) => a - b));
    expect(d.bundleSha256).toBe(
      createHash('sha256')
        .update(await readFile(out))
        .digest('hex'),
    );
    expect(d.createdBy).toBe('investigator-b');

    const names = (await readZipParts(out)).map((p) => p.name).sort();
    expect(names.filter((n) => !n.startsWith('originals/'))).toEqual([
      'custody.jsonl',
      'keys.json',
      'manifest.json',
      'manifest.sig',
    ]);
    expect(names.filter((n) => /^originals\/[0-9a-f]{64}$/.test(n))).toHaveLength(4);

    const report = await verifyBundle(out);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ intact: true, disclosureId: d.id, items: 4, keyId: locker.by.signer.keyId });

    const chain = await readCustodyChain(db(), text);
    expect(chain.at(-1)).toMatchObject({
      action: 'exported',
      detail: { disclosureId: d.id, recipient: 'Commission of Inquiry on the CAR' },
    });
    expect(report.custodyEntries).toBeGreaterThanOrEqual(8);
    expect((await listDisclosures(db(), { limit: 10 }))[0]).toEqual(d);
  });

  it('refuses an unknown item and leaves no entry, no record and no bundle', async () => {
    const out = join(locker.dir, 'refused.zip');
    const before = (await readCustodyChain(db(), locker.ids.text)).length;
    const disclosures = (await listDisclosures(db(), { limit: 100 })).length;
    await expect(
      exportBundle(db(), locker.store, { request: request([locker.ids.text, 99_999]), by: locker.by, out }),
    ).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('99999') });
    expect((await readCustodyChain(db(), locker.ids.text)).length).toBe(before);
    expect((await listDisclosures(db(), { limit: 100 })).length).toBe(disclosures);
    await expect(stat(out)).rejects.toThrow();
  });

  it('refuses bad input with the field named', async () => {
    const out = join(locker.dir, 'bad.zip');
    await expect(
      exportBundle(db(), locker.store, { request: { itemIds: [], recipient: ' ', purpose: 'x' }, by: locker.by, out }),
    ).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/itemIds.*recipient/s) });
  });

  it('never discloses an original that no longer matches its hash', async () => {
    const path = objectPath(locker.store, (await readCustodyChain(db(), locker.ids.photo))[0]!.itemSha256);
    const original = await readFile(path);
    await chmod(path, 0o644);
    await writeFile(path, Buffer.concat([original.subarray(0, 10), Buffer.from([original[10]! ^ 1]), original.subarray(11)]));
    try {
      await expect(
        exportBundle(db(), locker.store, { request: request([locker.ids.photo]), by: locker.by, out: join(locker.dir, 'x.zip') }),
      ).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining(`item ${locker.ids.photo}`) });
    } finally {
      await writeFile(path, original);
      await chmod(path, 0o444);
    }
  });
});

describe('exportBundle output', () => {
  it('is described in docs/disclosure.md', async () => {
    const doc = await readFile(new URL('../../../docs/disclosure.md', import.meta.url), 'utf8');
    for (const part of ['manifest.json', 'manifest.sig', 'custody.jsonl', 'keys.json', 'originals/']) expect(doc).toContain(part);
  });
});
