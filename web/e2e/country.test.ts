import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Role } from '../../src/access/roles.js';
import { newAssessmentSchema } from '../../src/assessments/assessment.js';
import { createAssessment } from '../../src/assessments/assessments.repository.js';
import { rateIndicator } from '../../src/assessments/assessment-ratings.repository.js';
import { publishAssessment, reviseAssessment, submitAssessment } from '../../src/assessments/assessment-workflow.repository.js';
import type { Sha256 } from '../../src/core/brand.js';
import type { Db } from '../../src/db/database.js';
import { readCountryYears } from '../../src/forecast/country-years/read-country-years.js';
import { DEFAULT_FIT, fitForecastModel } from '../../src/forecast/product/fit-forecast-model.js';
import { forecastModelToStore } from '../../src/forecast/product/forecast-model.js';
import { saveForecastModel } from '../../src/forecast/product/forecast-models.repository.js';
import { createGroup, tagEvents } from '../../src/groups/groups.repository.js';
import { newGroupSchema } from '../../src/groups/protected-group.js';
import { addMeasure } from '../../src/measures/warning-measures.repository.js';
import { raiseWarning } from '../../src/warnings/raise-warning.js';
import { manualWarningSchema } from '../../src/warnings/warning-input.js';
import { acknowledgeWarning, decideWarning } from '../../src/warnings/warning-steps.js';
import { createTestInstance, type TestInstance } from '../../src/test-support/instance.js';
import { sharedData } from '../../src/test-support/shared-data.js';
import { describeInBrowser, openBrowser, screenshotBothWidths, seriousAxeViolations, signIn, type Browser } from './browser.js';

/** EWP's own lambda for its 2025 forecasts: a fixed fit on the real file takes a second, no cross-validation. */
const EWP_LAMBDA = 0.002586428948318162;

async function userIds(db: Db): Promise<Record<Role, { id: number; username: string; role: Role }>> {
  const rows = await db.query<{ id: number; username: string; role: Role }>('SELECT id, username, role FROM users');
  return Object.fromEntries(rows.map((u) => [u.role, u])) as Record<Role, { id: number; username: string; role: Role }>;
}

/** Two published assessments of CAF (the second rates RF1 higher and raises the level), through the workflow. */
async function seedAssessments(db: Db, users: Awaited<ReturnType<typeof userIds>>): Promise<void> {
  const analyst = { id: users.analyst.id, role: 'analyst' as const };
  const reviewer = { id: users.reviewer.id, role: 'reviewer' as const };
  const first = await createAssessment(
    db,
    newAssessmentSchema.parse({
      country: 'CAF',
      periodStart: '2013-01-01',
      periodEnd: '2013-06-30',
      summary: 'Armed groups advance on Bangui.',
    }),
    analyst,
  );
  for (const indicator of ['1.1', '1.2', '2.1'])
    await rateIndicator(
      db,
      first,
      indicator,
      { rating: 'moderate', confidence: 'medium', rationale: 'Clashes reported by UCDP in Ouham.', evidence: [] },
      analyst,
    );
  await submitAssessment(db, first, { level: 'serious-concern' }, analyst);
  await publishAssessment(db, first, reviewer);
  const second = await reviseAssessment(db, first, { periodStart: '2013-07-01', periodEnd: '2013-12-31' }, analyst);
  await rateIndicator(
    db,
    second,
    '1.1',
    { rating: 'high', confidence: 'high', rationale: 'Killings of civilians in Bossangoa, December 2013.', evidence: [] },
    analyst,
  );
  await submitAssessment(db, second, { level: 'imminent-risk' }, analyst);
  await publishAssessment(db, second, reviewer);
}

async function seedForecast(db: Db): Promise<void> {
  const file = sharedData('ewp/prepared2024predictors-2025-09-03.csv');
  const fitted = fitForecastModel(await readCountryYears(file), { ...DEFAULT_FIT, lambda: EWP_LAMBDA });
  await saveForecastModel(
    db,
    forecastModelToStore(fitted, {
      name: 'EWP 2025',
      createdBy: null,
      dataSha256: '00'.repeat(32) as Sha256,
      dataFile: 'prepared2024predictors-2025-09-03.csv',
      codeVersion: 'test',
      backtest: null,
    }),
  );
}

/** A group with three of the imported one-sided events, and an acted-on warning with a measure. */
async function seedGroupAndWarning(db: Db, users: Awaited<ReturnType<typeof userIds>>): Promise<void> {
  const group = await createGroup(
    db,
    newGroupSchema.parse({ country: 'CAF', name: 'Muslim civilians', kind: 'religious', areas: ['Ouham', 'Bangui'] }),
    users.analyst.id,
  );
  const events = await db.query<{ id: number }>(
    `SELECT id FROM events WHERE country_iso3 = 'CAF' AND category = 'one-sided' ORDER BY date_start DESC LIMIT 3`,
  );
  await tagEvents(
    db,
    group.id,
    events.map((e) => Number(e.id)),
    users.analyst.id,
  );
  const now = new Date();
  const warning = await raiseWarning(
    db,
    manualWarningSchema.parse({
      title: 'Reprisal killings around Bossangoa',
      severity: 'high',
      country: 'CAF',
      summary: 'Militias are massing near the displacement site.',
      riskFactors: ['RF1'],
    }),
    { by: users.analyst.id, now },
  );
  const admin = { user: users.admin, now };
  await acknowledgeWarning(db, warning.id, admin);
  await decideWarning(db, warning.id, { decision: 'act', reason: 'Protection of the site is urgent.' }, admin);
  await addMeasure(
    db,
    warning.id,
    { title: 'Deploy a protection patrol to the site', owner: 'MINUSCA' },
    { by: users.admin.id, now },
  );
}

/** GET from the page, with the signed-in user's session. */
const apiGet = <T>(page: Page, path: string): Promise<T> =>
  page.evaluate(async (p) => (await fetch(p)).json() as Promise<unknown>, path) as Promise<T>;

describeInBrowser('country profile in Chromium', () => {
  let instance: TestInstance;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    instance = await createTestInstance({ importUcdp: sharedData('events/ucdp/ged231_CAF_optgeo.csv') });
    const users = await userIds(instance.db);
    await seedAssessments(instance.db, users);
    await seedForecast(instance.db);
    await seedGroupAndWarning(instance.db, users);
    browser = await openBrowser();
    page = browser.page;
    await page.goto(`${instance.url}/countries/CAF`);
    await signIn(page, instance.users.analyst);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await instance?.close();
  });

  it('shows the country with its level and forecast, and what pushes the forecast up or down', async () => {
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Central African Republic');
    const level = page.getByTestId('country-level');
    await expect.poll(() => level.textContent()).toContain('Imminent risk');
    const forecast = await apiGet<{ probability: number; rank: number; countries: number }>(page, '/api/forecasts/CAF');
    const card = page.getByTestId('country-forecast');
    await expect.poll(() => card.textContent()).toContain(`${(forecast.probability * 100).toFixed(1)}%`);
    expect(await card.textContent()).toContain(`rank ${forecast.rank} of ${forecast.countries}`);
    const bars = page.locator('.contribution');
    expect(await bars.count()).toBeGreaterThan(0);
    expect(await bars.first().textContent()).toMatch(/[+−]\d\.\d\d log-odds/);
  });

  it('lists the 14 risk factors with the trend against the previous assessment and the evidence notes', async () => {
    const factors = page.getByTestId('country-factors');
    await expect.poll(() => factors.locator('.factor').count()).toBe(14);
    const rf1 = page.getByTestId('factor-RF1');
    expect(await rf1.textContent()).toContain('Rose');
    await rf1.click();
    await expect.poll(() => factors.textContent()).toContain('Killings of civilians in Bossangoa, December 2013.');
    expect(await page.getByTestId('factor-RF2').textContent()).toContain('Unchanged');
  });

  it('draws the weekly counts of the imported events, with the signals marked', async () => {
    const chart = page.getByTestId('weekly-chart');
    await chart.waitFor();
    const categories = ['one-sided', 'state-based', 'non-state'];
    const series = await Promise.all(
      categories.map((c) => apiGet<{ periods: string[]; incidents: number[] }>(page, `/api/series?country=CAF&category=${c}`)),
    );
    const total = series.flatMap((s) => s.incidents).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(100);
    expect(Number(await chart.getAttribute('data-weeks'))).toBeGreaterThan(52);
    expect(
      new Set(await chart.locator('path[data-category]').evaluateAll((ps) => ps.map((p) => p.getAttribute('data-category')))),
    ).toEqual(new Set(categories));
    await expect.poll(() => page.getByTestId('chart-summary').textContent()).toContain(`In all: ${total.toLocaleString('en')}.`);

    const signals = await apiGet<{ items: { week: string; measure: string }[] }>(page, '/api/signals?country=CAF&limit=500');
    expect(signals.items.length).toBeGreaterThan(0);
    const signalledWeeks = new Set(signals.items.filter((s) => s.measure === 'incidents').map((s) => s.week));
    expect(signalledWeeks.size).toBeGreaterThan(0);
    expect(await chart.getByTestId('signal-mark').count()).toBe(signalledWeeks.size);
    expect(await page.getByTestId('country-signals').locator('tbody tr').count()).toBe(signals.items.length);

    await page.getByRole('button', { name: 'Show the figures as a table' }).click();
    const table = page.getByTestId('chart-table');
    const yearTotals = await table.locator('tbody td:last-child').allTextContents();
    expect(yearTotals.map((s) => Number(s.replace(/,/g, ''))).reduce((a, b) => a + b, 0)).toBe(total);
    await page.getByRole('button', { name: 'Hide the table' }).click();
    expect(await table.count()).toBe(0);

    await page.getByLabel('Fatalities', { exact: true }).check();
    await expect
      .poll(() => page.getByTestId('chart-summary').textContent())
      .not.toContain(`In all: ${total.toLocaleString('en')}.`);
    await page.getByLabel('Period shown').selectOption('year');
    await expect.poll(() => chart.getAttribute('data-weeks')).toBe('52');
    await page.getByLabel('Period shown').selectOption('all');
    await page.getByLabel('Events', { exact: true }).check();
  });

  it('maps the country’s events with the events page’s map', async () => {
    await page.getByTestId('country-map').scrollIntoViewIfNeeded();
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 20_000 });
    const drawn = await page.waitForFunction(
      () => {
        const map = (window as unknown as { __tocsinMap?: { loaded(): boolean; queryRenderedFeatures(o: unknown): unknown[] } })
          .__tocsinMap;
        return map !== undefined && map.loaded() && map.queryRenderedFeatures({ layers: ['events'] }).length;
      },
      null,
      { timeout: 20_000 },
    );
    expect(await drawn.jsonValue()).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: 'Open this country in the events view' }).getAttribute('href')).toBe(
      '/events?country=CAF',
    );
  });

  it('shows the protected groups with their linked events, and the warnings with their measures', async () => {
    const group = page.getByTestId('group-card');
    await expect.poll(() => group.textContent()).toContain('Events linked to this group: 3');
    expect(await group.locator('.group-events li').count()).toBe(3);
    const warning = page.getByTestId('warning-card');
    await expect.poll(() => warning.textContent()).toContain('Deploy a protection patrol to the site');
    expect(await warning.textContent()).toContain('Severity: High');
  });

  it('shows the assessment history with what changed between the versions', async () => {
    const history = page.getByTestId('country-history');
    expect(await history.locator('tbody tr').count()).toBe(2);
    await history.getByText('Show the changes').click();
    await expect.poll(() => history.textContent()).toContain('Level rose from Serious concern to Imminent risk.');
    expect(await history.textContent()).toContain('Indicator 1.1: Moderate (medium) → High (high)');
  });

  it('has no serious or critical accessibility violations, and keeps screenshots', async () => {
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshotBothWidths(page, 'country', async () => {
      await page.evaluate(() => window.scrollTo(0, 0));
    });
    await screenshotBothWidths(page, 'country-chart', async () => {
      await page.getByTestId('country-chart').evaluate((section) => section.scrollIntoView());
    });
  });

  it('reads right to left in Arabic', async () => {
    await page.getByLabel('Language').selectOption('ar');
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expect.poll(() => page.getByRole('heading', { name: 'عوامل الخطر', exact: true }).count()).toBe(1);
    expect(await page.getByTestId('country-level').textContent()).toContain('خطر وشيك');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.locator('.language-menu select').selectOption('en');
  });

  it('says so when a section has nothing yet, and when the code is no country', async () => {
    await page.locator('.language-menu select').selectOption('en');
    await page.goto(`${instance.url}/countries/TCD`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Chad');
    await expect.poll(() => page.getByTestId('country-factors').textContent()).toContain('No assessment has been published');
    await expect.poll(() => page.getByTestId('country-chart').textContent()).toContain('No events have been imported');
    await expect.poll(() => page.getByTestId('country-groups').textContent()).toContain('No protected group');
    await expect.poll(() => page.getByTestId('country-warnings').textContent()).toContain('No warning has been raised');
    await expect.poll(() => page.getByTestId('country-signals').textContent()).toContain('no signal');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.goto(`${instance.url}/countries/XXX`);
    await expect.poll(() => page.locator('.banner').textContent()).toContain('No country has the code “XXX”.');
  });
});
