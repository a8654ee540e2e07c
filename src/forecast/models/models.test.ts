import { describe, expect, it } from 'vitest';
import type { Iso3 } from '../../core/brand.js';
import { runModelBacktest } from '../backtest/model-backtest.js';
import type { CountryYear, CountryYearTable } from '../country-years/country-year.js';
import { EWP_COLUMNS } from '../country-years/ewp-columns.js';
import { designMatrixFromRows, type DesignMatrix } from '../elastic-net/design-matrix.js';
import { seededRandom } from '../../core/seeded-random.js';
import { elasticNetModel } from './elastic-net-model.js';
import { ensembleModel } from './ensemble-model.js';
import { gradientBoostingModel } from './gradient-boosting-model.js';
import { changedPredictors, withLaggedChanges } from './lagged-changes.js';
import { applyPlatt, fitPlatt, plattCalibrated } from './platt-calibration.js';
import type { ProbabilityModel, TrainingData } from './probability-model.js';
import { logLoss, splitByTime, timeSplitTuned } from './time-split-tuned.js';

/** A model that predicts `p` for every row (and records what it was fitted on). */
const constant = (p: number, seen: TrainingData[] = []): ProbabilityModel => ({
  name: `constant ${p}`,
  fit: (data) => {
    seen.push(data);
    return Promise.resolve((x: DesignMatrix) => new Float64Array(x.rows).fill(p));
  },
});

/** n rows, one predictor u uniform in [0, 1), y = 1 with probability 0.02 + 0.5 [u > 0.7], years 1981.. in blocks of 50. */
function synthetic(n: number, seed: number): TrainingData {
  const random = seededRandom(seed);
  const u = Array.from({ length: n }, () => random.nextUint32() / 2 ** 32);
  const y = Float64Array.from(u, (v) => (random.nextUint32() / 2 ** 32 < 0.02 + (v > 0.7 ? 0.5 : 0) ? 1 : 0));
  const noise = Array.from({ length: n }, () => random.nextUint32() / 2 ** 32);
  return {
    x: designMatrixFromRows(
      ['u', 'noise'],
      u.map((v, i) => [v, noise[i]!]),
    ),
    y,
    years: Int32Array.from({ length: n }, (_, i) => 1981 + Math.floor(i / 50)),
    seed: 7,
  };
}

const grid = designMatrixFromRows(
  ['u', 'noise'],
  [
    [0.1, 0.5],
    [0.9, 0.5],
  ],
);

describe('withLaggedChanges', () => {
  const predictors = ['year', 'reg.eap', 'gdppcgrowth'];
  const row = (countryCode: number, year: number, values: number[]): CountryYear => ({
    line: 0,
    countryCode,
    iso3: 'XXX' as Iso3,
    countryName: `c${countryCode}`,
    year,
    outcome: 0,
    outcomeObserved: true,
    onset: 0,
    predictors: Float64Array.from(values),
    complete: values.every(Number.isFinite),
  });
  const table: CountryYearTable = {
    columns: { ...EWP_COLUMNS, predictors },
    rows: [
      row(1, 2000, [2000, 1, 3]),
      row(1, 2001, [2001, 1, 5]),
      row(2, 2001, [2001, 0, 2]),
      row(1, 2003, [2003, 1, 1]),
      row(2, 2002, [2002, 0, Number.NaN]),
    ],
  };

  it('adds x(t) - x(t-1) of the same country, 0 where the year before is missing or NA', () => {
    expect(changedPredictors(predictors)).toEqual(['gdppcgrowth']);
    const out = withLaggedChanges(table);
    expect(out.columns.predictors).toEqual([...predictors, 'd.gdppcgrowth']);
    expect(out.rows.map((r) => r.predictors[3])).toEqual([0, 2, 0, 0, 0]);
    expect(out.rows.map((r) => r.complete)).toEqual([true, true, true, true, false]);
    expect(() => withLaggedChanges(table, ['nope'])).toThrow(/no predictor nope/);
  });
});

describe('fitPlatt', () => {
  it('is the maximum-likelihood map: calibrated forecasts sum to the events', () => {
    const p = [0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5];
    const y = [0, 0, 0, 1, 0, 0, 1, 1];
    const map = fitPlatt(p, y);
    const total = p.reduce((s, v) => s + applyPlatt(map, v), 0);
    expect(total).toBeCloseTo(3, 8);
    expect(map.b).toBeGreaterThan(0);
    expect(() => fitPlatt([], [])).toThrow();
  });
});

describe('ensembleModel and timeSplitTuned', () => {
  const data = synthetic(400, 1);

  it('averages probabilities or log-odds', async () => {
    const x = grid;
    expect(Array.from((await ensembleModel([constant(0.2), constant(0.4)]).fit(data))(x))).toEqual([
      0.30000000000000004, 0.30000000000000004,
    ]);
    const logOdds = (await ensembleModel([constant(0.2), constant(0.8)], 'mean-log-odds').fit(data))(x);
    expect(logOdds[0]).toBeCloseTo(0.5, 12);
    expect(() => ensembleModel([])).toThrow(/at least one/);
  });

  it('tunes on the later training years only and refits the choice on every row', async () => {
    const seen: TrainingData[] = [];
    const choices: number[] = [];
    const rate = data.y.reduce((s, v) => s + v, 0) / data.y.length;
    const tuned = timeSplitTuned([constant(0.6), constant(rate, seen), constant(0.001)], 2, (_, chosen) => choices.push(chosen));
    await tuned.fit(data);
    expect(choices).toEqual([1]);
    expect(seen.map((d) => d.x.rows)).toEqual([300, 400]);
    expect(Math.max(...seen[0]!.years)).toBe(1986);
    const { inner, held } = splitByTime(data, 2);
    expect([inner.x.rows, held.x.rows, Math.min(...held.years)]).toEqual([300, 100, 1987]);
    expect(logLoss([0.5, 0.5], [0, 1])).toBeCloseTo(Math.log(2), 12);
  });

  it('Platt-calibrates inside the training window', async () => {
    const seen: TrainingData[] = [];
    const calibrated = await plattCalibrated(constant(0.5, seen), 2).fit(data);
    const heldRate = splitByTime(data, 2).held.y.reduce((s, v) => s + v, 0) / 100;
    expect(calibrated(grid)[0]).toBeCloseTo(heldRate, 6);
    expect(seen.map((d) => d.x.rows)).toEqual([300, 400]);
  });
});

describe('elasticNetModel and gradientBoostingModel', () => {
  const data = synthetic(600, 2);

  it('the elastic net ranks the risky half higher', async () => {
    const p = (await elasticNetModel().fit(data))(grid);
    expect(p[1]!).toBeGreaterThan(p[0]!);
  });

  it('xgboost learns the step, repeatably, and predicts once', async () => {
    const model = gradientBoostingModel({
      rounds: 50,
      maxDepth: 2,
      eta: 0.1,
      minChildWeight: 1,
      subsample: 0.8,
      colsampleByTree: 1,
      lambda: 1,
    });
    const predict = await model.fit(data);
    const p = predict(grid);
    expect(p[1]!).toBeGreaterThan(0.3);
    expect(p[0]!).toBeLessThan(0.1);
    expect(() => predict(grid)).toThrow(/already predicted/);
    expect(Array.from((await model.fit(data))(grid))).toEqual(Array.from(p));
  });
});

describe('runModelBacktest', () => {
  it("scores any model on runBacktest's protocol: fit up to T, forecast from T + 2", async () => {
    const rows: CountryYear[] = [];
    for (let year = 1990; year <= 2000; year++) {
      for (const c of [1, 2, 3]) {
        rows.push({
          line: 0,
          countryCode: c,
          iso3: 'XXX' as Iso3,
          countryName: `c${c}`,
          year,
          outcome: c === 1 ? 1 : 0,
          outcomeObserved: true,
          onset: c === 1 && year % 2 === 0 ? 1 : 0,
          predictors: Float64Array.of(c),
          complete: true,
        });
      }
    }
    const seen: TrainingData[] = [];
    const byCountry: ProbabilityModel = {
      name: 'by country',
      fit: (data) => {
        seen.push(data);
        return Promise.resolve((x: DesignMatrix) => x.values.map((c) => (c === 1 ? 0.5 : 0.01)));
      },
    };
    const table: CountryYearTable = { columns: { ...EWP_COLUMNS, predictors: ['c'] }, rows };
    const result = await runModelBacktest(table, byCountry, { seed: 1, firstTrainingYear: 1991, topK: 1 });
    expect(seen.map((d) => Math.max(...d.years))).toEqual([1991, 1992, 1993, 1994, 1995, 1996, 1997]);
    // 4 onsets (1994, 1996, 1998, 2000) at 0.5; 3 non-onsets of country 1 tie with them, 14 others at 0.01
    expect(result.metrics).toMatchObject({ countryYears: 21, onsets: 4, auc: (4 * 14 + 0.5 * 4 * 3) / (4 * 17), hits: 4 });
    expect(result.missedOnsets).toEqual([]);
  });
});
