import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../core/paths.js';
import Papa from 'papaparse';
import { describeWithSharedData, sharedData } from '../test-support/shared-data.js';
import { tocsin as tocsinOn } from '../test-support/tocsin-cli.js';

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
    const regions = doc.by_region as { group: string; onsets: number; country_years: number }[];
    expect(regions.map((g) => g.group)).toEqual(['Africa', 'Americas', 'Asia', 'Europe', 'Oceania']);
    expect(regions.reduce((n, g) => n + g.onsets, 0)).toBe(11);
    expect(regions.reduce((n, g) => n + g.country_years, 0)).toBe(1090);
    const size = doc.by_size as { predictor: string; groups: { group: string; onsets: number }[] };
    expect(size.predictor).toBe('popsize.log2');
    expect(size.groups.map((g) => g.group)).toEqual(['small', 'medium', 'large']);
    expect(size.groups.reduce((n, g) => n + g.onsets, 0)).toBe(11);
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
    expect(out.stdout).toMatch(
      /95% intervals: AUC 0\.\d{3}-[01]\.\d{3} \(bootstrap over countries\), top-30 recall [\d.]+%-[\d.]+% \(Wilson\)/,
    );
  }, 60_000);

  it('back-tests the ensemble (elastic net + XGBoost with lagged changes): same figures in one thread or two, no loader noise', async () => {
    const args = ['backtest', '--input', input, '--model', 'ensemble', '--format', 'json', '--last-year', '1994'];
    const [one, two] = await Promise.all([tocsin(...args, '--threads', '1'), tocsin(...args, '--threads', '2')]);
    expect(one.code, one.stderr).toBe(0);
    expect(two.stderr).not.toMatch(/wasm streaming compile failed|falling back to ArrayBuffer/);
    const doc = JSON.parse(two.stdout) as Record<string, unknown>;
    expect(JSON.parse(one.stdout)).toEqual(doc);
    expect(doc).toMatchObject({
      model: 'ensemble',
      settings: { seed: 90035, training_years: [1991, 1994], scored_years: [1994, 1997] },
    });
    expect((doc.settings as { model: string }).model).toMatch(/^ensemble \(mean-probability\) of \[elastic-net .*; xgboost/);
    expect((doc.settings as { added_predictors: string[] }).added_predictors).toHaveLength(31);
    for (const key of ['auc', 'top30_recall', 'hits', 'brier']) expect(typeof doc[key], key).toBe('number');
    const [low, high] = doc.auc_ci95 as [number, number];
    expect(low).toBeLessThanOrEqual(doc.auc as number);
    expect(high).toBeGreaterThanOrEqual(doc.auc as number);
    expect(doc.by_region).toHaveLength(5);
    const text = await tocsin('backtest', '--input', input, '--model', 'ensemble', '--last-year', '1992', '--threads', '1');
    expect(text.stdout).toMatch(/^Back-test of the ensemble model: ensemble \(mean-probability\)/);
    expect(text.stdout).toMatch(/39 predictors and 31 added \(d\.widetargeting/);
  }, 120_000);
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

describeWithSharedData('tocsin forecast fit, predict, explain and models', () => {
  const EWP = sharedData('ewp/prepared2024predictors-2025-09-03.csv');
  const dataDir = mkdtempSync(join(tmpdir(), 'tocsin-forecast-db-'));
  let fitOut: string;
  beforeAll(async () => {
    const out = await tocsinOn(
      dataDir,
      'forecast',
      'fit',
      '--input',
      EWP,
      '--lambda',
      '0.002586428948318162',
      '--name',
      'EWP 2025',
    );
    expect(out.code, out.stderr).toBe(0);
    fitOut = out.stdout;
  }, 60_000);

  it('fits at a fixed lambda, stores the model and prints its top 10', () => {
    expect(fitOut).toMatch(
      /^Stored forecast model 1 "EWP 2025" \(elastic-net, alpha 0\.5, lambda 0\.002586428948318162 \(fixed\)\)/,
    );
    expect(fitOut).toMatch(/Trained on 8,970 country-years up to 2022 \(211 with an onset ahead\); 22 of 39 predictors non-zero/);
    expect(fitOut).toMatch(/ {3}1 {2}Burma\/Myanmar +MMR {3}10\.41%/);
    expect(fitOut.trim().split('\n')).toHaveLength(3 + 2 + 10);
  });

  it("predicts EWP's published 2025-26 risks for all 168 countries", async () => {
    const out = await tocsinOn(dataDir, 'forecast', 'predict', '--format', 'json');
    expect(out.code, out.stderr).toBe(0);
    const list = JSON.parse(out.stdout) as {
      year: number;
      forecasts: { countryName: string; probability: number; rank: number }[];
    };
    expect(list.year).toBe(2024);
    const ours = new Map(list.forecasts.map((f) => [f.countryName, f]));
    const published = Papa.parse<Record<string, string>>(
      readFileSync(sharedData('ewp/final_forecasts_data_3Sep2025.csv'), 'utf8'),
      {
        header: true,
        skipEmptyLines: true,
      },
    ).data;
    expect(ours.size).toBe(168);
    for (const row of published) {
      expect(
        Math.abs(ours.get(row.ewp_name!)!.probability - Number(row['risk.2025and2026.from2024'])),
        row.ewp_name,
      ).toBeLessThan(1e-4);
    }
    expect(list.forecasts.slice(0, 5).map((f) => f.countryName)).toEqual([
      'Burma/Myanmar',
      'Chad',
      'Sudan',
      'India',
      'Burkina Faso',
    ]);
    const csv = await tocsinOn(dataDir, 'forecast', 'predict', '--format', 'csv', '--year', '2023');
    expect(csv.stdout.split('\n')[0]).toBe('model,year,rank,iso3,country,probability,previous_probability,change');
    expect(csv.stdout.split('\n')[1]).toMatch(/^1,2023,1,/);
  }, 60_000);

  it('explains a country in words and as JSON whose contributions add up', async () => {
    const text = await tocsinOn(dataDir, 'forecast', 'explain', '--country', 'mmr');
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(
      /^Burma\/Myanmar \(MMR\): 10\.41% risk of a new mass-killing onset in 2025-26 \(from the 2024 data\)\nRank 1 of 168; from the 2023 data/,
    );
    expect(text.stdout).toMatch(/\+0\.\d\d log-odds: battle deaths \(log2 of 1 \+ deaths\) higher than average \(11\.2 against/);
    const json = await tocsinOn(dataDir, 'forecast', 'explain', '--country', 'TCD', '--format', 'json');
    const d = JSON.parse(json.stdout) as {
      rank: number;
      logOdds: number;
      baselineLogOdds: number;
      contributions: { contribution: number; phrase: string }[];
    };
    expect(d.rank).toBe(2);
    expect(d.contributions).toHaveLength(22);
    expect(d.baselineLogOdds + d.contributions.reduce((s, c) => s + c.contribution, 0)).toBeCloseTo(d.logOdds, 10);
    expect(d.contributions[0]!.phrase).toMatch(/log-odds: /);
  }, 60_000);

  it('lists the models with the hash of the data they were fitted on', async () => {
    const out = await tocsinOn(dataDir, 'forecast', 'models', '--format', 'json');
    const [model] = JSON.parse(out.stdout) as {
      id: number;
      dataSha256: string;
      settings: { lambdaRule: string };
      years: number[];
    }[];
    expect(model).toMatchObject({ id: 1, settings: { lambdaRule: 'fixed' }, years: [2024, 2023] });
    expect(model!.dataSha256).toBe(createHash('sha256').update(readFileSync(EWP)).digest('hex'));
    expect((await tocsinOn(dataDir, 'forecast', 'models')).stdout).toMatch(
      /^ {3}1 {2}\d{4}-\d\d-\d\d \d\d:\d\d {2}EWP 2025 +lambda 0\.002586 \(fixed\) {2}years 2024, 2023 {2}no back-test/,
    );
  }, 60_000);

  it('fits by cross-validation with the back-test stored beside it (EWP file cut at 2000)', async () => {
    const cut = join(dir, 'ewp-to-2000-fit.csv');
    const [header, ...rows] = readFileSync(EWP, 'utf8').trimEnd().split('\n');
    const year = header!.split(',').indexOf('year');
    writeFileSync(cut, [header, ...rows.filter((r) => Number(r.split(',')[year]) <= 2000)].join('\n') + '\n');
    const out = await tocsinOn(dataDir, 'forecast', 'fit', '--input', cut, '--with-backtest', '--threads', '1', '--folds', '5');
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toMatch(
      /^Stored forecast model 2 "elastic-net 2000 \(ewp-to-2000-fit\.csv\)" \(elastic-net, alpha 0\.5, lambda [\d.e-]+ \(lambda\.min of 5-fold CV, seed 90035\)\)/,
    );
    expect(out.stdout).toMatch(/Back-test: AUC 0\.\d{3}, top-30 \d+\/11/);
    const [model] = JSON.parse((await tocsinOn(dataDir, 'forecast', 'models', '--format', 'json')).stdout) as {
      settings: Record<string, unknown>;
      backtest: { onsets: number; by_region: unknown[]; by_size: { groups: unknown[] } };
    }[];
    expect(model!.settings).toMatchObject({
      folds: 5,
      seed: 90035,
      lastTrainingYear: 1998,
      forecastYear: 2000,
      lambdaRule: 'lambda.min',
    });
    expect(model!.backtest).toMatchObject({ onsets: 11, country_years: 1090 });
    expect(model!.backtest.by_region).toHaveLength(5);
    expect(model!.backtest.by_size.groups).toHaveLength(3);
  }, 120_000);
});

describe('tocsin forecast fit, predict and explain refuse bad input with where and why', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tocsin-forecast-empty-'));

  it('bad options (invalid_input, exit 2)', async () => {
    const lambda = await tocsinOn(dataDir, 'forecast', 'fit', '--input', 'x.csv', '--lambda', '-1');
    expect(lambda.code).toBe(2);
    expect(lambda.stderr).toMatch(/--lambda: /);
    expect((await tocsinOn(dataDir, 'forecast', 'fit', '--input', 'x.csv', '--lambda-rule', 'min')).code).toBe(2);
    const country = await tocsinOn(dataDir, 'forecast', 'explain', '--country', 'Myanmar');
    expect(country.code).toBe(2);
    expect(country.stderr).toMatch(/--country: must be an ISO alpha-3 code such as MMR/);
    expect((await tocsinOn(dataDir, 'forecast', 'predict', '--model', 'newest')).stderr).toMatch(/--model: /);
    const missing = await tocsinOn(dataDir, 'forecast', 'fit', '--input', join(dir, 'nope.csv'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.csv: no such file/);
  }, 60_000);

  it('asks for a model first when none is stored (not_found, exit 4)', async () => {
    const out = await tocsinOn(dataDir, 'forecast', 'predict');
    expect(out.code).toBe(4);
    expect(out.stderr).toMatch(/no forecast model is stored yet \(fit one with `tocsin forecast fit`\)/);
    expect((await tocsinOn(dataDir, 'forecast', 'models')).stdout).toMatch(/^No forecast model is stored yet/);
  }, 60_000);
});
