import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database.js';
import { storeWarning } from '../test-support/stored-warning.fixture.js';
import { tocsin } from '../test-support/tocsin-cli.js';

describe('tocsin measures', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tocsin-measures-'));
  let warning: number;
  beforeAll(async () => {
    const db = await openDatabase({ dataDir: dir });
    warning = await storeWarning(db, { status: 'decided', decision: 'act' });
    await db.query(`INSERT INTO users (username, password_hash, role) VALUES ('amina', 'x', 'decision-maker')`);
    await db.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the catalogue and recommendations with reasons', async () => {
    const cat = await tocsin(dir, 'measures', 'catalogue', '--format', 'json');
    expect(cat.code).toBe(0);
    expect((JSON.parse(cat.stdout) as unknown[]).length).toBeGreaterThanOrEqual(30);
    const rec = await tocsin(dir, 'measures', 'recommend', 'RF9', 'RF10', '--limit', '2');
    expect(rec.stdout).toMatch(/addresses RF9, RF10/);
    const bad = await tocsin(dir, 'measures', 'recommend', 'RF0');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/riskFactors\[0\]: "RF0" is not a risk factor id/);
  }, 60_000);

  it('adds a measure, refuses done without an outcome, then records it done, attributed', async () => {
    const add = await tocsin(
      dir,
      'measures',
      'add',
      String(warning),
      '--catalogue',
      'good-offices',
      '--owner',
      'AU envoy',
      '--due',
      '2001-02-03',
      '--by',
      'amina',
    );
    expect(add.stderr).toBe('');
    expect(add.stdout).toMatch(new RegExp(`measure (\\d+) added to warning ${warning} \\(now measures\\): Offer good offices`));
    const id = /measure (\d+)/.exec(add.stdout)![1]!;
    const overdue = await tocsin(dir, 'measures', 'list', '--overdue', '--format', 'json');
    expect(JSON.parse(overdue.stdout) as { id: number; createdBy: string }[]).toEqual([
      expect.objectContaining({ id: Number(id), createdBy: 'amina' }),
    ]);
    const refused = await tocsin(dir, 'measures', 'update', id, '--status', 'done');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/outcome: a measure marked done needs a written outcome/);
    const done = await tocsin(dir, 'measures', 'update', id, '--status', 'done', '--outcome', 'talks opened', '--by', 'amina');
    expect(done.stdout).toMatch(/done .*talks opened/);
    const bad = await tocsin(dir, 'measures', 'add', String(warning), '--title', 'x', '--owner', 'y', '--due', '2025-13-01');
    expect(bad.stderr).toMatch(/--due: must be a calendar day/);
  }, 90_000);
});
