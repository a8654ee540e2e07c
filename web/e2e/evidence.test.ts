import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyBundle } from '../../src/evidence/bundle/verify-bundle.js';
import { listDisclosures } from '../../src/evidence/bundle/disclosures.repository.js';
import { readCustodyChain } from '../../src/evidence/custody/custody.repository.js';
import { getEvidenceItem } from '../../src/evidence/evidence.repository.js';
import { createTestInstance, type TestInstance } from '../../src/test-support/instance.js';
import {
  describeInBrowser,
  openBrowser,
  screenshotBothWidths,
  seriousAxeViolations,
  signIn,
  signOut,
  type Browser,
} from './browser.js';

// A small PDF-looking statement: the locker detects the type from the bytes, not the name.
const STATEMENT = Buffer.from('%PDF-1.4\n% witness statement, Bangui, 3 May\n1 0 obj << >> endobj\n%%EOF\n');
const STATEMENT_SHA256 = createHash('sha256').update(STATEMENT).digest('hex');

describeInBrowser(
  'evidence locker in Chromium',
  () => {
    let instance: TestInstance;
    let browser: Browser;
    let page: Page;
    let itemId: number;

    beforeAll(async () => {
      instance = await createTestInstance();
      browser = await openBrowser();
      page = browser.page;
      await page.goto(`${instance.url}/evidence`);
      await signIn(page, instance.users.investigator);
    });

    afterAll(async () => {
      await browser?.close();
      await instance?.close();
    });

    it('uploads an original and shows the SHA-256 the server computed', async () => {
      await page.getByRole('heading', { level: 1, name: 'Evidence locker' }).waitFor();
      await page.getByLabel('File', { exact: true }).setInputFiles({
        name: 'statement.pdf',
        mimeType: 'application/pdf',
        buffer: STATEMENT,
      });
      await page.getByLabel('Source URL').fill('https://example.org/post/1');
      await page.getByLabel('Capture tool').fill('SingleFile');
      await page.getByLabel('Why it was collected').fill('witness statement handed over in person');
      await page.getByRole('button', { name: 'Upload' }).click();

      const result = page.getByRole('status').filter({ hasText: 'SHA-256 computed by the server' });
      await expect.poll(() => result.textContent()).toMatch(/Stored as item \d+\./);
      expect(await page.getByTestId('server-sha256').textContent()).toBe(STATEMENT_SHA256);
      itemId = Number(/item (\d+)/.exec((await result.textContent()) ?? '')?.[1]);

      const stored = await getEvidenceItem(instance.db, itemId);
      expect(stored).toMatchObject({
        sha256: STATEMENT_SHA256,
        sizeBytes: STATEMENT.length,
        mediaType: 'application/pdf',
        originalName: 'statement.pdf',
        sourceUrl: 'https://example.org/post/1',
        captureTool: 'SingleFile',
        collector: 'investigator',
      });
      const row = page.getByTestId('evidence-table').getByRole('row').filter({ hasText: 'statement.pdf' });
      await expect.poll(() => row.textContent()).toContain('Intact (1 entry)');
      expect(await row.textContent()).toContain(STATEMENT_SHA256.slice(0, 16));
    });

    it('has no serious accessibility violations on the locker', async () => {
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    it('opens the item with its record and chain of custody', async () => {
      await page.getByRole('link', { name: `Open item ${itemId}` }).click();
      await page.getByRole('heading', { level: 1, name: /statement\.pdf/ }).waitFor();
      const timeline = page.getByTestId('custody-timeline');
      await expect.poll(() => timeline.getByRole('listitem').count()).toBe(1);
      expect(await timeline.textContent()).toContain('Collected');
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Intact' }).textContent()).toContain('(1 entry)');
      expect(await page.locator('.evidence-record').textContent()).toContain(STATEMENT_SHA256);
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    it('downloads the original byte for byte, and the download joins the chain', async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Download the original' }).click(),
      ]);
      const bytes = readFileSync(await download.path());
      expect(bytes.equals(STATEMENT)).toBe(true);
      expect(download.suggestedFilename()).toBe('statement.pdf');

      const timeline = page.getByTestId('custody-timeline');
      await expect.poll(() => timeline.getByRole('listitem').count(), { timeout: 10_000 }).toBe(2);
      expect(await timeline.getByRole('listitem').nth(1).textContent()).toContain('Viewed (downloaded)');
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Intact' }).textContent()).toContain('(2 entries)');
      const chain = await readCustodyChain(instance.db, itemId);
      expect(chain.map((e) => [e.action, e.actor])).toEqual([
        ['collected', 'investigator'],
        ['viewed', 'investigator'],
      ]);
    });

    it('discloses the item as a signed bundle that verifies offline', async () => {
      await page.getByLabel('Recipient').fill('Commission of Inquiry on the CAR');
      await page.getByLabel('Purpose').fill('Bangui events of May');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Make the bundle and download it' }).click(),
      ]);
      const report = await verifyBundle(await download.path());
      expect(report).toMatchObject({ intact: true, problems: [], recipient: 'Commission of Inquiry on the CAR', items: 1 });
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'made and downloaded' }).count()).toBe(1);
      const [disclosure] = await listDisclosures(instance.db, { limit: 10 });
      expect(disclosure).toMatchObject({ recipient: 'Commission of Inquiry on the CAR', itemIds: [itemId] });
      const sha = createHash('sha256')
        .update(readFileSync(await download.path()))
        .digest('hex');
      expect(disclosure!.bundleSha256).toBe(sha);
      await expect.poll(() => page.getByTestId('disclosures-table').textContent()).toContain('Commission of Inquiry on the CAR');
      const timeline = page.getByTestId('custody-timeline');
      await expect.poll(() => timeline.getByRole('listitem').count()).toBe(3);
      expect(await timeline.getByRole('listitem').nth(2).textContent()).toContain('Exported in a disclosure');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshotBothWidths(page, 'evidence', () => page.evaluate(() => window.scrollTo(0, 0)));
    });

    it('reads right to left in Arabic', async () => {
      await page.getByLabel('Language').selectOption('ar');
      await page.getByRole('link', { name: 'كل الأدلة' }).click();
      await page.getByRole('heading', { level: 1, name: 'خزانة الأدلة' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.locator('.app-header .language-menu select').selectOption('en');
    });

    it('is not offered to an analyst, and refused if asked for', async () => {
      await signOut(page);
      await signIn(page, instance.users.analyst);
      expect(await page.getByRole('navigation').getByRole('link', { name: 'Evidence' }).count()).toBe(0);
      await page.goto(`${instance.url}/evidence/${itemId}`);
      await expect.poll(() => page.getByRole('alert').textContent()).toBe('Your role does not give access to this page.');
      expect(await page.locator('.evidence-record').count()).toBe(0);
    });
  },
  { needsSharedData: false },
);
