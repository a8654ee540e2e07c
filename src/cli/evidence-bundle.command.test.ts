import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createUser } from '../access/users.repository.js';
import { isTocsinError } from '../core/errors.js';
import { openDatabase } from '../db/open-database.js';
import { changeOneByte, lockerWithItems, tamperedCopy, type Locker } from '../evidence/bundle/bundle.fixtures.js';
import { loadSigner } from '../evidence/custody/signing-key.js';
import { evidenceStoreOf, keysDirOf } from '../evidence/store/evidence-paths.js';
import { exportBundleCommand, verifyBundleCommand } from './evidence-bundle.command.js';
import { EXIT_CODE } from './exit-codes.js';

/** A tiny `tocsin` with only `evidence export` and `evidence verify-bundle`, run in-process as runCli runs the real one. */
async function tocsin(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  const program = new Command('tocsin')
    .option('--data-dir <dir>')
    .option('--database-url <url>')
    .exitOverride()
    .addCommand(new Command('evidence').exitOverride().addCommand(exportBundleCommand).addCommand(verifyBundleCommand));
  let code = 0;
  try {
    await program.parseAsync(['node', 'tocsin', ...args]);
  } catch (e) {
    if (!isTocsinError(e)) throw e;
    err.push(e.message);
    code = EXIT_CODE[e.code];
  }
  vi.restoreAllMocks();
  return { stdout: out.join('\n'), stderr: err.join('\n'), code };
}

describe('tocsin evidence export | verify-bundle', () => {
  let dataDir: string;
  let locker: Locker;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tocsin-cli-bundle-'));
    const db = await openDatabase({ dataDir });
    try {
      const signer = await loadSigner(db, keysDirOf(dataDir, {}));
      locker = await lockerWithItems(db, { store: evidenceStoreOf(dataDir, {}), signer });
      await createUser(db, { username: 'ana', password: 'an analyst password 1', role: 'analyst' });
    } finally {
      await db.close();
    }
  });
  afterEach(() => vi.restoreAllMocks());

  it('exports as an investigator, and verifies the bundle without a data directory or database', async () => {
    const out = join(locker.dir, 'cli.zip');
    const items = `${locker.ids.text},${locker.ids.photo}`;
    const exported = await tocsin(
      '--data-dir',
      dataDir,
      'evidence',
      'export',
      '--items',
      items,
      '--recipient',
      'UN OHCHR',
      '--purpose',
      'Inquiry',
      '--out',
      out,
      '--by',
      'investigator-b',
    );
    expect(exported.stderr).toBe('');
    expect(exported).toMatchObject({ code: 0, stdout: expect.stringMatching(/^disclosure \d+ to UN OHCHR: items/) });

    const nowhere = join(locker.dir, 'no-such-data-dir');
    const verified = await tocsin('--data-dir', nowhere, 'evidence', 'verify-bundle', out);
    expect(verified).toMatchObject({ code: 0, stdout: expect.stringContaining(`${out}: INTACT`) });
    expect(existsSync(nowhere)).toBe(false);

    const bad = await tamperedCopy(out, join(locker.dir, 'cli-bad.zip'), (parts) =>
      parts.map((p) => (p.name.startsWith('originals/') ? { name: p.name, bytes: changeOneByte(p.bytes) } : p)),
    );
    const refused = await tocsin('evidence', 'verify-bundle', bad, '--format', 'json');
    expect(refused.code).toBe(EXIT_CODE.invalid_format);
    expect(refused.stderr).toContain('NOT intact: 2 problem(s)');
    expect((JSON.parse(refused.stdout) as { problems: { part: string }[] }).problems.map((p) => p.part)).toEqual([
      expect.stringMatching(/^originals\//),
      expect.stringMatching(/^originals\//),
    ]);
  });

  it('refuses an analyst, and a malformed --items, naming the flag', async () => {
    const out = join(locker.dir, 'refused.zip');
    const base = ['--data-dir', dataDir, 'evidence', 'export', '--recipient', 'r', '--purpose', 'p', '--out', out];
    expect(await tocsin(...base, '--items', String(locker.ids.text), '--by', 'ana')).toMatchObject({
      code: EXIT_CODE.forbidden,
      stderr: expect.stringContaining('only admin or investigator may disclose evidence'),
    });
    expect(await tocsin(...base, '--items', '1,x', '--by', 'investigator-b')).toMatchObject({
      code: EXIT_CODE.invalid_input,
      stderr: expect.stringContaining('--items: "x"'),
    });
    expect(existsSync(out)).toBe(false);
  });
});
