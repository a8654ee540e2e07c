import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Queryable } from '../db/database.js';
import { describeEachEngine } from '../test-support/engines.js';
import { findPlaintext } from '../test-support/raw-database.js';
import { getDataKey } from './data-keys.repository.js';
import { openWith, unwrapKey, type SealedEnvelope } from './envelope.js';
import {
  keysDirOf,
  listAccessLog,
  openKeyring,
  readConfidential,
  rotateDataKey,
  rotateMasterKey,
  SEALED_COLUMNS,
  type Keyring,
} from './index.js';

const VICTIM = { name: 'Amina Kossi', phone: '+236 75 12 34 56' };
const WITNESS = { name: 'Jean-Baptiste Ngaba', contact: 'jbngaba@example.org' };

async function fileReport(q: Queryable, keyring: Keyring): Promise<{ reportId: number; sourceId: number }> {
  const [r] = await q.query<{ id: number }>(
    `INSERT INTO reports (reference, date_start, date_end, country_iso3, acts, description)
     VALUES ($1, '2024-03-02', '2024-03-02', 'CAF', '{killing}', 'Armed men entered the village at dawn') RETURNING id`,
    [`R-${randomBytes(4).toString('hex')}`],
  );
  const reportId = r!.id;
  const [s] = await q.query<{ id: number }>(
    `INSERT INTO report_sources (report_id, kind, reliability, credibility, pseudonym) VALUES ($1, 'witness', 'B', 2, 'Source 1') RETURNING id`,
    [reportId],
  );
  const sourceId = s!.id;
  const conf = await keyring.seal(VICTIM, `report:${reportId}:confidential`, q);
  const identity = await keyring.seal(WITNESS, `report-source:${sourceId}:identity`, q);
  await q.query('UPDATE reports SET confidential_sealed = $2::jsonb WHERE id = $1', [reportId, JSON.stringify(conf)]);
  await q.query('UPDATE report_sources SET identity_sealed = $2::jsonb WHERE id = $1', [sourceId, JSON.stringify(identity)]);
  return { reportId, sourceId };
}

const sealedOf = async (q: Queryable, reportId: number, sourceId: number) => {
  const [r] = await q.query<{ e: SealedEnvelope }>('SELECT confidential_sealed AS e FROM reports WHERE id = $1', [reportId]);
  const [s] = await q.query<{ e: SealedEnvelope }>('SELECT identity_sealed AS e FROM report_sources WHERE id = $1', [sourceId]);
  return { report: r!.e, source: s!.e };
};

describeEachEngine('confidential fields', ({ db }) => {
  let dir: string;
  let keysDir: string;
  let keyring: Keyring;
  const env = {}; // no TOCSIN_MASTER_KEY from the machine running the tests
  let investigator: number;
  let analyst: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tocsin-keys-'));
    keysDir = keysDirOf(dir, {});
    keyring = await openKeyring(db(), { keysDir, env });
    const users = await db().query<{ id: number }>(
      `INSERT INTO users (username, role, password_hash) VALUES ('ines', 'investigator', 'none'), ('ana', 'analyst', 'none') RETURNING id`,
    );
    [investigator, analyst] = users.map((u) => u.id) as [number, number];
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('generates the master key on first use, 0600 in <dataDir>/keys, and names it by its SHA-256', async () => {
    expect(keysDir).toBe(join(dir, 'keys'));
    const path = join(keysDir, 'master.key');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(path, 'utf8').trim(), 'base64')).toHaveLength(32);
    expect(keyring.masterKeyId).toMatch(/^[0-9a-f]{16}$/);
    expect(keyring.masterKeySource).toEqual({ kind: 'keys-dir', path, generated: true });
    const again = await openKeyring(db(), { keysDir, env });
    expect(again.masterKeyId).toBe(keyring.masterKeyId);
    expect(keysDirOf(dir, { TOCSIN_KEYS_DIR: '/srv/keys' })).toBe('/srv/keys');
  });

  it('seals and opens a field; a copy moved to another record, an altered one or an unknown key is refused', async () => {
    const { reportId, sourceId } = await fileReport(db(), keyring);
    const { report, source } = await sealedOf(db(), reportId, sourceId);
    expect(await keyring.open(report, `report:${reportId}:confidential`)).toEqual(VICTIM);
    expect(await keyring.open(source, `report-source:${sourceId}:identity`)).toEqual(WITNESS);
    await expect(keyring.open(report, `report:${reportId + 1}:confidential`)).rejects.toThrow(/belongs to another record/);
    await expect(keyring.open({ ...report, tag: source.tag }, `report:${reportId}:confidential`)).rejects.toThrow(/altered/);
    await expect(keyring.open({ ...report, k: 9999 }, `report:${reportId}:confidential`)).rejects.toThrow(
      /names data key 9999, which does not exist/,
    );
  });

  it('leaves nothing of a sealed value readable in the database, and finds a planted plaintext', async () => {
    const needles = [VICTIM.name, VICTIM.phone, WITNESS.name, WITNESS.contact];
    expect(await findPlaintext(db(), needles)).toEqual([]);
    const [r] = await db().query<{ id: number }>(
      `INSERT INTO reports (reference, date_start, date_end, country_iso3, acts, description, victims)
       VALUES ('R-planted', '2024-03-03', '2024-03-03', 'CAF', '{killing}', $1, $2::jsonb) RETURNING id`,
      [`seen by ${WITNESS.name}`, JSON.stringify([{ note: Buffer.from(`call ${VICTIM.phone}`).toString('base64') }])],
    );
    expect(await findPlaintext(db(), needles)).toEqual(
      expect.arrayContaining([
        { table: 'reports', column: 'description', needle: WITNESS.name, form: 'plain' },
        { table: 'reports', column: 'victims', needle: VICTIM.phone, form: 'base64' },
      ]),
    );
    await db().query('DELETE FROM reports WHERE id = $1', [r!.id]);
  });

  it('seals, opens and logs a read inside a transaction', async () => {
    const read = await db().transaction(async (tx) => {
      const { reportId, sourceId } = await fileReport(tx, keyring);
      const { source } = await sealedOf(tx, reportId, sourceId);
      return readConfidential(tx, keyring, {
        user: { id: investigator, role: 'investigator' },
        subject: `report-source:${sourceId}`,
        field: 'identity',
        envelope: source,
        aad: `report-source:${sourceId}:identity`,
      });
    });
    expect(read).toEqual(WITNESS);
  });

  it('lets only cleared roles read a confidential field, logging each read before returning it', async () => {
    const { reportId, sourceId } = await fileReport(db(), keyring);
    const { report } = await sealedOf(db(), reportId, sourceId);
    const read = (user: { id: number; role: 'investigator' | 'analyst' }) =>
      readConfidential(db(), keyring, {
        user,
        subject: `report:${reportId}`,
        field: 'confidential',
        purpose: 'referral to protection partner',
        envelope: report,
        aad: `report:${reportId}:confidential`,
      });
    await expect(read({ id: analyst, role: 'analyst' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await listAccessLog(db(), { subject: `report:${reportId}`, limit: 10 })).toEqual([]);
    expect(await read({ id: investigator, role: 'investigator' })).toEqual(VICTIM);
    expect(await listAccessLog(db(), { subject: `report:${reportId}`, limit: 10 })).toEqual([
      expect.objectContaining({ username: 'ines', field: 'confidential', purpose: 'referral to protection partner' }),
    ]);
  });

  it('rotates the data key: every field re-sealed with the new key, the old one retired and no longer needed', async () => {
    const { reportId, sourceId } = await fileReport(db(), keyring);
    const before = await sealedOf(db(), reportId, sourceId);
    const oldKey = unwrapKey(
      Buffer.from(readFileSync(join(keysDir, 'master.key'), 'utf8').trim(), 'base64'),
      (await getDataKey(db(), before.report.k))!.wrappedKey,
    )!;
    const rotation = await rotateDataKey(db(), keyring, SEALED_COLUMNS);
    expect(rotation.retiredKeyId).toBe(before.report.k);
    expect(rotation.resealed['reports.confidential_sealed']).toBeGreaterThanOrEqual(1);
    expect(rotation.resealed['report_sources.identity_sealed']).toBeGreaterThanOrEqual(1);
    const after = await sealedOf(db(), reportId, sourceId);
    expect(after.report.k).toBe(rotation.newKeyId);
    expect(() => openWith(oldKey, after.report, `report:${reportId}:confidential`)).toThrow(/does not open/);
    expect(await keyring.open(after.report, `report:${reportId}:confidential`)).toEqual(VICTIM);
    expect(await keyring.open(after.source, `report-source:${sourceId}:identity`)).toEqual(WITNESS);
    const retired = (await getDataKey(db(), before.report.k))!;
    expect(retired).toMatchObject({ active: false, retiredAt: expect.any(String) });
    const [{ n }] = (await db().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM reports WHERE confidential_sealed IS NOT NULL AND (confidential_sealed->>'k')::int <> $1`,
      [rotation.newKeyId],
    )) as [{ n: number }];
    expect(n).toBe(0);
    expect((await keyring.seal('x', 'a')).k).toBe(rotation.newKeyId);
  });

  it('stops a rotation that meets a field it cannot open, and changes nothing', async () => {
    const { reportId, sourceId } = await fileReport(db(), keyring);
    const good = await sealedOf(db(), reportId, sourceId);
    await db().query('UPDATE reports SET confidential_sealed = $2::jsonb WHERE id = $1', [
      reportId,
      JSON.stringify({ ...good.report, tag: good.source.tag }),
    ]);
    const keysBefore = await db().query('SELECT id, active, retired_at FROM data_keys ORDER BY id');
    await expect(rotateDataKey(db(), keyring, SEALED_COLUMNS)).rejects.toThrow(`report:${reportId}:confidential`);
    expect(await db().query('SELECT id, active, retired_at FROM data_keys ORDER BY id')).toEqual(keysBefore);
    expect((await sealedOf(db(), reportId, sourceId)).source).toEqual(good.source);
    await db().query('DELETE FROM reports WHERE id = $1', [reportId]);
  });

  it('rotates the master key: data keys re-wrapped, the old master key opens nothing, every field still opens', async () => {
    const { reportId, sourceId } = await fileReport(db(), keyring);
    const sealed = await sealedOf(db(), reportId, sourceId);
    const newKey = randomBytes(32);
    const { keyring: next, rewrapped } = await rotateMasterKey(db(), keyring, newKey);
    expect(rewrapped).toBeGreaterThanOrEqual(2);
    await expect(keyring.open(sealed.report, `report:${reportId}:confidential`)).rejects.toThrow(
      /wrapped by master key .* but the master key in use is/,
    );
    await expect(openKeyring(db(), { keysDir, env })).rejects.toThrow(/is not the key .* that wraps the stored data keys/);
    const reopened = await openKeyring(db(), { keysDir, env: { TOCSIN_MASTER_KEY: newKey.toString('base64') } });
    expect(reopened.masterKeyId).toBe(next.masterKeyId);
    const all = await db().query<{ id: number; e: SealedEnvelope }>(
      'SELECT id, confidential_sealed AS e FROM reports WHERE confidential_sealed IS NOT NULL',
    );
    for (const r of all) expect(await reopened.open(r.e, `report:${r.id}:confidential`)).toEqual(VICTIM);
    expect(await reopened.open(sealed.source, `report-source:${sourceId}:identity`)).toEqual(WITNESS);
    keyring = reopened;
  });

  it('refuses a malformed master key, and never replaces a missing key file once data keys exist', async () => {
    await expect(openKeyring(db(), { keysDir, env: { TOCSIN_MASTER_KEY: 'c2hvcnQ=' } })).rejects.toThrow(
      'TOCSIN_MASTER_KEY must be 32 bytes (base64), not 5',
    );
    const empty = mkdtempSync(join(tmpdir(), 'tocsin-keys-'));
    await expect(openKeyring(db(), { keysDir: empty, env: {} })).rejects.toThrow(/master.key is missing and data keys exist/);
    rmSync(empty, { recursive: true, force: true });
  });
});
