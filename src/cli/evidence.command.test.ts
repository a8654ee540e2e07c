import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tocsin } from '../test-support/tocsin-cli.js';

describe('tocsin evidence', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tocsin-evidence-cli-'));
  const work = mkdtempSync(join(tmpdir(), 'tocsin-evidence-files-'));
  const file = (name: string, content: string | Buffer) => {
    writeFileSync(join(work, name), content);
    return join(work, name);
  };

  it('adds, captures, copies, logs and verifies, and verify catches a changed original', async () => {
    expect((await tocsin(dataDir, 'users', 'add', 'ines', '--role', 'investigator')).code).toBe(0);
    const add = await tocsin(
      dataDir,
      'evidence',
      'add',
      file('statement.txt', 'Temoignage\n'),
      '--claimed-type',
      'image/png',
      '--by',
      'ines',
    );
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toMatch(/^evidence 1: statement\.txt, text\/plain, 11 bytes/);
    expect(add.stdout).toContain('warning: claimed image/png but the bytes are text/plain');

    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const cap = await tocsin(
      dataDir,
      'evidence',
      'capture',
      '--page',
      file('page.html', '<!doctype html><title>x</title>'),
      '--screenshot',
      file('shot.png', png),
      '--url',
      'https://example.org/p/1',
      '--captured-at',
      '2024-04-30T08:00:00Z',
      '--tool',
      'SingleFile',
      '--tool-version',
      '1.22',
      '--by',
      'ines',
    );
    expect(cap.code, cap.stderr).toBe(0);
    expect(cap.stdout).toMatch(/evidence 2: shot\.png, image\/png[\s\S]*evidence 3: page\.html, text\/html/);

    const out = join(work, 'copies');
    const copy = await tocsin(dataDir, 'evidence', 'copy', '1', '--out', out, '--by', 'ines');
    expect(copy.code, copy.stderr).toBe(0);
    expect(readFileSync(join(out, 'statement.txt'), 'utf8')).toBe('Temoignage\n');
    expect((await tocsin(dataDir, 'evidence', 'log', '1')).stdout).toMatch(/collected[\s\S]*copied/);
    expect((await tocsin(dataDir, 'evidence', 'add', file('x.txt', 'x'), '--by', 'nobody')).code).toBe(4);

    const ok = await tocsin(dataDir, 'evidence', 'verify');
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('3 items');

    const shown = JSON.parse((await tocsin(dataDir, 'evidence', 'show', '1')).stdout) as { sha256: string };
    const path = join(dataDir, 'evidence', 'objects', shown.sha256.slice(0, 2), shown.sha256);
    chmodSync(path, 0o644);
    writeFileSync(path, 'Temoignagf\n');
    const bad = await tocsin(dataDir, 'evidence', 'verify');
    expect(bad.code).toBe(6);
    expect(bad.stdout).toMatch(/^item 1 file .*: content changed/m);
  }, 120_000);
});
