import { beforeAll, expect, it } from 'vitest';
import type { Iso3, Sha256 } from '../../core/brand.js';
import { describeEachEngine } from '../../test-support/engines.js';
import { DEFAULT_FIT, fitForecastModel, type FittedForecastModel } from './fit-forecast-model.js';
import { constructedTable } from './fixtures/constructed-table.js';
import { forecastModelToStore } from './forecast-model.js';
import {
  getCountryForecast,
  getForecastModel,
  listCountryForecasts,
  listForecastModels,
  saveForecastModel,
} from './forecast-models.repository.js';

const SHA = 'ab'.repeat(32) as Sha256;
const origin = (name: string) => ({
  name,
  createdBy: null,
  dataSha256: SHA,
  dataFile: 'constructed.csv',
  codeVersion: '0.1.0',
  backtest: { auc: 0.8, top30_recall: 0.5, hits: 1, onsets: 2, brier: 0.01 },
});

describeEachEngine('forecast models repository', ({ db }) => {
  let fitted: FittedForecastModel;
  let first: number;
  let second: number;
  beforeAll(async () => {
    fitted = fitForecastModel(constructedTable(), { ...DEFAULT_FIT, lambda: 0.01 });
    first = await saveForecastModel(db(), forecastModelToStore(fitted, origin('first')));
    second = await saveForecastModel(db(), forecastModelToStore(fitted, { ...origin('second'), backtest: null }));
  });

  it('stores a model with what it records and lists models newest first', async () => {
    const models = await listForecastModels(db());
    expect(models.map((m) => m.name)).toEqual(['second', 'first']);
    expect(models[1]).toMatchObject({
      id: first,
      kind: 'elastic-net',
      createdBy: null,
      dataSha256: SHA,
      dataFile: 'constructed.csv',
      codeVersion: '0.1.0',
      settings: { lambdaRule: 'fixed', lambda: 0.01, lastTrainingYear: 2010, forecastYear: 2012 },
      backtest: { auc: 0.8, hits: 1 },
      years: [2012, 2011],
    });
    expect(models[1]!.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('gives back the coefficients and means bit for bit, in predictor order', async () => {
    const model = await getForecastModel(db(), first);
    expect(model.coefficients.intercept).toBe(fitted.coefficients.intercept);
    expect(model.coefficients.coefficients.map((c) => c.value)).toEqual(Array.from(fitted.coefficients.coefficients));
    expect(model.predictorMeans.map((m) => m.predictor)).toEqual(['battledeaths.log2', 'mk_ever', 'popsize.log2']);
    expect(model.predictorMeans.map((m) => m.mean)).toEqual(Array.from(fitted.means));
    expect((await getForecastModel(db())).id).toBe(second);
    await expect(getForecastModel(db(), 999_999)).rejects.toMatchObject({
      code: 'not_found',
      message: 'no forecast model 999999',
    });
  });

  it("lists a year's forecasts ranked (default: newest model, latest year)", async () => {
    const list = await listCountryForecasts(db(), {});
    expect(list).toMatchObject({ modelId: second, modelName: 'second', year: 2012 });
    expect(list.forecasts.map((f) => f.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const expected = fitted.forecasts.filter((f) => f.year === 2012);
    expect(list.forecasts.map((f) => [f.iso3, f.probability, f.change])).toEqual(
      expected.map((f) => [f.iso3, f.probability, f.change]),
    );
    const before = await listCountryForecasts(db(), { modelId: first, year: 2011 });
    expect(before.forecasts.every((f) => f.previousProbability === null)).toBe(true);
    await expect(listCountryForecasts(db(), { modelId: first, year: 1999 })).rejects.toMatchObject({
      code: 'not_found',
      message: `model ${first} has no forecasts from 1999 (it has 2012, 2011)`,
    });
  });

  it("gives one country's forecast with contributions that add up to its log-odds against the average", async () => {
    const mmr = await getCountryForecast(db(), { modelId: first, iso3: 'MMR' as Iso3 });
    const stored = fitted.forecasts.find((f) => f.iso3 === 'MMR' && f.year === 2012)!;
    expect(mmr).toMatchObject({
      iso3: 'MMR',
      countryName: 'Myanmar',
      year: 2012,
      rank: 1,
      countries: 8,
      probability: stored.probability,
    });
    expect(mmr.contributions.length).toBeGreaterThan(0);
    for (const c of mmr.contributions) expect(c.contribution).toBe(stored.contributions[c.predictor]);
    const sum = mmr.contributions.reduce((s, c) => s + c.contribution, 0);
    expect(mmr.baselineLogOdds + sum).toBeCloseTo(mmr.logOdds, 12);
    expect(1 / (1 + Math.exp(-mmr.logOdds))).toBeCloseTo(mmr.probability, 15);
    await expect(getCountryForecast(db(), { modelId: first, iso3: 'NOR' as Iso3 })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('deletes forecasts with their model', async () => {
    await db().query('DELETE FROM forecast_models WHERE id = $1', [first]);
    const rows = await db().query<{ n: number }>('SELECT count(*)::integer AS n FROM country_forecasts WHERE model_id = $1', [
      first,
    ]);
    expect(rows).toEqual([{ n: 0 }]);
    expect((await listForecastModels(db())).map((m) => m.id)).toEqual([second]);
  });
});
