import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tocsin } from '../test-support/tocsin-cli.js';

describe('tocsin framework', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tocsin-framework-'));

  it('prints the factors with id, title, scope and indicators as JSON', async () => {
    const out = await tocsin(dataDir, 'framework', 'list', '--format', 'json');
    expect(out.code, out.stderr).toBe(0);
    const factors = JSON.parse(out.stdout) as { id: string; title: string; scope: string; indicators: { id: string }[] }[];
    expect(factors.map((f) => f.id)).toEqual(Array.from({ length: 14 }, (_, i) => `RF${i + 1}`));
    expect(factors[10]).toMatchObject({
      title: 'Signs of a widespread or systematic attack against any civilian population',
      scope: 'crimes-against-humanity',
    });
    expect(factors.every((f) => f.indicators.length > 0)).toBe(true);
  }, 60_000);

  it('saves an admin edit as version 2 and still prints version 1', async () => {
    const add = await tocsin(
      dataDir,
      'framework',
      'add-indicator',
      'rf14',
      '--text',
      'Aid workers detained.',
      '--note',
      'seen in 2024',
    );
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toMatch(/framework version 2 saved: seen in 2024\nadded 14\.9/);
    const noNote = await tocsin(dataDir, 'framework', 'edit-indicator', '14.9', '--text', 'x');
    expect(noNote.code).toBe(2);
    expect(noNote.stderr).toMatch(/--note/);
    const empty = await tocsin(dataDir, 'framework', 'edit-factor', 'RF1', '--note', 'nothing');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/a new title, a new summary or both/);
    const versions = await tocsin(dataDir, 'framework', 'versions');
    expect(
      versions.stdout
        .trim()
        .split('\n')
        .map((l) => l.trim().split(/\s+/)[0]),
    ).toEqual(['2', '1']);
    const v1 = await tocsin(dataDir, 'framework', 'list', '--framework-version', '1');
    expect(v1.code, v1.stderr).toBe(0);
    expect(v1.stdout).not.toMatch(/14\.9/);
    expect(v1.stdout).toMatch(/ {5}7\.4 {3}.+\n/);
  }, 60_000);
});
