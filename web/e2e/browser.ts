import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { hasSharedData } from '../../src/test-support/shared-data.js';

/** Shared by the browser tests: Debian's Chromium driven by playwright-core against a real server. */

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BUILT_PAGE = join(ROOT, 'dist/web/index.html');
export const SCREENSHOTS = join(ROOT, 'docs/screenshots');
export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

/**
 * Runs `body` when Chromium (and, if `needsSharedData`, ../shared/data) is here; otherwise skips
 * with a visible notice, except under CI (`CI=true`), where all must be present.
 */
export function describeInBrowser(name: string, body: () => void, options: { needsSharedData?: boolean } = {}): void {
  const missing = [
    !existsSync(CHROMIUM) && `Chromium at ${CHROMIUM} (apt-get install -y chromium)`,
    options.needsSharedData !== false && !hasSharedData() && '../shared/data',
  ].filter((what): what is string => typeof what === 'string');
  if (missing.length === 0) {
    describe(name, body);
    return;
  }
  if (process.env.CI === 'true') {
    describe(name, () => {
      it('has what the browser test needs', () => {
        throw new Error(`missing under CI: ${missing.join(', ')}`);
      });
    });
    return;
  }
  console.warn(`[tocsin tests] NOTICE: skipping "${name}": missing ${missing.join(', ')}`);
  describe.skip(name, body);
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** A fresh Chromium profile (no cookies, English, UTC) with one page open. */
export async function openBrowser(
  options: { viewport?: { width: number; height: number }; locale?: string } = {},
): Promise<Browser> {
  if (!existsSync(BUILT_PAGE)) throw new Error(`${BUILT_PAGE} is missing: run npm run build first`);
  const profile = mkdtempSync(join(tmpdir(), 'tocsin-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? DESKTOP,
    locale: options.locale ?? 'en-GB',
    timezoneId: 'UTC',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function signIn(page: Page, credentials: { username: string; password: string }): Promise<void> {
  await page.getByLabel('Username').fill(credentials.username);
  await page.getByLabel('Password').fill(credentials.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('.app-header .role-badge').waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('Password').waitFor();
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page as it stands and returns the serious
 * and critical violations, each with the elements it found, so a failing test says what to fix.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  // Evaluated through the DevTools protocol, not as a <script>: the app's CSP (rightly) refuses inline scripts.
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations as { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

/** Saves docs/screenshots/<name>-desktop.png and -phone.png of the page as it stands. */
export async function screenshotBothWidths(page: Page, name: string, ready?: () => Promise<void>): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const original = page.viewportSize() ?? DESKTOP;
  for (const [suffix, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    await ready?.();
    await page.waitForTimeout(300); // let layout and map resize settle
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${suffix}.png`) });
  }
  await page.setViewportSize(original);
}
