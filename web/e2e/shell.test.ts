import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestInstance, type TestInstance } from '../../src/test-support/instance.js';
import { describeInBrowser, openBrowser, seriousAxeViolations, signIn, signOut, type Browser } from './browser.js';

const navLinks = (page: Page) => page.getByRole('navigation', { name: /.+/ }).getByRole('link').allTextContents();
const pathOf = (page: Page) => new URL(page.url()).pathname;

describeInBrowser(
  'the app shell in Chromium: start pages, navigation by role, languages, keyboard',
  () => {
    let instance: TestInstance;
    let browser: Browser;
    let page: Page;

    beforeAll(async () => {
      instance = await createTestInstance();
      browser = await openBrowser();
      page = browser.page;
    });

    afterAll(async () => {
      await browser?.close();
      await instance?.close();
    });

    it('can be used with the keyboard alone: sign in, reach a page through the navigation', async () => {
      await page.goto(`${instance.url}/`);
      await page.getByLabel('Username').waitFor();
      // The username field has the focus on arrival; no mouse from here on.
      await page.keyboard.type(instance.users.analyst.username);
      await page.keyboard.press('Tab');
      await page.keyboard.type(instance.users.analyst.password);
      await page.keyboard.press('Enter');
      await page.locator('.app-header .role-badge').waitFor();
      await expect.poll(() => pathOf(page)).toBe('/watchlist');
      let reached = '';
      for (let presses = 0; presses < 20 && reached !== 'Signals'; presses++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(() => document.activeElement?.textContent ?? '');
      }
      expect(reached).toBe('Signals');
      await page.keyboard.press('Enter');
      await expect.poll(() => pathOf(page)).toBe('/signals');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      await signOut(page);
    });

    it('asks for sign-in at any address, and the sign-in page passes axe', async () => {
      await page.goto(`${instance.url}/signals`);
      await page.getByLabel('Password').waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    it('keeps the address asked for through sign-in', async () => {
      await signIn(page, instance.users.analyst);
      expect(pathOf(page)).toBe('/signals');
      await signOut(page);
    });

    it('sends each role from / to its start page and shows only the pages its role may open', async () => {
      await page.goto(`${instance.url}/`);
      await signIn(page, instance.users.monitor);
      await expect.poll(() => pathOf(page)).toBe('/reports/new');
      expect(await navLinks(page)).toEqual(['Report an incident']);
      await signOut(page);

      await page.goto(`${instance.url}/`);
      await signIn(page, instance.viewer);
      await expect.poll(() => pathOf(page)).toBe('/watchlist');
      const viewerLinks = await navLinks(page);
      expect(viewerLinks).toContain('Watchlist');
      expect(viewerLinks).not.toContain('Imports');
      expect(viewerLinks).not.toContain('Evidence');
    });

    it('refuses a page the role may not open, and says so', async () => {
      await page.goto(`${instance.url}/imports`);
      await expect.poll(() => page.getByRole('alert').textContent()).toBe('Your role does not give access to this page.');
    });

    it('answers an unknown address with a page that leads back, clean under axe', async () => {
      await page.goto(`${instance.url}/no/such/page`);
      await page.getByRole('heading', { name: 'Page not found' }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.getByRole('link', { name: 'Go to the start page' }).click();
      await expect.poll(() => pathOf(page)).toBe('/watchlist');
    });

    it('offers a skip link as the first stop of the keyboard, which moves focus to the page', async () => {
      await page.goto(`${instance.url}/events`);
      await page.locator('.app-header .role-badge').waitFor();
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    });

    it('switches to Arabic right to left, remembers it across a reload, and back to English', async () => {
      await page.getByLabel('Language').selectOption('ar');
      await expect
        .poll(() => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]))
        .toEqual(['ar', 'rtl']);
      const arabicLinks = await navLinks(page);
      expect(arabicLinks.every((text) => /[\u0600-\u06FF]/.test(text))).toBe(true);
      expect(await seriousAxeViolations(page)).toEqual([]);

      await page.reload();
      await page.locator('.app-header .role-badge').waitFor();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');

      await page.locator('.language-menu select').selectOption('en');
      await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('ltr');
      expect(await navLinks(page)).toContain('Watchlist');
    });

    it('speaks all six UN languages: Chinese and Russian left to right, every navigation label translated', async () => {
      for (const [locale, script] of [
        ['zh', /[\u4E00-\u9FFF]/],
        ['ru', /[\u0400-\u04FF]/],
      ] as const) {
        await page.locator('.language-menu select').selectOption(locale);
        await expect
          .poll(() => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]))
          .toEqual([locale, 'ltr']);
        const links = await navLinks(page);
        expect(links.length).toBeGreaterThan(3);
        expect(links.every((text) => script.test(text))).toBe(true);
        expect(await seriousAxeViolations(page)).toEqual([]);
      }
      await page.locator('.language-menu select').selectOption('en');
    });

    it('opens in the browser language when the user has not chosen one', async () => {
      const french = await openBrowser({ locale: 'fr-FR' });
      try {
        await french.page.goto(instance.url);
        await expect.poll(() => french.page.evaluate(() => document.documentElement.lang)).toBe('fr');
        await french.page.getByRole('button', { name: 'Se connecter' }).waitFor();
      } finally {
        await french.close();
      }
    });
  },
  { needsSharedData: false },
);
