import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newAssessmentSchema } from '../../src/assessments/assessment.js';
import { submitAssessment } from '../../src/assessments/assessment-workflow.repository.js';
import { createAssessment } from '../../src/assessments/assessments.repository.js';
import { listUsers } from '../../src/access/users.repository.js';
import type { Iso3, Sha256 } from '../../src/core/brand.js';
import { readCountryYears } from '../../src/forecast/country-years/read-country-years.js';
import { DEFAULT_FIT, fitForecastModel } from '../../src/forecast/product/fit-forecast-model.js';
import { forecastModelToStore } from '../../src/forecast/product/forecast-model.js';
import { listCountryForecasts, saveForecastModel } from '../../src/forecast/product/forecast-models.repository.js';
import { readSeriesSet } from '../../src/surveillance/series/series.repository.js';
import { createTestInstance, type TestInstance } from '../../src/test-support/instance.js';
import { sharedData } from '../../src/test-support/shared-data.js';
import { publishAndWarn } from '../../src/warnings/publish-and-warn.js';
import { formatterFor } from '../src/i18n/format.js';
import { describeInBrowser, openBrowser, screenshotBothWidths, seriousAxeViolations, signIn, type Browser } from './browser.js';

/** EWP's own file and lambda (as `tocsin forecast fit --lambda` in forecast.command.test.ts): the published 2025 model. */
const EWP_FILE = sharedData('ewp/prepared2024predictors-2025-09-03.csv');
const EWP_LAMBDA = 0.002586428948318162;

/** The slice of the MapLibre map the page exposes as `window.__tocsinWatchlistMap`. */
interface MapHandle {
  loaded(): boolean;
  getPaintProperty(layer: string, property: string): unknown;
  queryRenderedFeatures(options: { layers: string[] }): { properties: Record<string, unknown> }[];
  project(lngLat: [number, number]): { x: number; y: number };
}

/** The fill the map paints a country with: the colour after its code in the `match` expression. */
async function paintedColour(page: Page, iso3: string): Promise<string | undefined> {
  return page.evaluate((code) => {
    const map = (window as unknown as { __tocsinWatchlistMap?: MapHandle }).__tocsinWatchlistMap;
    const fill = map?.getPaintProperty('watchlist-countries', 'fill-color');
    if (!Array.isArray(fill)) return undefined;
    const i = fill.indexOf(code);
    return i > 1 ? String(fill[i + 1]) : undefined;
  }, iso3);
}

/** The country codes MapLibre has drawn, once it has drawn some. */
async function renderedCountries(page: Page): Promise<string[]> {
  const handle = await page.waitForFunction(
    () => {
      const map = (window as unknown as { __tocsinWatchlistMap?: MapHandle }).__tocsinWatchlistMap;
      if (map === undefined || !map.loaded()) return false;
      const features = map.queryRenderedFeatures({ layers: ['watchlist-countries'] });
      return features.length > 0 && features.map((f) => String(f.properties['a3']));
    },
    null,
    { timeout: 20_000 },
  );
  return (await handle.jsonValue()) as string[];
}

const rows = (page: Page) => page.locator('[data-testid="watchlist-table"] tbody tr');
const row = (page: Page, iso3: string) => page.locator(`[data-testid="watchlist-table"] tbody tr[data-iso3="${iso3}"]`);

describeInBrowser('watchlist page in Chromium', () => {
  let instance: TestInstance;
  let browser: Browser;
  let page: Page;
  let cafIncidents: number;
  let lastWeek: string;
  const en = formatterFor('en');
  let forecastCount: number;

  beforeAll(async () => {
    instance = await createTestInstance({ importUcdp: sharedData('events/ucdp/ged231_CAF_optgeo.csv') });
    const db = instance.db;
    // A real forecast: EWP's file fitted at EWP's lambda, stored as `tocsin forecast fit` stores it.
    const fitted = fitForecastModel(await readCountryYears(EWP_FILE), { ...DEFAULT_FIT, lambda: EWP_LAMBDA });
    await saveForecastModel(
      db,
      forecastModelToStore(fitted, {
        name: 'EWP 2025',
        createdBy: null,
        dataSha256: createHash('sha256').update(readFileSync(EWP_FILE)).digest('hex') as Sha256,
        dataFile: 'prepared2024predictors-2025-09-03.csv',
        codeVersion: 'test',
        backtest: null,
      }),
    );
    forecastCount = (await listCountryForecasts(db, {})).forecasts.length;
    // A published assessment of CAF, drafted by the analyst and published by the reviewer; its rising
    // level raises a warning, as publishing through the API does.
    const users = await listUsers(db);
    const actor = (username: string) => {
      const u = users.find((x) => x.username === username)!;
      return { id: u.id, role: u.role };
    };
    const id = await db.transaction((tx) =>
      createAssessment(
        tx,
        newAssessmentSchema.parse({ country: 'CAF', periodStart: '2022-07-01', periodEnd: '2022-12-31' }),
        actor('analyst'),
      ),
    );
    await submitAssessment(
      db,
      id,
      { level: 'serious-concern', summary: 'Attacks on civilians in the north-west' },
      actor('analyst'),
    );
    await publishAndWarn(db, id, actor('reviewer'));
    // What GET /api/series gives for the same weeks: the trend's total, counted independently.
    const set = await readSeriesSet(db, { frequency: 'weekly', categories: ['one-sided'], countries: ['CAF' as Iso3] });
    cafIncidents = [...(set.series[0]?.incidents ?? [])].slice(-52).reduce((a, b) => a + b, 0);
    lastWeek = set.periods.at(-1)!;

    browser = await openBrowser();
    page = browser.page;
    await page.goto(instance.url);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await instance?.close();
  });

  it('is where a decision-maker lands after signing in, with every country of the forecast ranked', async () => {
    await signIn(page, instance.users['decision-maker']);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/watchlist');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Watchlist');
    await expect.poll(() => rows(page).count(), { timeout: 15_000 }).toBe(forecastCount);
    expect(forecastCount).toBe(168);
    const first = rows(page).first();
    expect(await first.getAttribute('data-iso3')).toBe('MMR');
    expect(await first.locator('td').first().textContent()).toBe('1');
    expect(await first.textContent()).toContain('10.4%');
    expect(await page.getByRole('status').filter({ hasText: 'countries' }).textContent()).toBe(`168 of 168 countries`);
    expect(await page.getByText('Forecast: model “EWP 2025”, from the 2024 data.').count()).toBe(1);
  });

  it("shows CAF's published level, its open warning and its 52-week trend of violence against civilians", async () => {
    const caf = row(page, 'CAF');
    expect(await caf.locator('[data-label="Level"]').textContent()).toBe(`Serious concernperiod ending ${en.date('2022-12-31')}`);
    expect(await caf.locator('[data-label="Open warnings"]').textContent()).toBe('1 open');
    expect(cafIncidents).toBeGreaterThan(0);
    expect(await caf.locator('.sparkline').textContent()).toContain(`${cafIncidents} incidents in 52 weeks`);
    expect(await caf.locator('.sparkline polyline').getAttribute('points')).toMatch(/^(\d+(\.\d+)?,\d+(\.\d+)? ){51}/);
    expect(await page.getByText(/^Trend: weekly incidents of one-sided violence/).textContent()).toContain(
      `to the week of ${en.date(lastWeek)} (the newest week in the event store)`,
    );
  });

  it('colours the map by level, with a key in words, and has no serious accessibility violation', async () => {
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 20_000 });
    expect(await page.getByRole('radio', { name: 'Assessment level' }).isChecked()).toBe(true);
    expect(await renderedCountries(page)).toContain('CAF');
    expect(await paintedColour(page, 'CAF')).toBe('#f29e4c');
    expect(await paintedColour(page, 'MMR')).toBe('#f4f2ec'); // no published assessment
    const key = page.getByTestId('watchlist-key');
    expect(await key.locator('h3').textContent()).toBe('Level of the latest published assessment');
    expect(await key.locator('li').allTextContents()).toEqual([
      'Current crisis',
      'Imminent risk',
      'Serious concern',
      'Monitoring',
      'No current concern',
      'No published assessment',
    ]);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('switches the map to the forecast, keeping the choice in the address', async () => {
    await page.getByRole('radio', { name: 'Forecast' }).check();
    await expect
      .poll(() => page.getByTestId('watchlist-key').locator('h3').textContent())
      .toBe('Risk of a new mass killing starting in 2025 or 2026');
    expect(new URL(page.url()).searchParams.get('colour')).toBe('forecast');
    await expect.poll(() => paintedColour(page, 'MMR')).toBe('#810f7c'); // 10.4%: the top band
    expect(await page.getByTestId('watchlist-key').locator('li').first().textContent()).toBe('5% or more');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('sorts by violence against civilians and filters by region', async () => {
    await page.getByLabel('Sort the list by').selectOption('violence');
    await expect.poll(() => rows(page).first().getAttribute('data-iso3')).toBe('CAF');
    await page.getByLabel('Region').selectOption('Europe');
    const regions = await rows(page).locator('th .hint').allTextContents();
    expect(regions.length).toBeGreaterThan(10);
    expect(new Set(regions)).toEqual(new Set(['Europe']));
    const [europe] = await instance.db.query<{ n: number }>(
      `SELECT count(*)::integer AS n FROM country_forecasts f JOIN countries c ON c.iso3 = f.country_iso3
       WHERE c.region = 'Europe' AND f.year = 2024`,
    );
    expect(await page.getByRole('status').filter({ hasText: 'countries' }).textContent()).toBe(`${europe!.n} of 168 countries`);
    expect(new URL(page.url()).search).toBe('?colour=forecast&sort=violence&region=Europe');
    await page.getByLabel('Region').selectOption('');
    await expect.poll(() => rows(page).count()).toBe(168);
    await screenshotBothWidths(page, 'watchlist', async () => {
      await page.locator('[data-map-ready="true"]').waitFor();
    });
  });

  it('opens a country profile from the list and from the map', async () => {
    await row(page, 'CAF').getByRole('link', { name: 'Central African Republic' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/countries/CAF');
    await page.goBack();
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 20_000 });
    await renderedCountries(page);
    const point = await page.evaluate(() => {
      const map = (window as unknown as { __tocsinWatchlistMap: MapHandle }).__tocsinWatchlistMap;
      return map.project([20.9, 6.6]); // Bambari, near the middle of the Central African Republic
    });
    const box = (await page.getByTestId('watchlist-map').boundingBox())!;
    await page.mouse.click(box.x + point.x, box.y + point.y);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/countries/CAF');
  });

  it('reads right to left in Arabic', async () => {
    await page.goto(`${instance.url}/watchlist`);
    await page.getByLabel('Language').selectOption('ar');
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('قائمة المراقبة');
    expect(await row(page, 'CAF').locator('td').nth(2).textContent()).toContain('قلق بالغ');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshotBothWidths(page, 'watchlist-ar', async () => {
      await page.locator('[data-map-ready="true"]').waitFor();
    });
  });
});
