import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, expect, it } from 'vitest';
import { describeWithSharedData, sharedData } from '../test-support/shared-data.js';
import { tocsin } from '../test-support/tocsin-cli.js';

describeWithSharedData('tocsin series, signals and replay on the UCDP file of the Central African Republic', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tocsin-surveillance-'));
  const CAF = sharedData('events/ucdp/ged231_CAF_optgeo.csv');
  const ONSETS = sharedData('ewp/mk_events_2025.csv');

  beforeAll(async () => {
    const out = await tocsin(dataDir, 'import', 'ucdp', CAF);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/surveillance: 1 countries re-counted \(1,848 events in 1,848 incidents\), [\d,]+ signals/);
  }, 120_000);

  it('prints a weekly series that counts every one-sided event dated to the week, and that detect reads', async () => {
    const events = await tocsin(dataDir, 'events', '--country', 'CAF', '--category', 'one-sided', '--format', 'csv');
    const rows = Papa.parse<Record<string, string>>(events.stdout.trim(), { header: true }).data;
    const weekly = rows.filter((r) => ['day', 'days', 'week'].includes(r.date_precision!));
    const series = await tocsin(dataDir, 'series', '--country', 'CAF', '--category', 'one-sided');
    expect(series.code, series.stderr).toBe(0);
    const lines = series.stdout.trim().split('\n');
    expect(lines[0]).toBe('index,period,incidents,fatalities');
    const cells = lines.slice(1).map((l) => l.split(','));
    expect(cells[0]![1]).toBe('1991-08-05'); // the week of the first CAF event in GED 23.1
    expect(cells.reduce((n, c) => n + Number(c[2]), 0)).toBe(weekly.length);
    expect(cells.reduce((n, c) => n + Number(c[3]), 0)).toBe(weekly.reduce((n, r) => n + Number(r.fatalities_best), 0));

    const file = join(dataDir, 'caf-one-sided.csv');
    writeFileSync(file, series.stdout);
    const detected = await tocsin(dataDir, 'detect', '--method', 'ears-c1', '--input', file, '--column', 'incidents');
    expect(detected.code, detected.stderr).toBe(0);
    expect(detected.stdout.split('\n')[0]).toBe('index,observed,upperbound,alarm');
  });

  it('lists signals, shows one with its events, and records a triage decision', async () => {
    const list = await tocsin(
      dataDir,
      'signals',
      'list',
      '--category',
      'one-sided',
      '--from',
      '2012-11-01',
      '--to',
      '2013-01-31',
      '--format',
      'json',
    );
    expect(list.code, list.stderr).toBe(0);
    const signals = JSON.parse(list.stdout) as { id: number; week: string; eventIds: number[] }[];
    expect(signals.length).toBeGreaterThan(0);
    expect(signals.every((s) => s.week >= '2012-11-01' && s.week <= '2013-01-31' && s.eventIds.length > 0)).toBe(true);
    const triage = await tocsin(
      dataDir,
      'signals',
      'triage',
      String(signals[0]!.id),
      '--decision',
      'raise-warning',
      '--note',
      'Seleka advance',
    );
    expect(triage.code, triage.stderr).toBe(0);
    expect(triage.stdout).toMatch(/: warning$/m);
    const warned = await tocsin(dataDir, 'signals', 'list', '--status', 'warning', '--format', 'csv');
    expect(warned.stdout.trim().split('\n')).toHaveLength(2);
    const bad = await tocsin(dataDir, 'signals', 'list', '--status', 'maybe');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--status/);
    const usage = await tocsin(dataDir, 'signals', 'list', '--bogus'); // a usage error of a nested command
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/unknown option '--bogus'/);
  });

  it('replays 1991-2022 week by week and reports signals before the 2013 onset', async () => {
    const out = await tocsin(
      dataDir,
      'replay',
      '--country',
      'CAF',
      '--from',
      '1991-01-01',
      '--to',
      '2022-12-31',
      '--onsets',
      ONSETS,
      '--format',
      'json',
    );
    expect(out.code, out.stderr).toBe(0);
    const report = JSON.parse(out.stdout) as {
      onsets: { year: number }[];
      methods: { method: string; onsets: { signalsYearBefore: number }[]; yearsWithoutOnset: number }[];
    };
    expect(report.onsets.map((o) => o.year)).toEqual([2013]);
    expect(report.methods.map((m) => m.method)).toEqual(['farrington-noufaily', 'ears-c2']);
    expect(report.methods.every((m) => m.yearsWithoutOnset === 31)).toBe(true);
    const missing = await tocsin(
      dataDir,
      'replay',
      '--country',
      'CAF',
      '--from',
      '1991-01-01',
      '--to',
      '2022-12-31',
      '--onsets',
      join(dataDir, 'nope.csv'),
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--onsets .*nope\.csv/);
  });
});
