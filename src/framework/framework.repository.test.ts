import { expect, it } from 'vitest';
import { createUser } from '../access/users.repository.js';
import { describeEachEngine } from '../test-support/engines.js';
import { factorsFromData } from './framework.js';
import data from './framework.data.json' with { type: 'json' };
import {
  SEED_NOTE,
  currentFrameworkVersion,
  editFramework,
  ensureFramework,
  listFrameworkVersions,
  readFramework,
} from './framework.repository.js';

describeEachEngine('framework repository', ({ db }) => {
  it('seeds version 1 from the shipped data when the store is opened, and only once', async () => {
    expect(await currentFrameworkVersion(db())).toBe(1);
    expect(await ensureFramework(db())).toBe(false);
    const v1 = await readFramework(db());
    expect(v1).toMatchObject({ version: 1, note: SEED_NOTE, createdBy: null });
    expect(v1.factors).toEqual(factorsFromData(data));
    expect(Date.parse(v1.createdAt)).not.toBeNaN();
  });

  it('saves each edit as a new version, attributed, and keeps the older versions readable', async () => {
    const admin = await createUser(db(), { username: 'fw-admin', password: 'a long enough password', role: 'admin' });
    const v2 = await editFramework(
      db(),
      { note: 'clearer wording', change: { kind: 'edit-indicator', indicatorId: '7.6', text: 'Shutting down the internet.' } },
      admin.id,
    );
    expect(v2).toMatchObject({ version: 2, note: 'clearer wording', createdBy: 'fw-admin' });
    expect(v2.factors[6]!.indicators[5]).toMatchObject({ text: 'Shutting down the internet.', verification: 'edited' });
    const v3 = await editFramework(
      db(),
      { note: 'child soldiers', change: { kind: 'add-indicator', factorId: 'RF13', text: 'Recruitment of children.' } },
      null,
    );
    expect(v3.factors[12]!.indicators.at(-1)).toMatchObject({ id: '13.11', verification: 'added' });
    expect(v3.factors[6]!.indicators[5]!.text).toBe('Shutting down the internet.'); // copied forward

    const v1 = await readFramework(db(), 1);
    expect(v1.factors[6]!.indicators[5]!.verification).toBe('source');
    expect(v1.factors[12]!.indicators).toHaveLength(10);
    expect((await listFrameworkVersions(db())).map((v) => v.version)).toEqual([3, 2, 1]);
    expect(await currentFrameworkVersion(db())).toBe(3);
  });

  it('refuses an edit that changes nothing and stores no version for it', async () => {
    const before = await currentFrameworkVersion(db());
    await expect(
      editFramework(db(), { note: 'oops', change: { kind: 'edit-indicator', indicatorId: '99.1', text: 'x' } }, null),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(await currentFrameworkVersion(db())).toBe(before);
    await expect(readFramework(db(), 99)).rejects.toMatchObject({ code: 'not_found', message: 'no framework version 99' });
  });
});
