import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestInstance, type TestInstance } from '../../src/test-support/instance.js';
import { sharedData } from '../../src/test-support/shared-data.js';
import { raiseWarning } from '../../src/warnings/raise-warning.js';
import { tickWarnings } from '../../src/warnings/scheduler.js';
import { manualWarningSchema } from '../../src/warnings/warning-input.js';
import {
  describeInBrowser,
  openBrowser,
  screenshotBothWidths,
  seriousAxeViolations,
  signIn,
  signOut,
  type Browser,
} from './browser.js';

const HOUR = 3_600_000;

/** GET an API path with the browser's session, as the page itself would. */
async function api<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(new URL(path, page.url()).toString());
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

interface ApiSignal {
  id: number;
  status: string;
  eventIds: number[];
  triageNote: string | null;
}
interface ApiWarning {
  id: number;
  title: string;
  status: string;
  signalId: number | null;
  log: { action: string; detail: Record<string, unknown>; by: string | null }[];
  measures: { title: string; owner: string }[];
}

/**
 * The surveillance loop in the browser, on the real UCDP file for the Central African Republic:
 * its import raises the signals; an analyst triages one into a warning, a decision-maker
 * acknowledges and decides on it, and sees a warning whose deadline has passed marked overdue.
 */
describeInBrowser('signal triage and the warnings inbox in Chromium', () => {
  let instance: TestInstance;
  let browser: Browser;
  let page: Page;
  let signalId: number;
  let warningId: number;
  const triageReason = 'Checked the events: killings of civilians in Ouham by armed men, corroborated by two sources.';
  const decisionReason = 'Ask the special envoy to raise it with the authorities this week; protection teams on alert.';

  beforeAll(async () => {
    instance = await createTestInstance({ importUcdp: sharedData('events/ucdp/ged231_CAF_optgeo.csv') });
    // Two warnings past their deadline, raised through the warnings service with the clock set back:
    // one overdue now, one that the deadline scheduler already escalated once (and is overdue again).
    const [admin] = await instance.db.query<{ id: number }>("SELECT id FROM users WHERE username = 'admin'");
    const raise = (title: string, hoursAgo: number) =>
      raiseWarning(
        instance.db,
        manualWarningSchema.parse({ title, severity: 'critical', country: 'CAF', riskFactors: ['RF9'] }),
        { by: admin!.id, now: new Date(Date.now() - hoursAgo * HOUR) },
      );
    await raise('Armed groups massing near Bambari', 30);
    await raise('Attacks on displaced persons in Kaga-Bandoro', 50);
    await tickWarnings(instance.db, { now: new Date(Date.now() - 25 * HOUR), mailer: null });
    browser = await openBrowser();
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await instance?.close();
  });

  describe('an analyst triages a signal and raises a warning', () => {
    it('shows the new signals that the import raised as a queue', async () => {
      await page.goto(`${instance.url}/signals`);
      await signIn(page, instance.users.analyst);
      await page.getByRole('heading', { level: 1, name: 'Signals' }).waitFor();
      const stored = await api<{ items: ApiSignal[] }>(page, '/api/signals?status=new&limit=1000');
      expect(stored.items.length).toBeGreaterThan(0);
      const rows = page.locator('[data-testid="signal-queue"] tbody tr');
      await expect.poll(() => rows.count()).toBe(Math.min(100, stored.items.length));
      expect(new Set(await page.locator('[data-testid="signal-queue"] td[data-label="Status"]').allTextContents())).toEqual(
        new Set(['New']),
      );
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    it('filters by method and puts the strongest alarm first', async () => {
      await page.getByLabel('Method').selectOption('farrington-noufaily');
      await page.getByLabel('Order').selectOption('strongest');
      await expect.poll(() => page.url()).toContain('method=farrington-noufaily');
      const methods = page.locator('[data-testid="signal-queue"] td[data-label="Method"]');
      await expect.poll(async () => new Set(await methods.allTextContents())).toEqual(new Set(['farrington-noufaily']));
      const ratios = (await page.locator('[data-testid="signal-queue"] td[data-label="Times the bound"]').allTextContents())
        .filter((text) => text.startsWith('×'))
        .map((text) => Number(text.slice(1).replace(/,/g, '')));
      expect(ratios.length).toBeGreaterThan(1);
      expect(ratios).toEqual([...ratios].sort((a, b) => b - a));
      await screenshotBothWidths(page, 'signals');
    });

    it('opens the strongest signal with the events behind it and the weeks around it', async () => {
      const first = page.locator('[data-testid="signal-queue"] tbody tr').first().getByRole('link');
      signalId = Number((await first.getAttribute('href'))?.split('/').pop());
      await first.click();
      await expect.poll(() => page.url()).toContain(`/signals/${signalId}`);
      await page.getByRole('heading', { level: 1, name: / in Central African Republic$/ }).waitFor();
      const signal = await api<ApiSignal>(page, `/api/signals/${signalId}`);
      expect(signal.eventIds.length).toBeGreaterThan(0);
      const events = page.locator('[data-testid="signal-events"] tbody tr');
      await expect.poll(() => events.count()).toBe(Math.min(25, signal.eventIds.length));
      expect(await page.getByRole('img', { name: /by week from .* the signal's week is marked/ }).count()).toBe(1);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshotBothWidths(page, 'signal', () => page.evaluate(() => window.scrollTo(0, 0)));
    });

    it('asks for the reason before recording anything', async () => {
      await page.getByRole('radio', { name: /^Raise a warning/ }).check();
      await page.getByRole('button', { name: 'Record the decision' }).click();
      await page.getByText('Write the reason for this decision.').waitFor();
      expect((await api<ApiSignal>(page, `/api/signals/${signalId}`)).status).toBe('new');
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    it('raises a warning in one step, with the reason in the signal’s triage log', async () => {
      await page.getByLabel('Reason').fill(triageReason);
      await page.getByRole('button', { name: 'Record the decision' }).click();
      const status = page.getByRole('status').filter({ hasText: /Warning \d+ raised\./ });
      await expect
        .poll(() => status.textContent())
        .toMatch(/^Recorded\. The signal is now: Warning raised\. Warning \d+ raised\./);
      warningId = Number(/Warning (\d+) raised/.exec((await status.textContent()) ?? '')?.[1]);

      const signal = await api<ApiSignal>(page, `/api/signals/${signalId}`);
      expect(signal).toMatchObject({ status: 'warning', triageNote: triageReason });
      const warning = await api<ApiWarning>(page, `/api/warnings/${warningId}`);
      expect(warning).toMatchObject({ signalId, status: 'raised' });

      await page
        .getByRole('link', { name: `Open warning ${warningId}` })
        .first()
        .click();
      await page.getByRole('heading', { level: 1, name: warning.title }).waitFor();
      await page.getByText(triageReason).waitFor();
    });

    it('shows a viewer the signal without the triage form', async () => {
      await signOut(page);
      await signIn(page, instance.users.viewer);
      await page.goto(`${instance.url}/signals/${signalId}`);
      await page.getByTestId('read-only').waitFor();
      expect(await page.getByRole('button', { name: 'Record the decision' }).count()).toBe(0);
      await signOut(page);
    });
  });

  describe('a decision-maker acknowledges and decides', () => {
    it('lists what waits for a step, overdue and escalated items first and marked', async () => {
      await signIn(page, instance.users['decision-maker']);
      await page.goto(`${instance.url}/warnings`);
      await page.getByRole('heading', { level: 1, name: 'Warnings' }).waitFor();
      const rows = page.locator('[data-testid="warning-inbox"] tbody tr');
      await expect.poll(() => rows.count()).toBe(3);
      // Seeded above: overdue by 6 h, and escalated once with the new deadline 2 h past (plus the minutes the test took).
      expect(await rows.nth(0).textContent()).toMatch(/Acknowledgement overdue by 6 hr( \d+ min)?/);
      expect(await rows.nth(1).textContent()).toMatch(/Acknowledgement overdue by 2 hr( \d+ min)?.*Escalated to tier 1/);
      const { title } = await api<ApiWarning>(page, `/api/warnings/${warningId}`);
      expect(await rows.nth(2).textContent()).toContain(title);
      expect(await rows.nth(2).textContent()).toMatch(/left to acknowledge/);
      expect(
        await page
          .locator('.time-left .overdue')
          .first()
          .evaluate((el) => getComputedStyle(el).color),
      ).toBe('rgb(180, 35, 24)');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshotBothWidths(page, 'warnings');
    });

    it('acknowledges the warning raised from the signal', async () => {
      const { title } = await api<ApiWarning>(page, `/api/warnings/${warningId}`);
      await page.getByRole('link', { name: title, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page
        .getByText(/left to acknowledge/)
        .first()
        .waitFor();
      await page.getByRole('button', { name: 'Acknowledge' }).click();
      await page.getByText('Acknowledged. The decision is next.').waitFor();
      expect((await api<ApiWarning>(page, `/api/warnings/${warningId}`)).status).toBe('acknowledged');
    });

    it('decides with a reason, kept in the warning’s history', async () => {
      await page.getByRole('radio', { name: /^Act/ }).check();
      await page.getByRole('button', { name: 'Record the decision' }).click();
      await page.getByText('Write the reason for the decision.').waitFor();
      await page.getByLabel('Reason').fill(decisionReason);
      await page.getByRole('button', { name: 'Record the decision' }).click();
      await page.getByText('Decision recorded: Act.').waitFor();

      const warning = await api<ApiWarning>(page, `/api/warnings/${warningId}`);
      expect(warning.status).toBe('decided');
      expect(warning.log.find((entry) => entry.action === 'decided')).toMatchObject({
        by: 'decision-maker',
        detail: { decision: 'act', reason: decisionReason },
      });
      const history = page.getByTestId('warning-log');
      await expect.poll(() => history.textContent()).toContain('Decided: Act');
      expect(await history.textContent()).toContain(decisionReason);
    });

    it('records a recommended protection measure', async () => {
      const add = page
        .getByTestId('measures-recommended')
        .getByRole('button', { name: /^Add: / })
        .first();
      const title = ((await add.textContent()) ?? '').replace(/^Add: /, '');
      await add.click();
      await page.getByLabel('Owner').fill('AU special envoy');
      await page.getByRole('button', { name: 'Add the measure' }).click();
      await page.getByText(`Added: ${title}.`).waitFor();
      const warning = await api<ApiWarning>(page, `/api/warnings/${warningId}`);
      expect(warning.measures).toMatchObject([{ title, owner: 'AU special envoy' }]);
      expect(warning.status).toBe('measures');
      await expect.poll(() => page.getByTestId('measures-taken').textContent()).toContain(title);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshotBothWidths(page, 'warning', () => page.evaluate(() => window.scrollTo(0, 0)));
    });

    it('reads right to left in Arabic', async () => {
      await page.goto(`${instance.url}/warnings`);
      await page.getByLabel('Language').selectOption('ar');
      await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      await page.getByRole('heading', { level: 1, name: 'الإنذارات' }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
    });
  });
});
