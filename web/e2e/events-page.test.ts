import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestInstance, type TestInstance } from '../../src/test-support/instance.js';
import { sharedData } from '../../src/test-support/shared-data.js';
import { describeInBrowser, openBrowser, SCREENSHOTS, seriousAxeViolations, type Browser } from './browser.js';

const SCREENSHOT = join(SCREENSHOTS, 'events-map.png');

/** The slice of the MapLibre map that the page exposes as `window.__tocsinMap`. */
interface MapHandle {
  loaded(): boolean;
  queryRenderedFeatures(options: { layers: string[] }): { properties: Record<string, unknown> }[];
}

/** The categories of the event points MapLibre has drawn, once it has drawn some. */
async function renderedCategories(page: Page): Promise<string[]> {
  const handle = await page.waitForFunction(
    () => {
      const map = (window as unknown as { __tocsinMap?: MapHandle }).__tocsinMap;
      if (map === undefined || !map.loaded()) return false;
      const features = map.queryRenderedFeatures({ layers: ['events'] });
      return features.length > 0 && features.map((f) => String(f.properties['category']));
    },
    null,
    { timeout: 20_000 },
  );
  return (await handle.jsonValue()) as string[];
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describeInBrowser('events page in Chromium', () => {
  let instance: TestInstance;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    instance = await createTestInstance({ importUcdp: sharedData('events/ucdp/ged231_CAF_optgeo.csv') });
    browser = await openBrowser();
    page = browser.page;
    await page.goto(`${instance.url}/events`);
  });

  afterAll(async () => {
    await browser?.close();
    await instance?.close();
  });

  it('tells the user when the password is wrong and stays on the sign-in page', async () => {
    await signIn(page, instance.admin.username, `${instance.admin.password}-wrong`);
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Wrong username or password.');
    expect(await page.getByLabel('Username').inputValue()).toBe(instance.admin.username);
  });

  it('signs in and draws the events on the map, listing country-level events without mapping them', async () => {
    await signIn(page, instance.admin.username, instance.admin.password);
    await expect.poll(() => page.locator('.app-header').textContent()).toContain('Administrator');
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 20_000 });
    const categories = await renderedCategories(page);
    expect(new Set(categories)).toEqual(new Set(['one-sided', 'state-based', 'non-state']));
    await expect
      .poll(() => page.getByTestId('unmapped-note').textContent())
      .toMatch(/^\d+ events? located only to the country (are|is) listed but not mapped\.$/);
    await expect.poll(() => page.locator('[data-testid="events-table"] tbody tr').count()).toBe(50);

    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('filters the table and the map by category', async () => {
    const range = page.getByTestId('table-range');
    const before = await range.textContent();
    const rowCategories = page.locator('[data-testid="events-table"] tbody td[data-label="Category"]');
    expect(new Set(await rowCategories.allTextContents()).size).toBeGreaterThan(1);

    await page.getByLabel('Category', { exact: true }).selectOption('one-sided');
    await expect.poll(async () => new Set(await rowCategories.allTextContents())).toEqual(new Set(['One-sided violence']));
    await expect.poll(() => range.textContent()).not.toBe(before);
    await expect.poll(async () => new Set(await renderedCategories(page))).toEqual(new Set(['one-sided']));
    expect(page.url()).toContain('category=one-sided');
  });

  it('shows the details of an event picked in the table', async () => {
    await page
      .getByRole('button', { name: /^Show details of/ })
      .first()
      .click();
    const details = page.getByTestId('event-details');
    await expect.poll(() => details.textContent()).toContain('One-sided violence');
    expect(await details.textContent()).toContain('UCDP #');
    await page.keyboard.press('Escape');
    await expect.poll(() => details.count()).toBe(0);
  });

  it('signs out back to the sign-in page', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Password').waitFor();
    expect(await page.locator('.app-header').count()).toBe(0);
    await page.reload();
    await page.getByLabel('Password').waitFor();
  });

  it('shows a viewer their role', async () => {
    await signIn(page, instance.viewer.username, instance.viewer.password);
    await expect.poll(() => page.locator('.app-header').textContent()).toContain('Viewer');
  });
});
