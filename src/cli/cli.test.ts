import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, expect, it } from 'vitest';
import { describeWithSharedData, sharedData } from '../test-support/shared-data.js';
import { tocsin } from '../test-support/tocsin-cli.js';

describeWithSharedData('tocsin CLI on the real UCDP and GDELT files', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tocsin-cli-'));
  const CAF = sharedData('events/ucdp/ged231_CAF_optgeo.csv');
  const GDELT = sharedData('events/gdelt/20180101000000.export.CSV');

  beforeAll(async () => {
    const first = await tocsin(dataDir, 'import', 'ucdp', CAF);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/1,848 new, 0 changed, 0 unchanged/);
  }, 120_000);

  it('adds nothing when the same GED file is imported again', async () => {
    const again = await tocsin(dataDir, 'import', 'ucdp', CAF);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/0 new, 0 changed, 1,848 unchanged/);
  });

  it('prints the 1,076 one-sided events of the Central African Republic as CSV under a header, one line each', async () => {
    const out = await tocsin(dataDir, 'events', '--country', 'CAF', '--category', 'one-sided', '--format', 'csv');
    expect(out.code).toBe(0);
    const lines = out.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1 + 1076);
    const rows = Papa.parse<string[]>(out.stdout.trimEnd()).data;
    expect(rows[0]).toContain('fatalities_best');
    expect(rows.slice(1).every((r) => r[6] === 'CAF' && r[13] === 'one-sided')).toBe(true);
  });

  it('stores the 2,362 events of a GDELT 2.0 export', async () => {
    const out = await tocsin(dataDir, 'import', 'gdelt', GDELT);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/2,362 new/);
  });

  it('exports GeoJSON and JSON that parse', async () => {
    const geo = JSON.parse(
      (await tocsin(dataDir, 'events', '--country', 'CAF', '--from', '2022-01-01', '--format', 'geojson')).stdout,
    ) as { features: unknown[] };
    const json = JSON.parse(
      (await tocsin(dataDir, 'events', '--country', 'CAF', '--from', '2022-01-01', '--format', 'json')).stdout,
    ) as unknown[];
    expect(geo.features.length).toBe(json.length);
    expect(json.length).toBeGreaterThan(0);
  });

  it('refuses a truncated GED file and a garbage file with a message naming the problem, storing nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tocsin-bad-'));
    const truncated = join(dir, 'ged-truncated.csv');
    writeFileSync(truncated, readFileSync(CAF).subarray(0, 100_000));
    const garbage = join(dir, 'garbage.csv');
    writeFileSync(garbage, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    const t = await tocsin(dataDir, 'import', 'ucdp', truncated);
    expect(t.code).toBe(3);
    expect(t.stderr).toMatch(/truncated.*Nothing was stored/);
    const g = await tocsin(dataDir, 'import', 'ucdp', garbage);
    expect(g.code).toBe(3);
    expect(g.stderr).toMatch(/binary|not a UCDP GED file/);
    const wrong = await tocsin(dataDir, 'import', 'ucdp', GDELT);
    expect(wrong.stderr).toMatch(/not a UCDP GED file/);
    const count = await tocsin(dataDir, 'events', '--format', 'csv');
    expect(count.stdout.trimEnd().split('\n')).toHaveLength(1 + 1848 + 2362);
    const batches = await tocsin(dataDir, 'imports', 'list');
    expect(batches.stdout.trim().split('\n')).toHaveLength(3);
  });

  it('explains a bad filter instead of guessing', async () => {
    const out = await tocsin(dataDir, 'events', '--from', '2022-02-30');
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/--from: must be a date/);
    const bbox = await tocsin(dataDir, 'events', '--bbox', '1,2,3');
    expect(bbox.stderr).toMatch(/--bbox: must be four numbers/);
  });
});
