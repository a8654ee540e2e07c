import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keysDirOf, openKeyring, readConfidential } from '../confidential/index.js';
import { openDatabase } from '../db/open-database.js';
import { tocsin } from '../test-support/tocsin-cli.js';

const IDENTITY = { name: 'Amina Kossi', phone: '+236 75 12 34 56' };

/** Opens the CLI's store in-process (between commands, never at the same time). */
async function withStore<T>(dataDir: string, fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const db = await openDatabase({ dataDir });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

describe('tocsin keys', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tocsin-keys-cli-'));
  const aad = (id: number) => `report:${id}:confidential`;

  it('shows, rotates and audits the keys of confidential fields, for admins only', async () => {
    expect((await tocsin(dataDir, 'users', 'add', 'root', '--role', 'admin')).code).toBe(0);
    expect((await tocsin(dataDir, 'users', 'add', 'ana', '--role', 'analyst')).code).toBe(0);
    const reportId = await withStore(dataDir, async (db) => {
      const keyring = await openKeyring(db, { keysDir: keysDirOf(dataDir) });
      const [r] = await db.query<{ id: number }>(
        `INSERT INTO reports (reference, date_start, date_end, country_iso3, acts) VALUES ('R-1', '2024-03-02', '2024-03-02', 'CAF', '{killing}') RETURNING id`,
      );
      const sealed = await keyring.seal(IDENTITY, aad(r!.id));
      await db.query('UPDATE reports SET confidential_sealed = $2::jsonb WHERE id = $1', [r!.id, JSON.stringify(sealed)]);
      const [root] = await db.query<{ id: number }>(`SELECT id FROM users WHERE username = 'root'`);
      const user = { id: root!.id, role: 'admin' as const };
      await readConfidential(db, keyring, {
        user,
        subject: `report:${r!.id}`,
        field: 'confidential',
        purpose: 'referral',
        envelope: sealed,
        aad: aad(r!.id),
      });
      return r!.id;
    });

    const refused = await tocsin(dataDir, 'keys', 'status', '--by', 'ana');
    expect(refused.code).toBe(5);
    expect(refused.stderr).toContain('ana is analyst: only admin may see the keys');

    const before = JSON.parse((await tocsin(dataDir, 'keys', 'status', '--by', 'root', '--format', 'json')).stdout) as {
      masterKey: { id: string };
      dataKeys: { id: number; active: boolean; fields: number }[];
    };
    expect(before.dataKeys).toEqual([expect.objectContaining({ active: true, fields: 1 })]);

    const rotated = await tocsin(dataDir, 'keys', 'rotate-data-key', '--by', 'root');
    expect(rotated.stdout).toMatch(
      /^data key \d+ is active, \d+ retired; re-sealed 1 in reports.confidential_sealed, 0 in report_sources.identity_sealed\n$/,
    );

    const badFile = join(dataDir, 'short.key');
    writeFileSync(badFile, 'c2hvcnQ=\n');
    const bad = await tocsin(dataDir, 'keys', 'rotate-master', '--new-key-file', badFile, '--by', 'root');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`--new-key-file ${badFile} must be 32 bytes (base64), not 5`);

    const newKey = randomBytes(32);
    const newKeyFile = join(dataDir, 'new.key');
    writeFileSync(newKeyFile, newKey.toString('base64'));
    const master = await tocsin(dataDir, 'keys', 'rotate-master', '--new-key-file', newKeyFile, '--by', 'root');
    expect(master.code, master.stderr).toBe(0);
    const newId = createHash('sha256').update(newKey).digest('hex').slice(0, 16);
    expect(master.stdout).toBe(`2 data keys re-wrapped: master key ${before.masterKey.id} -> ${newId}\n`);
    expect(readFileSync(join(dataDir, 'keys', 'master.key'), 'utf8').trim()).toBe(newKey.toString('base64'));

    const after = await tocsin(dataDir, 'keys', 'status', '--by', 'root');
    expect(after.stdout).toMatch(
      new RegExp(`^master key ${newId} \\(.*master\\.key\\)\\n.*retired.* 0 fields\\n.*active .* 1 fields\\n$`),
    );
    await withStore(dataDir, async (db) => {
      const keyring = await openKeyring(db, { keysDir: keysDirOf(dataDir) });
      const [r] = await db.query<{ e: unknown }>('SELECT confidential_sealed AS e FROM reports WHERE id = $1', [reportId]);
      expect(await keyring.open(r!.e, aad(reportId))).toEqual(IDENTITY);
    });

    const log = await tocsin(dataDir, 'keys', 'access-log', '--subject', `report:${reportId}`, '--by', 'root');
    expect(log.stdout).toMatch(new RegExp(`Z  root +report:${reportId} +confidential +referral\\n`));
    expect(log.stderr).toBe('1 reads\n');
  }, 180_000);
});
