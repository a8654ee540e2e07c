import { describe, expect, it } from 'vitest';
import type { Iso3 } from '../../core/brand.js';
import { forecastRows, trainingRows } from '../country-years/training-set.js';
import { fitElasticNetAt } from '../elastic-net/coefficients-at.js';
import { predictProbability } from '../elastic-net/predict.js';
import { DEFAULT_FIT, fitForecastModel } from './fit-forecast-model.js';
import { constructedTable } from './fixtures/constructed-table.js';

const logit = (p: number) => Math.log(p / (1 - p));

describe('fitForecastModel', () => {
  const table = constructedTable();

  it('trains up to the forecast year - 2 and forecasts the last year and the year before, each ranked', () => {
    const fitted = fitForecastModel(table, { ...DEFAULT_FIT, folds: 3 });
    expect(fitted.settings).toMatchObject({
      alpha: 0.5,
      lambdaRule: 'lambda.min',
      folds: 3,
      seed: 90035,
      forecastYear: 2012,
      lastTrainingYear: 2010,
      trainingRows: 8 * 21,
      predictors: ['battledeaths.log2', 'mk_ever', 'popsize.log2'],
    });
    expect(fitted.settings.positives).toBeGreaterThan(5);
    expect(fitted.forecasts.map((f) => f.year)).toEqual([...Array<number>(8).fill(2012), ...Array<number>(8).fill(2011)]);
    const now = fitted.forecasts.filter((f) => f.year === 2012);
    expect(now.map((f) => f.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const before = new Map(fitted.forecasts.filter((f) => f.year === 2011).map((f) => [f.iso3, f.probability]));
    for (const f of now) expect(f.change).toBeCloseTo(f.probability - before.get(f.iso3)!, 15);
    expect(fitted.forecasts.filter((f) => f.year === 2011).every((f) => f.change === null)).toBe(true);
  });

  it('at a fixed lambda gives the probabilities of the elastic net itself, explained to the last digit', () => {
    const fitted = fitForecastModel(table, { ...DEFAULT_FIT, lambda: 0.01 });
    expect(fitted.settings).toMatchObject({ lambdaRule: 'fixed', lambda: 0.01, folds: null, seed: null, foldSeed: null });
    const train = trainingRows(table, 2010);
    const model = fitElasticNetAt(train.x, train.y, 0.01, { alpha: 0.5 });
    expect(Array.from(fitted.coefficients.coefficients)).toEqual(Array.from(model.coefficients));
    const rows = forecastRows(table, 2012);
    const risk = predictProbability(model, rows.x);
    const byIso3 = new Map(rows.rows.map((r, i) => [r.iso3, risk[i]!]));
    const baseline =
      fitted.coefficients.intercept + fitted.means.reduce((s, m, j) => s + m * fitted.coefficients.coefficients[j]!, 0);
    for (const f of fitted.forecasts.filter((x) => x.year === 2012)) {
      expect(f.probability).toBe(byIso3.get(f.iso3));
      const sum = Object.values(f.contributions).reduce((s, c) => s + c, 0);
      expect(sum).toBeCloseTo(logit(f.probability) - baseline, 9);
      expect(Object.keys(f.predictorValues)).toEqual(['battledeaths.log2', 'mk_ever', 'popsize.log2']);
    }
    expect(fitted.forecasts[0]).toMatchObject({ iso3: 'MMR' as Iso3, rank: 1 });
  });

  it('says why when nothing can be trained or forecast, or two units share a country', () => {
    expect(() => fitForecastModel(table, { ...DEFAULT_FIT, forecastYear: 2030, lastTrainingYear: 2010 })).toThrow(
      'no row of 2030 has every predictor: nothing to forecast from',
    );
    expect(() => fitForecastModel(table, { ...DEFAULT_FIT, lastTrainingYear: 1980 })).toThrow(
      /no model can be trained on the rows up to 1980: 0 complete rows/,
    );
    const twin = table.rows.find((r) => r.iso3 === 'FRA' && r.year === 2012)!;
    const doubled = { ...table, rows: [...table.rows, { ...twin, line: 999, countryCode: 221 }] };
    expect(() => fitForecastModel(doubled, { ...DEFAULT_FIT, lambda: 0.01 })).toThrow(
      /lines \d+ and 999: two units of 2012 belong to FRA/,
    );
  });
});
