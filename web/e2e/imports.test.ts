import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestInstance, type TestInstance } from '../../src/test-support/instance.js';
import { sharedData } from '../../src/test-support/shared-data.js';
import {
  describeInBrowser,
  openBrowser,
  screenshotBothWidths,
  seriousAxeViolations,
  signIn,
  signOut,
  type Browser,
} from './browser.js';

const GED_CAF = sharedData('events/ucdp/ged231_CAF_optgeo.csv');
/** Data records of the file, counted independently (some quoted fields span lines, so not its line count). */
const gedRecords = () => Papa.parse(readFileSync(GED_CAF, 'utf8'), { skipEmptyLines: true }).data.length - 1;

interface Batch {
  id: number;
  skipped: number;
  fileName: string;
  status: string;
  rowsRead: number;
  inserted: number;
  rejected: number;
  userName: string | null;
}

/** GET through the signed-in page, so the session cookie goes with it. */
const apiGet = <T>(page: Page, path: string): Promise<T> =>
  page.evaluate(
    async (p): Promise<unknown> => (await fetch(p, { headers: { accept: 'application/json' } })).json(),
    path,
  ) as Promise<T>;

describeInBrowser('imports page in Chromium (the admin imports a file)', () => {
  let instance: TestInstance;
  let browser: Browser;
  let page: Page;
  let scratch: string;
  const storedEvents = async () =>
    (await instance.db.query<{ n: number }>("SELECT count(*)::int AS n FROM events WHERE country_iso3 = 'CAF'"))[0]!.n;

  beforeAll(async () => {
    instance = await createTestInstance();
    scratch = mkdtempSync(join(tmpdir(), 'tocsin-imports-e2e-'));
    browser = await openBrowser();
    page = browser.page;
    await page.goto(instance.url);
  });

  afterAll(async () => {
    await browser?.close();
    await instance?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('lets the admin open Imports from the navigation, with every source not yet imported', async () => {
    await signIn(page, instance.admin);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Imports' }).click();
    await page.getByRole('heading', { level: 1, name: 'Imports' }).waitFor();
    expect(await page.getByTestId('source-ucdp').textContent()).toContain('Never imported');
    expect(await page.getByText('No imports yet.').isVisible()).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('uploads the UCDP GED file with a progress bar, then shows the summary and the quarantine', async () => {
    // Record every stage the progress panel shows, however briefly.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __stages: string[] }).__stages = seen;
      new MutationObserver(() => {
        const text = document.querySelector('.import-stage')?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
        if (document.querySelector('.import-progress progress') && !seen.includes('bar')) seen.push('bar');
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByLabel('Format', { exact: true }).selectOption({ label: 'UCDP GED (CSV)' });
    await page.getByLabel('Event file', { exact: true }).setInputFiles(GED_CAF);
    await page.getByRole('button', { name: 'Upload and import' }).click();

    const summary = page.getByTestId('import-summary');
    await summary.getByRole('heading', { name: 'Summary of ged231_CAF_optgeo.csv' }).waitFor({ timeout: 60_000 });
    const stages = await page.evaluate(() => (window as unknown as { __stages: string[] }).__stages);
    expect(stages).toContain('bar');
    expect(stages).toContain('Uploading the file');
    expect(stages).toContain('Importing rows');
    expect(await summary.getByRole('status').textContent()).toBe('Import complete');

    const [batch] = (await apiGet<{ items: Batch[] }>(page, '/api/imports')).items;
    expect(batch).toMatchObject({ fileName: 'ged231_CAF_optgeo.csv', status: 'completed', userName: 'admin' });
    expect(batch!.rowsRead).toBe(gedRecords());
    expect(batch!.inserted).toBe(batch!.rowsRead - batch!.rejected - batch!.skipped);
    const shown = async (label: string) =>
      (await summary.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd').textContent())?.replace(/\D/g, '');
    expect(await shown('Rows read')).toBe(String(batch!.rowsRead));
    expect(await shown('New events')).toBe(String(batch!.inserted));
    expect(await shown('Rejected (quarantined)')).toBe(String(batch!.rejected));
    if (batch!.rejected === 0) expect(await summary.getByText('No row was rejected.').isVisible()).toBe(true);
    else expect(await summary.locator('.quarantine-table tbody tr').count()).toBe(Math.min(batch!.rejected, 1000));

    // The events exist, for the store and through the API the Events page reads.
    expect(await storedEvents()).toBe(batch!.inserted);
    const events = await apiGet<{ total: number }>(page, '/api/events?country=CAF&limit=1&includeTotal=true');
    expect(events.total).toBe(batch!.inserted);
    expect(batch!.inserted).toBeGreaterThan(1000);

    // The data-source status and the history say the same.
    await expect.poll(() => page.getByTestId('source-ucdp').textContent()).toContain('Latest import');
    expect(await page.getByTestId('source-ucdp').textContent()).toContain('by admin');
    expect(await page.locator('.import-history tbody tr').count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshotBothWidths(page, 'imports');
  });

  it('refuses a text file claimed as UCDP with the importer’s message, and keeps the events imported before', async () => {
    const before = await storedEvents();
    const notes = join(scratch, 'field-notes.txt');
    writeFileSync(notes, 'Notes from the field visit, not an event file.\nNothing here is a UCDP row.\n');
    await page.getByLabel('Format', { exact: true }).selectOption({ label: 'UCDP GED (CSV)' });
    await page.getByLabel('Event file', { exact: true }).setInputFiles(notes);
    await page.getByRole('button', { name: 'Upload and import' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'The file was refused' });
    await refusal.waitFor();
    const text = await refusal.textContent();
    expect(text).toContain('The file was refused; nothing was stored.');
    expect(text).toContain('field-notes.txt: not imported as UCDP GED CSV');
    expect(text).not.toContain(instance.dataDir);
    expect(await storedEvents()).toBe(before);
    expect((await apiGet<{ items: Batch[] }>(page, '/api/imports')).items).toHaveLength(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('reads right to left in Arabic, with the heading translated', async () => {
    await page.getByLabel('Language').selectOption('ar');
    await page.getByRole('heading', { level: 1, name: 'الاستيراد' }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    expect(await page.getByRole('heading', { name: 'مصادر البيانات' }).isVisible()).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel('اللغة').or(page.getByLabel('Language')).selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Imports' }).waitFor();
  });

  it('shows a viewer no Imports link, and the forbidden message at /imports', async () => {
    await signOut(page);
    await signIn(page, instance.viewer);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link').first().waitFor();
    expect(await nav.getByRole('link', { name: 'Imports' }).count()).toBe(0);
    await page.goto(`${instance.url}/imports`);
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Your role does not give access to this page.');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
