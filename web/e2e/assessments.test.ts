import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { viewAssessment } from '../../src/assessments/assessment-view.js';
import { assessmentHistory, getAssessment } from '../../src/assessments/assessments.repository.js';
import { readFramework } from '../../src/framework/framework.repository.js';
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

const pathOf = (page: Page) => new URL(page.url()).pathname;
const factor = (page: Page, id: string) => page.locator(`section[data-factor="${id}"]`);
const indicator = (page: Page, id: string) => page.locator(`li[data-indicator="${id}"]`);
const saveState = (page: Page, id: string) => indicator(page, id).getByRole('status').textContent();

async function rate(page: Page, id: string, rating: string, confidence: string, note: string, evidence = '') {
  await page
    .getByRole('group', { name: `Rating of indicator ${id}`, exact: true })
    .getByLabel(rating, { exact: true })
    .check();
  await page.getByLabel(`Confidence ${id}`, { exact: true }).selectOption({ label: confidence });
  await page.getByLabel(`Note and rationale ${id}`, { exact: true }).fill(note);
  if (evidence !== '') await page.getByLabel(`Evidence links ${id}`, { exact: true }).fill(evidence);
}

describeInBrowser('assessments in Chromium: draft with the data’s suggestions, review, publication', () => {
  let instance: TestInstance;
  let browser: Browser;
  let page: Page;
  let id = 0;

  beforeAll(async () => {
    instance = await createTestInstance({ importUcdp: sharedData('events/ucdp/ged231_CAF_optgeo.csv') });
    browser = await openBrowser();
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await instance?.close();
  });

  it('lets an analyst open a draft for CAF and a period from the list', async () => {
    await page.goto(`${instance.url}/assessments`);
    await signIn(page, instance.users.analyst);
    await page.getByRole('heading', { level: 1, name: 'Assessments' }).waitFor();
    await expect.poll(() => page.getByText('No assessment matches.').count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'New assessment' }).click();
    const form = page.getByRole('region', { name: 'New assessment' });
    await form.getByLabel('Country').selectOption('CAF');
    await form.getByLabel('Period from').fill('2021-01-01');
    await form.getByLabel('Period to').fill('2021-06-30');
    await page.getByRole('button', { name: 'Open the draft' }).click();
    await expect.poll(() => pathOf(page)).toMatch(/^\/assessments\/\d+$/);
    id = Number(pathOf(page).split('/')[2]);
    await page.getByRole('heading', { level: 1, name: 'Assessment: Central African Republic' }).waitFor();
    const stored = await getAssessment(instance.db, id);
    expect(stored).toMatchObject({
      country: 'CAF',
      periodStart: '2021-01-01',
      periodEnd: '2021-06-30',
      status: 'draft',
      author: 'analyst',
    });
  });

  it('shows the 14 factors, flags unverified titles, and puts the data’s suggestion beside each rating with its basis', async () => {
    expect(await page.locator('section[data-factor]').count()).toBe(14);
    const framework = await readFramework(instance.db, 1);
    const unverified = framework.factors.filter((f) => f.titleVerification === 'recall' || f.titleVerification === 'brief');
    expect(unverified.map((f) => f.id)).toContain('RF3');
    for (const f of framework.factors) {
      const flagged = await factor(page, f.id).getByRole('heading').getByText('Unverified').count();
      expect([f.id, flagged]).toEqual([f.id, unverified.includes(f) ? 1 : 0]);
    }

    const view = await viewAssessment(instance.db, id);
    const rf1 = view.suggestions.find((s) => s.factorId === 'RF1');
    expect(rf1?.evidence.length).toBeGreaterThan(0);
    const label = { absent: 'Absent', low: 'Low', moderate: 'Moderate', high: 'High', unknown: 'Unknown' }[rf1!.suggestedRating];

    await page.getByRole('button', { name: /^RF1 / }).click();
    expect(await page.getByRole('button', { name: /^RF1 / }).getAttribute('aria-expanded')).toBe('true');
    expect(await factor(page, 'RF1').locator('.factor-suggestions').textContent()).toContain(rf1!.basis);
    expect(await indicator(page, '1.1').locator('.suggestion-beside').textContent()).toBe(
      `Data suggest: ${label} for the factor as a whole`,
    );
  });

  it('saves each indicator on its own, shows saved and failed states, and never loses typed text', async () => {
    const view = await viewAssessment(instance.db, id);
    const eventId = view.suggestions.find((s) => s.factorId === 'RF1')!.evidence[0]!.id;

    await rate(page, '1.1', 'High', 'High', 'CPC offensive on Bangui in January 2021.', `event:${eventId}`);
    expect(await saveState(page, '1.1')).toBe('Not saved yet');
    await page.getByRole('button', { name: 'Save 1.1', exact: true }).click();
    await expect.poll(() => saveState(page, '1.1')).toBe('Saved');

    // Evidence the store does not hold is refused by the server; the typed text stays.
    await rate(page, '1.5', 'Moderate', 'Medium', 'Armed opposition coalition formed in December 2020.', 'event:999999999');
    await page.getByRole('button', { name: 'Save 1.5', exact: true }).click();
    await expect.poll(() => saveState(page, '1.5')).toMatch(/^Not saved: .*999999999/);
    expect(await page.getByLabel('Note and rationale 1.5', { exact: true }).inputValue()).toBe(
      'Armed opposition coalition formed in December 2020.',
    );

    // Closing the factor and opening it again keeps what was typed and not saved.
    await page.getByRole('button', { name: /^RF1 / }).click();
    expect(await indicator(page, '1.5').count()).toBe(0);
    await expect.poll(() => factor(page, 'RF1').locator('.factor-meta').textContent()).toContain('1 unsaved change');
    await page.getByRole('button', { name: /^RF1 / }).click();
    expect(await page.getByLabel('Note and rationale 1.5', { exact: true }).inputValue()).toBe(
      'Armed opposition coalition formed in December 2020.',
    );
    await page.getByLabel('Evidence links 1.5', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Save 1.5', exact: true }).click();
    await expect.poll(() => saveState(page, '1.5')).toBe('Saved');

    const stored = await getAssessment(instance.db, id);
    expect(stored.ratings.map((r) => [r.indicatorId, r.rating, r.confidence, r.rationale, r.evidence])).toEqual([
      ['1.1', 'high', 'high', 'CPC offensive on Bangui in January 2021.', [{ kind: 'event', id: eventId }]],
      ['1.5', 'moderate', 'medium', 'Armed opposition coalition formed in December 2020.', []],
    ]);
    await expect.poll(() => factor(page, 'RF1').locator('.factor-meta').textContent()).toContain('2 of');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshotBothWidths(page, 'assessment', () => page.evaluate(() => window.scrollTo(0, 0)));
  });

  it('lets the author submit with the level they choose, beside the level the scores point to', async () => {
    expect(await page.getByRole('button', { name: 'Publish' }).count()).toBe(0);
    expect(await page.getByText('Level the scores point to:').count()).toBe(1);
    await page.getByLabel('Level of concern').selectOption({ label: 'Serious concern' });
    await page.getByLabel('Summary for the reviewer and readers').fill('Fighting around Bangui; civilians displaced.');
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await expect.poll(() => page.getByTestId('assessment-status').textContent()).toBe('In review');
    expect(await page.getByRole('button', { name: /^Save / }).count()).toBe(0);
    expect((await getAssessment(instance.db, id)).status).toBe('in-review');
    await signOut(page);
  });

  it('lets the reviewer return it with a reason, which the history shows', async () => {
    await signIn(page, instance.users.reviewer);
    await page.getByRole('heading', { level: 1, name: 'Assessment: Central African Republic' }).waitFor();
    expect(await page.getByRole('button', { name: 'New assessment' }).count()).toBe(0);
    expect(await page.getByRole('group', { name: /^Rating of indicator/ }).count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel('What must change (sent to the author)').fill('Rate the triggering factors (RF8) too.');
    await page.getByRole('button', { name: 'Return to the author' }).click();
    await expect.poll(() => page.getByTestId('assessment-status').textContent()).toBe('Draft');
    await expect
      .poll(() => page.locator('.history-table').textContent())
      .toContain('Returned to the author: “Rate the triggering factors (RF8) too.”');
    const history = await assessmentHistory(instance.db, id);
    expect(history.at(-1)).toMatchObject({
      action: 'returned',
      user: 'reviewer',
      detail: { note: 'Rate the triggering factors (RF8) too.' },
    });
    await signOut(page);
  });

  it('lets the analyst answer and resubmit, and the reviewer publish; the level then shows in the list', async () => {
    await signIn(page, instance.users.analyst);
    await page.getByRole('button', { name: /^RF8 / }).click();
    await rate(page, '8.1', 'Moderate', 'Low', 'Elections of December 2020 contested.');
    await page.getByRole('button', { name: 'Save 8.1', exact: true }).click();
    await expect.poll(() => saveState(page, '8.1')).toBe('Saved');
    await page.getByLabel('Level of concern').selectOption({ label: 'Serious concern' });
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await expect.poll(() => page.getByTestId('assessment-status').textContent()).toBe('In review');
    await signOut(page);

    await signIn(page, instance.users.reviewer);
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Published at the level' }).count()).toBe(1);
    await expect.poll(() => page.getByTestId('assessment-status').textContent()).toBe('Published');
    expect(await getAssessment(instance.db, id)).toMatchObject({
      status: 'published',
      level: 'serious-concern',
      reviewer: 'reviewer',
    });

    await page.getByRole('link', { name: 'All assessments' }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Central African Republic' }) });
    await expect.poll(() => row.textContent()).toContain('Serious concern');
    expect(await row.textContent()).toContain('Published');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await signOut(page);
  });

  it('lets the analyst start the next period from the published one, and shows what changed since', async () => {
    await signIn(page, instance.users.analyst);
    await page.getByRole('link', { name: 'Central African Republic' }).click();
    await page.getByLabel('New period from').fill('2021-07-01');
    await page.getByLabel('New period to').fill('2021-12-31');
    await page.getByRole('button', { name: 'Start the next assessment from this one' }).click();
    await expect.poll(() => pathOf(page)).not.toBe(`/assessments/${id}`);
    const next = Number(pathOf(page).split('/')[2]);
    expect((await getAssessment(instance.db, next)).ratings.map((r) => r.indicatorId)).toEqual(['1.1', '1.5', '8.1']);
    await expect.poll(() => page.getByTestId('assessment-diff').textContent()).toContain('No indicator changed.');

    await page.getByRole('button', { name: /^RF1 / }).click();
    await rate(page, '1.1', 'Moderate', 'High', 'Fighting moved away from the capital.');
    await page.getByRole('button', { name: 'Save 1.1', exact: true }).click();
    await expect.poll(() => saveState(page, '1.1')).toBe('Saved');
    const changed = page.getByTestId('assessment-diff').locator('table').first().getByRole('row').filter({ hasText: '1.1' });
    await expect.poll(() => changed.textContent()).toContain('High (high confidence)');
    expect(await changed.textContent()).toContain('Moderate (high confidence)');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await signOut(page);
  });

  it('reads right to left in Arabic, with the page heading translated, and offers a viewer nothing to change', async () => {
    const arabic = await openBrowser();
    try {
      await arabic.page.goto(`${instance.url}/assessments`);
      await signIn(arabic.page, instance.viewer);
      await arabic.page.getByRole('heading', { level: 1, name: 'Assessments' }).waitFor();
      await arabic.page.getByRole('link', { name: 'Central African Republic' }).first().waitFor();
      expect(await arabic.page.locator('.page-head button').count()).toBe(0);
      await arabic.page.getByLabel('Language').selectOption('ar');
      await arabic.page.getByRole('heading', { level: 1, name: 'التقييمات' }).waitFor();
      expect(await arabic.page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
        'ar',
        'rtl',
      ]);
      expect(await arabic.page.getByRole('row').filter({ hasText: 'قلق بالغ' }).count()).toBeGreaterThan(0);
      expect(await seriousAxeViolations(arabic.page)).toEqual([]);
    } finally {
      await arabic.close();
    }
  });
});
