import { chmod, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../test-support/engines.js';
import { readCustodyChain } from './custody/custody.repository.js';
import { rotateCustodyKey } from './custody/rotate-key.js';
import { loadSigner } from './custody/signing-key.js';
import { evidenceIntakeSchema } from './evidence-item.js';
import { takeInEvidence, type LockerActor } from './evidence.repository.js';
import { objectPath, type EvidenceStore } from './store/evidence-paths.js';
import { verifyEvidence } from './verify-evidence.js';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
async function* chunks(...parts: (string | Buffer)[]): AsyncIterable<Uint8Array> {
  for (const p of parts) yield typeof p === 'string' ? Buffer.from(p) : p;
}
async function* failing(): AsyncIterable<Uint8Array> {
  yield Buffer.from('the first half of a video');
  throw new Error('connection reset by peer');
}
const intake = (o: Record<string, unknown>) => evidenceIntakeSchema.parse({ originalName: 'x.bin', ...o });
const files = async (dir: string) =>
  (await readdir(dir, { recursive: true, withFileTypes: true })).filter((d) => d.isFile()).map((d) => d.name);

describeEachEngine('the evidence locker', ({ db }) => {
  let store: EvidenceStore;
  let keysDir: string;
  let by: LockerActor;
  let clock = Date.parse('2024-05-01T10:00:00Z');

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tocsin-evidence-'));
    store = { dir: join(dir, 'evidence'), maxBytes: 1000 };
    keysDir = join(dir, 'keys');
    by = { userId: null, actor: 'ines', signer: await loadSigner(db(), keysDir), now: () => new Date((clock += 1000)) };
  });

  it('stores an original read-only by its hash, with the detected type and a signed collected entry', async () => {
    const r = await takeInEvidence(
      db(),
      store,
      chunks(PNG, 'rest'),
      intake({ originalName: 'photo.png', claimedType: 'image/png' }),
      by,
    );
    expect(r.duplicate).toBe(false);
    expect(r.item).toMatchObject({
      mediaType: 'image/png',
      claimedType: 'image/png',
      sizeBytes: 16,
      originalName: 'photo.png',
      kind: 'file',
    });
    expect(r.item.receivedAt).toMatch(/Z$/);
    const chain = await readCustodyChain(db(), r.item.id);
    expect(chain.map((e) => e.action)).toEqual(['collected']);
    expect((await verifyEvidence(db(), store)).holds).toBe(true);
  });

  it('keeps no second copy of a duplicate upload and notes it on the existing item', async () => {
    const r = await takeInEvidence(db(), store, chunks(PNG, 'rest'), intake({ originalName: 'again.png' }), by);
    expect(r.duplicate).toBe(true);
    expect(r.item.originalName).toBe('photo.png');
    expect((await readCustodyChain(db(), r.item.id)).map((e) => e.action)).toEqual(['collected', 'duplicate-received']);
    expect((await files(join(store.dir, 'objects'))).length).toBe(1);
  });

  it('takes in the same new bytes uploaded twice at once: one item, the second noted as a duplicate', async () => {
    const bytes = Buffer.concat([PNG, Buffer.from('two field teams sent the same photograph')]);
    // Both uploads end together, so both transactions look for the hash before either commits.
    let arrived = 0;
    let release!: () => void;
    const bothArrived = new Promise<void>((resolve) => (release = resolve));
    async function* gated(): AsyncIterable<Uint8Array> {
      yield bytes.subarray(0, 8);
      if (++arrived === 2) release();
      await bothArrived;
      yield bytes.subarray(8);
    }
    const results = await Promise.all([
      takeInEvidence(db(), store, gated(), intake({ originalName: 'team-a.png' }), by),
      takeInEvidence(db(), store, gated(), intake({ originalName: 'team-b.png' }), by),
    ]);
    expect(results.map((r) => r.duplicate).sort()).toEqual([false, true]);
    expect(results[0].item.id).toBe(results[1].item.id);
    expect((await readCustodyChain(db(), results[0].item.id)).map((e) => e.action)).toEqual(['collected', 'duplicate-received']);
    expect((await verifyEvidence(db(), store)).holds).toBe(true);
  });

  it('records a media-type lie beside the detected type', async () => {
    const r = await takeInEvidence(
      db(),
      store,
      chunks('%PDF-1.7 not really a picture'),
      intake({ originalName: 'scan.jpg', claimedType: 'image/jpeg' }),
      by,
    );
    expect(r.mediaTypeMismatch).toEqual({ claimed: 'image/jpeg', detected: 'application/pdf' });
    expect(r.item.metadata.mediaTypeMismatch).toEqual({ claimed: 'image/jpeg', detected: 'application/pdf' });
    expect(r.item.mediaType).toBe('application/pdf');
  });

  it('strips directories from a path-traversal name', async () => {
    const r = await takeInEvidence(
      db(),
      store,
      chunks('a witness statement'),
      intake({ originalName: '../../etc/passwd\u0000.txt' }),
      by,
    );
    expect(r.item.originalName).toBe('passwd.txt');
    await expect(takeInEvidence(db(), store, chunks('x'), intake({ originalName: '../..' }), by)).rejects.toThrow(
      /no usable file name/,
    );
  });

  it('refuses an oversize upload and an interrupted one, leaving no object, no temporary file and no row', async () => {
    const [{ n: before }] = (await db().query<{ n: number }>('SELECT count(*)::int AS n FROM evidence_items')) as [{ n: number }];
    await expect(takeInEvidence(db(), store, chunks('x'.repeat(600), 'y'.repeat(600)), intake({}), by)).rejects.toThrow(
      /larger than the limit of 1000 bytes/,
    );
    await expect(takeInEvidence(db(), store, failing(), intake({}), by)).rejects.toThrow(/interrupted after 25 bytes/);
    const [{ n: after }] = (await db().query<{ n: number }>('SELECT count(*)::int AS n FROM evidence_items')) as [{ n: number }];
    expect(after).toBe(before);
    expect(await files(join(store.dir, 'tmp'))).toEqual([]);
    expect((await files(join(store.dir, 'objects'))).length).toBe(before);
  });

  it('refuses a web capture whose screenshot is not held, and records one whose screenshot is', async () => {
    const shot = await takeInEvidence(db(), store, chunks(PNG, 'screenshot'), intake({ originalName: 'shot.png' }), by);
    const page = intake({
      originalName: 'page.html',
      kind: 'web-capture',
      sourceUrl: 'https://example.org/post/1?lang=fr',
      capturedAt: '2024-04-30T08:15:00Z',
      captureTool: 'SingleFile',
      context: { toolVersion: '1.22' },
    });
    await expect(
      takeInEvidence(db(), store, chunks('<!doctype html><p>x'), { ...page, screenshotSha256: 'f'.repeat(64) }, by),
    ).rejects.toThrow(/screenshot/);
    const r = await takeInEvidence(
      db(),
      store,
      chunks('<!doctype html><p>x'),
      { ...page, screenshotSha256: shot.item.sha256 },
      by,
    );
    expect(r.item).toMatchObject({
      kind: 'web-capture',
      mediaType: 'text/html',
      capturedAt: '2024-04-30T08:15:00.000Z',
      screenshotSha256: shot.item.sha256,
    });
    expect(r.item.metadata.toolVersion).toBe('1.22');
  });

  it('catches a custody row altered in SQL and a stored file changed on disk', async () => {
    const [item] = await db().query<{ id: number; sha256: string }>('SELECT id, sha256 FROM evidence_items ORDER BY id LIMIT 1');
    await db().query(`UPDATE custody_log SET actor = 'mallory' WHERE item_id = $1 AND seq = 1`, [item!.id]);
    const path = objectPath(store, item!.sha256);
    await chmod(path, 0o644);
    await writeFile(path, Buffer.concat([PNG, Buffer.from('resT')]));
    const report = await verifyEvidence(db(), store);
    expect(report.holds).toBe(false);
    expect(report.chainProblems).toEqual([{ itemId: item!.id, seq: 1, problem: 'entryHash mismatch: the entry was altered' }]);
    expect(report.fileProblems).toEqual([
      expect.objectContaining({ itemId: item!.id, problem: expect.stringMatching(/content changed/) }),
    ]);
  });
});

describeEachEngine('custody key rotation', ({ db }) => {
  it('retires the old key, notes the rotation on every chain with the new key, and old entries still verify', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tocsin-rotate-'));
    const store = { dir: join(dir, 'evidence'), maxBytes: 1 << 20 };
    const keysDir = join(dir, 'keys');
    const old = await loadSigner(db(), keysDir);
    const by = { userId: null, actor: 'ines', signer: old, now: () => new Date('2024-05-01T10:00:00Z') };
    const { item } = await takeInEvidence(db(), store, chunks('statement'), intake({}), by);
    const r = await rotateCustodyKey(db(), keysDir, 'admin', new Date('2024-06-01T00:00:00Z'));
    expect(r).toMatchObject({ oldKeyId: old.keyId, itemsNoted: 1 });
    const chain = await readCustodyChain(db(), item.id);
    expect(chain.at(-1)).toMatchObject({ action: 'key-rotated', keyId: r.newKeyId, detail: { oldKeyId: old.keyId } });
    expect((await loadSigner(db(), keysDir)).keyId).toBe(r.newKeyId);
    expect((await verifyEvidence(db(), store)).holds).toBe(true);
    const keys = await db().query<{ id: string; retired: boolean }>(
      'SELECT id, retired_at IS NOT NULL AS retired FROM signing_keys ORDER BY created_at',
    );
    expect(keys).toEqual(
      expect.arrayContaining([
        { id: old.keyId, retired: true },
        { id: r.newKeyId, retired: false },
      ]),
    );
  });
});

describe('the custody key file', () => {
  it('is created 0600 on first use and read back unchanged', async () => {
    const { readOrCreateKeyFile } = await import('./custody/signing-key.js');
    const { stat } = await import('node:fs/promises');
    const dir = await mkdtemp(join(tmpdir(), 'tocsin-keys-'));
    const a = await readOrCreateKeyFile(dir);
    const b = await readOrCreateKeyFile(dir);
    expect(b.keyId).toBe(a.keyId);
    expect((await stat(join(dir, 'custody-ed25519.pem'))).mode & 0o777).toBe(0o600);
  });
});
