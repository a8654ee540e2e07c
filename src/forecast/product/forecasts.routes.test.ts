import { beforeAll, expect, it } from 'vitest';
import type { Sha256 } from '../../core/brand.js';
import type { App } from '../../http/app-env.js';
import { appWithRoleTokens, bearer } from '../../test-support/app-fixture.js';
import { describeEachEngine } from '../../test-support/engines.js';
import { DEFAULT_FIT, fitForecastModel } from './fit-forecast-model.js';
import { constructedTable } from './fixtures/constructed-table.js';
import { forecastModelToStore } from './forecast-model.js';
import { saveForecastModel } from './forecast-models.repository.js';

describeEachEngine('forecast routes', ({ db }) => {
  let app: App;
  let tokens: Awaited<ReturnType<typeof appWithRoleTokens>>['tokens'];
  let id: number;
  beforeAll(async () => {
    ({ app, tokens } = await appWithRoleTokens(db()));
    const fitted = fitForecastModel(constructedTable(), { ...DEFAULT_FIT, lambda: 0.01 });
    id = await saveForecastModel(
      db(),
      forecastModelToStore(fitted, {
        name: 'constructed',
        createdBy: null,
        dataSha256: 'cd'.repeat(32) as Sha256,
        dataFile: 'constructed.csv',
        codeVersion: '0.1.0',
        backtest: { auc: 0.81, hits: 3, onsets: 4 },
      }),
    );
  });
  const get = (path: string, token = tokens.viewer) => app.request(path, { headers: bearer(token) });

  it('lists the models and gives one with its coefficients, for readers and not field monitors', async () => {
    const list = await get('/api/forecasts/models');
    expect(list.status).toBe(200);
    expect(await list.json()).toMatchObject({
      items: [
        {
          id,
          name: 'constructed',
          kind: 'elastic-net',
          dataSha256: 'cd'.repeat(32),
          years: [2012, 2011],
          backtest: { auc: 0.81 },
        },
      ],
    });
    const one = (await (await get(`/api/forecasts/models/${id}`, tokens['decision-maker'])).json()) as {
      coefficients: { coefficients: { predictor: string }[] };
      predictorMeans: unknown[];
      settings: { lambda: number };
    };
    expect(one.coefficients.coefficients.map((c) => c.predictor)).toEqual(['battledeaths.log2', 'mk_ever', 'popsize.log2']);
    expect(one.predictorMeans).toHaveLength(3);
    expect(one.settings.lambda).toBe(0.01);
    expect((await get('/api/forecasts/models', tokens.monitor)).status).toBe(403);
    expect((await get('/api/forecasts/models/999999')).status).toBe(404);
  });

  it('lists forecasts ranked, for the newest model and its latest year by default', async () => {
    const res = await get('/api/forecasts');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { year: number; forecasts: { iso3: string; rank: number; change: number | null }[] };
    expect(body).toMatchObject({ modelId: id, year: 2012 });
    expect(body.forecasts.map((f) => f.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(body.forecasts.every((f) => typeof f.change === 'number')).toBe(true);
    const before = (await (await get(`/api/forecasts?model=${id}&year=2011`)).json()) as { forecasts: { change: null }[] };
    expect(before.forecasts.every((f) => f.change === null)).toBe(true);
    expect((await get('/api/forecasts?year=1999')).status).toBe(404);
    expect((await get('/api/forecasts?year=soon')).status).toBe(400);
    expect((await get('/api/forecasts', tokens.monitor)).status).toBe(403);
  });

  it("explains a country's forecast with a phrase per contribution", async () => {
    const res = await get(`/api/forecasts/mmr?model=${id}`, tokens.analyst);
    expect(res.status).toBe(200);
    const d = (await res.json()) as {
      iso3: string;
      rank: number;
      countries: number;
      contributions: { predictor: string; contribution: number; phrase: string }[];
    };
    expect(d).toMatchObject({ iso3: 'MMR', countryName: 'Myanmar', rank: 1, countries: 8, year: 2012 });
    const battle = d.contributions.find((c) => c.predictor === 'battledeaths.log2')!;
    expect(battle.phrase).toMatch(/^\+\d\.\d\d log-odds: battle deaths \(log2 of 1 \+ deaths\) higher than average/);
    expect((await get('/api/forecasts/NOR')).status).toBe(404);
    expect((await get('/api/forecasts/NORWAY')).status).toBe(400);
    expect((await get('/api/forecasts/MMR', tokens.monitor)).status).toBe(403);
    expect((await app.request('/api/forecasts/MMR')).status).toBe(401);
  });
});
