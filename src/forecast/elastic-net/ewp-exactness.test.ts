import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, expect, it } from 'vitest';
import { describeWithSharedData, sharedData } from '../../test-support/shared-data.js';
import type { CountryYearTable } from '../country-years/country-year.js';
import { readCountryYears } from '../country-years/read-country-years.js';
import { forecastRows, trainingRows } from '../country-years/training-set.js';
import { fitElasticNetAt, type ElasticNetCoefficients } from './coefficients-at.js';
import { fitElasticNetPath, type ElasticNetPath } from './elastic-net-path.js';
import { predictProbability } from './predict.js';

const EWP_LAMBDA = 0.002586428948318162;
const readCsv = (path: string): Record<string, string>[] =>
  Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data;

describeWithSharedData('the EWP 2025 model refitted with our elastic net', () => {
  let table: CountryYearTable;
  let path: ElasticNetPath;
  let model: ElasticNetCoefficients;
  beforeAll(async () => {
    table = await readCountryYears(sharedData('ewp/prepared2024predictors-2025-09-03.csv'));
    const train = trainingRows(table, 2022);
    path = fitElasticNetPath(train.x, train.y, { alpha: 0.5 });
    model = fitElasticNetAt(train.x, train.y, EWP_LAMBDA, { alpha: 0.5 });
  });

  it('trains on the 8,970 complete country-years up to 2022 with 211 onsets ahead', () => {
    const train = trainingRows(table, 2022);
    expect(train.rows.length).toBe(8970);
    expect(train.y.reduce((s, v) => s + v, 0)).toBe(211);
  });

  it('runs the same 67-lambda path as R glmnet 4.1-6, entry 29 at lambda 0.002586428948318162', () => {
    expect(path.lambdas.length).toBe(67);
    expect(path.lambdas[28]).toBeCloseTo(EWP_LAMBDA, 15);
    expect(path.passes).toBe(722);
  });

  it('matches R along the whole path (every lambda, intercept and coefficient) to 1e-9', () => {
    const ref = readCsv(join(import.meta.dirname, 'fixtures/ewp-path.csv'));
    expect(ref.length).toBe(path.lambdas.length);
    const p = path.names.length;
    let worst = 0;
    ref.forEach((row, m) => {
      expect(Number(row.lambda) / path.lambdas[m]!).toBeCloseTo(1, 12);
      expect(path.devRatio[m]).toBeCloseTo(Number(row.dev_ratio), 12);
      worst = Math.max(worst, Math.abs(path.intercepts[m]! - Number(row['(Intercept)'])));
      path.names.forEach((name, j) => (worst = Math.max(worst, Math.abs(path.coefficients[m * p + j]! - Number(row[name]!)))));
    });
    expect(worst).toBeLessThan(1e-9);
  });

  it("reproduces EWP's published coefficients at that lambda to 1e-4 (measured: about 1e-12)", () => {
    const ref = readCsv(sharedData('ewp/coefficients_3Sep2025_full_precision.csv'));
    expect(ref.length).toBe(40);
    expect(Math.abs(model.intercept - Number(ref[0]!.coef))).toBeLessThan(1e-4);
    for (const row of ref.slice(1)) {
      const j = model.names.indexOf(row.variable!);
      expect(j, row.variable).toBeGreaterThanOrEqual(0);
      expect(Math.abs(model.coefficients[j]! - Number(row.coef)), row.variable).toBeLessThan(1e-4);
    }
    expect(model.coefficients.filter((b) => b !== 0).length).toBe(22);
  });

  it("reproduces EWP's 2025-26 risk for all 168 countries from the 2024 rows to 1e-4", () => {
    const published = readCsv(sharedData('ewp/final_forecasts_data_3Sep2025.csv'));
    const rows2024 = forecastRows(table, 2024);
    const risk = predictProbability(model, rows2024.x);
    const byName = new Map(rows2024.rows.map((r, i) => [r.countryName, risk[i]!]));
    expect(published.length).toBe(168);
    expect(byName.size).toBe(168);
    for (const row of published) {
      const ours = byName.get(row.ewp_name!);
      expect(ours, row.ewp_name).toBeDefined();
      // The file rounds to 4 significant digits: the largest risk (0.1041) is good to 5e-5.
      expect(Math.abs(ours! - Number(row['risk.2025and2026.from2024'])), row.ewp_name).toBeLessThan(1e-4);
    }
  });
});
