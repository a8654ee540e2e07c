import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../access/users.repository.js';
import { openDatabase } from '../db/open-database.js';
import { tocsin } from '../test-support/tocsin-cli.js';
import { insertTestFramework } from './test-framework.fixture.js';

describe('tocsin assess', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tocsin-assess-'));
  beforeAll(async () => {
    const db = await openDatabase({ dataDir: dir });
    await createUser(db, { username: 'amina', password: 'a long password', role: 'analyst' });
    await createUser(db, { username: 'rui', password: 'a long password', role: 'reviewer' });
    await insertTestFramework(db);
    await db.close();
  }, 60_000);

  it('takes an assessment from draft to published: create, rate, submit, publish', async () => {
    const created = await tocsin(
      dir,
      'assess',
      'create',
      '--country',
      'CAF',
      '--from',
      '2024-01-01',
      '--to',
      '2024-06-30',
      '--by',
      'amina',
    );
    expect(created.code, created.stderr).toBe(0);
    const id = /^assessment (\d+): draft for CAF/.exec(created.stdout)![1]!;

    const bad = await tocsin(
      dir,
      'assess',
      'rate',
      id,
      '1.1',
      '--rating',
      'high',
      '--confidence',
      'high',
      '--evidence',
      'event:99',
      '--by',
      'amina',
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/evidence: not in the store: event 99/);

    const rated = await tocsin(
      dir,
      'assess',
      'rate',
      id,
      '1.1',
      '--rating',
      'high',
      '--confidence',
      'high',
      '--rationale',
      'fighting around Bossangoa',
      '--by',
      'amina',
    );
    expect(rated.code, rated.stderr).toBe(0);
    expect(rated.stdout).toMatch(/1\.1 rated high \(high\); RF1 score 3/);

    const submitted = await tocsin(dir, 'assess', 'submit', id, '--level', 'serious-concern', '--by', 'amina');
    expect(submitted.code, submitted.stderr).toBe(0);

    const byAuthor = await tocsin(dir, 'assess', 'publish', id, '--by', 'amina');
    expect(byAuthor.code).toBe(5);
    const published = await tocsin(dir, 'assess', 'publish', id, '--by', 'rui', '--format', 'json');
    expect(published.code, published.stderr).toBe(0);
    expect(JSON.parse(published.stdout)).toMatchObject({ level: 'serious-concern', previousLevel: null, levelRose: true });

    const shown = await tocsin(dir, 'assess', 'show', id, '--format', 'json');
    expect(JSON.parse(shown.stdout)).toMatchObject({
      status: 'published',
      author: 'amina',
      reviewer: 'rui',
      level: 'serious-concern',
    });
    const history = await tocsin(dir, 'assess', 'history', id, '--format', 'json');
    expect((JSON.parse(history.stdout) as { action: string }[]).map((l) => l.action)).toEqual([
      'created',
      'rated',
      'submitted',
      'published',
    ]);
  }, 120_000);
});
