import { beforeAll, expect, it } from 'vitest';
import { insertTestFramework } from '../assessments/test-framework.fixture.js';
import type { Iso3, Sha256 } from '../core/brand.js';
import { DEFAULT_FIT, fitForecastModel } from '../forecast/product/fit-forecast-model.js';
import { constructedTable } from '../forecast/product/fixtures/constructed-table.js';
import { forecastModelToStore } from '../forecast/product/forecast-model.js';
import { saveForecastModel } from '../forecast/product/forecast-models.repository.js';
import type { App } from '../http/app-env.js';
import { appWithRoleTokens, bearer } from '../test-support/app-fixture.js';
import { describeEachEngine } from '../test-support/engines.js';
import { event, storeAndSurvey } from '../test-support/event-fixtures.js';

interface Body {
  forecastModel: { id: number; name: string; year: number } | null;
  trendWeeks: { first: string; last: string } | null;
  countries: {
    iso3: string;
    name: string;
    region: string | null;
    forecast: { probability: number; rank: number; change: number | null; previousRank: number | null } | null;
    assessment: { id: number; level: string; periodEnd: string; publishedAt: string } | null;
    openWarnings: number;
    trend: number[];
  }[];
}

describeEachEngine('watchlist route', ({ db }) => {
  let app: App;
  let tokens: Awaited<ReturnType<typeof appWithRoleTokens>>['tokens'];
  beforeAll(async () => {
    ({ app, tokens } = await appWithRoleTokens(db()));
    await insertTestFramework(db());
  });
  const get = (token?: string) => app.request('/api/watchlist', token === undefined ? {} : { headers: bearer(token) });
  const send = async (path: string, token: string, body: unknown = {}) => {
    const res = await app.request(path, {
      method: 'POST',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status, `${path}: ${await res.clone().text()}`).toBeLessThan(300);
    return (await res.json()) as { id: number };
  };
  const watchlist = async (token = tokens.viewer) => (await (await get(token)).json()) as Body;
  const country = (body: Body, iso3: string) => body.countries.find((c) => c.iso3 === iso3);

  it('answers an empty store with no model, no weeks and no country; readers only', async () => {
    expect(await watchlist()).toEqual({ forecastModel: null, trendWeeks: null, countries: [] });
    expect((await get(tokens.monitor)).status).toBe(403);
    expect((await get()).status).toBe(401);
  });

  it("gives each country the newest model's forecast of its latest year, with the rank and change since the year before", async () => {
    const fitted = fitForecastModel(constructedTable(), { ...DEFAULT_FIT, lambda: 0.01 });
    const meta = { createdBy: null, dataSha256: 'cd'.repeat(32) as Sha256, dataFile: 'constructed.csv', codeVersion: '0' };
    await saveForecastModel(db(), forecastModelToStore(fitted, { ...meta, name: 'older', backtest: null }));
    const id = await saveForecastModel(db(), forecastModelToStore(fitted, { ...meta, name: 'newest', backtest: null }));
    const body = await watchlist(tokens['decision-maker']);
    expect(body.forecastModel).toEqual({ id, name: 'newest', year: 2012 });
    expect(body.countries.map((c) => c.forecast?.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const mmr = fitted.forecasts.find((f) => f.iso3 === ('MMR' as Iso3) && f.year === 2012)!;
    const before = fitted.forecasts.find((f) => f.iso3 === ('MMR' as Iso3) && f.year === 2011)!;
    expect(country(body, 'MMR')).toMatchObject({
      name: 'Myanmar (Burma)', // the reference list's name, not the model's 'Myanmar'
      region: 'Asia',
      forecast: { probability: mmr.probability, rank: mmr.rank, change: mmr.change, previousRank: before.rank },
      assessment: null,
      openWarnings: 0,
    });
    expect(country(body, 'MMR')!.trend).toEqual(Array<number>(52).fill(0));
  });

  it('counts the weekly incidents against civilians over the 52 weeks ending with the newest week in the store', async () => {
    await storeAndSurvey(db(), [
      event({ dateStart: '2022-01-05' }), // before the window
      event({ dateStart: '2023-06-14' }),
      event({ dateStart: '2024-01-03' }),
      event({ dateStart: '2024-01-04', latitude: 9.5 }), // 300 km away: a second incident that week
      event({ dateStart: '2024-02-07', category: 'state-based' }), // not against civilians
      event({ dateStart: '2024-03-06', category: 'state-based', countryIso3: 'SSD' as Iso3 }), // the newest week
    ]);
    const body = await watchlist();
    expect(body.trendWeeks).toEqual({ first: '2023-03-13', last: '2024-03-04' });
    const trend = country(body, 'CAF')!.trend;
    expect(trend).toHaveLength(52);
    expect(trend[13]).toBe(1); // week of Monday 2023-06-12
    expect(trend[42]).toBe(2); // week of Monday 2024-01-01
    expect(trend.reduce((a, b) => a + b, 0)).toBe(3);
    expect(country(body, 'CAF')).toMatchObject({ name: 'Central African Republic', region: 'Africa', forecast: null });
    expect(country(body, 'SSD')!.trend).toEqual(Array<number>(52).fill(0));
  });

  it('shows the level of the newest published country-wide assessment only, and counts warnings not closed', async () => {
    const period = { periodStart: '2024-01-01', periodEnd: '2024-06-30' };
    const publish = async (o: Record<string, unknown>, level: string) => {
      const { id } = await send('/api/assessments', tokens.analyst, { country: 'CAF', ...o });
      await send(`/api/assessments/${id}/submit`, tokens.analyst, { level });
      await send(`/api/assessments/${id}/publish`, tokens.reviewer);
      return id;
    };
    await publish({ periodStart: '2023-07-01', periodEnd: '2023-12-31' }, 'monitoring');
    const newest = await publish(period, 'serious-concern');
    await publish({ ...period, admin1: 'Ouham' }, 'current-crisis'); // a region's: not the country's level
    const draft = await send('/api/assessments', tokens.analyst, {
      country: 'CAF',
      periodStart: '2024-07-01',
      periodEnd: '2024-12-31',
    });
    await send(`/api/assessments/${draft.id}/submit`, tokens.analyst, { level: 'imminent-risk' }); // in review: never shown

    const openBefore = country(await watchlist(), 'CAF')!.openWarnings; // publishing a rising level raised some
    const raise = (title: string) => send('/api/warnings', tokens.analyst, { title, severity: 'high', country: 'CAF' });
    await raise('Attacks on camps');
    await raise('Militia build-up');
    const closed = await raise('Withdrawn');
    await send(`/api/warnings/${closed.id}/acknowledge`, tokens['decision-maker']);
    await send(`/api/warnings/${closed.id}/decide`, tokens['decision-maker'], { decision: 'no-action', reason: 'false alarm' });
    await send(`/api/warnings/${closed.id}/close`, tokens.analyst, { note: 'withdrawn' });

    const caf = country(await watchlist(tokens.investigator), 'CAF')!;
    expect(caf.assessment).toMatchObject({ id: newest, level: 'serious-concern', periodEnd: '2024-06-30' });
    expect(Date.parse(caf.assessment!.publishedAt)).not.toBeNaN();
    expect(caf.openWarnings).toBe(openBefore + 2);
    const listed = (await (await app.request('/api/warnings?country=CAF', { headers: bearer(tokens.viewer) })).json()) as {
      items: { status: string }[];
    };
    expect(caf.openWarnings).toBe(listed.items.filter((w) => w.status !== 'closed').length);
  });
});
