import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../core/paths.js';
import { describeWithSharedData, sharedData } from '../test-support/shared-data.js';

const run = promisify(execFile);
const TSX = join(PACKAGE_ROOT, 'node_modules', '.bin', 'tsx');
const MAIN = join(PACKAGE_ROOT, 'src', 'cli', 'main.ts');
const dir = mkdtempSync(join(tmpdir(), 'tocsin-forecast-'));

/** Runs `tocsin forecast ...` from source, as cli.test.ts does; no database is involved. */
async function tocsin(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(TSX, [MAIN, 'forecast', ...args], { maxBuffer: 64 << 20 });
    return { stdout, stderr, code: 0 };
  } catch (e) {
    const err = e as { stdout: string; stderr: string; code: number };
    return { stdout: err.stdout, stderr: err.stderr, code: err.code };
  }
}

describeWithSharedData('tocsin forecast backtest', () => {
  // EWP's file cut at 2000: seven refits (trained through 1991-1997), quick enough for a CLI test.
  const input = join(dir, 'ewp-to-2000.csv');
  beforeAll(() => {
    const [header, ...rows] = readFileSync(sharedData('ewp/prepared2024predictors-2025-09-03.csv'), 'utf8').trimEnd().split('\n');
    const year = header!.split(',').indexOf('year');
    writeFileSync(input, [header, ...rows.filter((r) => Number(r.split(',')[year]) <= 2000)].join('\n') + '\n');
  });

  it('prints the figures and the settings as JSON, refitting in two worker threads', async () => {
    const out = await tocsin('backtest', '--input', input, '--model', 'elastic-net', '--format', 'json', '--threads', '2');
    expect(out.code, out.stderr).toBe(0);
    const doc = JSON.parse(out.stdout) as Record<string, unknown>;
    expect(doc).toMatchObject({ model: 'elastic-net', country_years: 1090, onsets: 11 });
    for (const key of ['auc', 'top30_recall', 'hits', 'brier']) expect(typeof doc[key], key).toBe('number');
    expect(doc.auc).toBeGreaterThan(0.7);
    expect(doc.reliability).toHaveLength(10);
    expect(doc.settings).toMatchObject({
      alpha: 0.5,
      folds: 10,
      seed: 90035,
      lambda_rule: 'lambda.min',
      training_years: [1991, 1997],
    });
    expect((doc.settings as { predictors: string[] }).predictors).toHaveLength(39);
    expect(doc.refits).toHaveLength(7);
  }, 60_000);

  it('gives the same figures in one thread, and honours --seed, --folds and --alpha', async () => {
    const args = ['backtest', '--input', input, '--format', 'json', '--seed', '7', '--folds', '5', '--alpha', '1'];
    const [one, two] = await Promise.all([tocsin(...args, '--threads', '1'), tocsin(...args, '--threads', '2')]);
    expect(one.code, one.stderr).toBe(0);
    expect(JSON.parse(one.stdout)).toEqual(JSON.parse(two.stdout));
    expect(JSON.parse(one.stdout)).toMatchObject({ settings: { seed: 7, folds: 5, alpha: 1 } });
  }, 60_000);

  it('prints a readable summary as text', async () => {
    const out = await tocsin('backtest', '--input', input, '--threads', '1', '--last-year', '1993');
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toMatch(
      /^Back-test of the elastic-net model \(alpha 0\.5, 10-fold CV on deviance, lambda\.min, seed 90035\)/,
    );
    expect(out.stdout).toMatch(/Refits: 3 \(trained through 1991-1993\), 0 failed/);
    expect(out.stdout).toMatch(/AUC of maxrisk2 +0\.\d{3}/);
    expect(out.stdout).toMatch(/Reliability \(deciles of maxrisk2\)/);
  }, 60_000);
});

describe('tocsin forecast backtest refuses bad input with where and why', () => {
  it('a missing file (invalid_input, exit 2)', async () => {
    const out = await tocsin('backtest', '--input', join(dir, 'nope.csv'));
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/nope\.csv: no such file/);
  });

  it('bad options (invalid_input, exit 2)', async () => {
    expect((await tocsin('backtest', '--input', 'x.csv', '--seed', '-1')).stderr).toMatch(/--seed: /);
    expect((await tocsin('backtest', '--input', 'x.csv', '--alpha', '2')).stderr).toMatch(/--alpha: /);
    const model = await tocsin('backtest', '--input', 'x.csv', '--model', 'random-forest');
    expect(model.code).toBe(2);
    expect(model.stderr).toMatch(/random-forest/);
  });

  it('a malformed file, every bad cell reported with its line and column (invalid_format, exit 3)', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'ewp_name,year,ccode\nChad,19x0,483\n');
    const missing = await tocsin('backtest', '--input', bad);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/bad\.csv: \d+ problems: line 1, mk_onset_1or2: required column missing from the header/);
    writeFileSync(bad, 'ewp_name,year,ccode,o,mk_onset,x\nChad,19x0,483,0,0,1\nChad,1971,999,0,0,abc\n');
    const cells = await tocsin('backtest', '--input', bad, '--predictors', 'x', '--outcome', 'o');
    expect(cells.code).toBe(3);
    expect(cells.stderr).toMatch(
      /3 problems: line 2, year: not a whole number; line 3, ccode: unknown country code.*; line 3, x: not a finite number/,
    );
  });
});
