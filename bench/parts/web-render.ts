import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { ADMIN_PASSWORD, startBenchServer } from '../lib/server.js';
import { BENCH_DIR, CLI_MAIN, ROOT } from '../lib/paths.js';
import { median } from '../lib/stats.js';

const SHARED = join(ROOT, '..', 'shared', 'data');
const CAF = join(SHARED, 'events', 'ucdp', 'ged231_CAF_optgeo.csv');
const WORLD_SAMPLE = join(SHARED, 'events', 'ucdp', 'ged231_sample1000.csv');
const EWP = join(SHARED, 'ewp', 'prepared2024predictors-2025-09-03.csv');
const EWP_LAMBDA = '0.002586428948318162';
const DIST_WEB = join(ROOT, 'dist', 'web');
const CHROMIUM = '/usr/bin/chromium';

/** The pages timed, and the element whose appearance means the page shows its data. */
export const TIMED_PAGES = [
  { name: 'watchlist', path: '/watchlist', ready: '[data-testid="watchlist-table"] tbody tr' },
  {
    name: 'country profile (CAF)',
    path: '/countries/CAF',
    ready: '[data-testid="weekly-chart"], [data-testid="country-forecast"]',
  },
] as const;

export interface PageRenderResult {
  page: string;
  path: string;
  /** Navigation start to the page showing its data (the ranked list; the forecast and chart), median (ms). */
  readyMs: number;
  readyMsRuns: number[];
  /** Navigation start to the map drawn with its boundaries (MapLibre's load event), median (ms). */
  mapReadyMs: number;
  /** First contentful paint, median (ms). */
  firstContentfulPaintMs: number;
  /** Bytes the browser fetched for the page (all requests, transfer size), first run. */
  transferredKb: number;
}

export interface WebRenderResult {
  events: number;
  eventYears: string;
  runs: number;
  cache: 'cold (a fresh browser context per run)';
  pages: PageRenderResult[];
  bundle: BundleSizes;
}

export interface BundleSizes {
  /** Everything under dist/web/assets. */
  totalKb: number;
  totalGzipKb: number;
  /** What index.html loads before any page: the entry script and CSS. */
  entryKb: number;
  entryGzipKb: number;
  /** The largest chunk (MapLibre), loaded only by pages with a map. */
  largestChunk: { file: string; kb: number; gzipKb: number };
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

function cli(args: string[], dataDir: string): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI_MAIN, '--data-dir', dataDir, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, TOCSIN_ADMIN_PASSWORD: ADMIN_PASSWORD },
  });
  if (r.status !== 0) throw new Error(`tocsin ${args.join(' ')} failed (${r.status}):\n${r.stderr.slice(-2000)}`);
  return r.stdout;
}

export function bundleSizes(): BundleSizes {
  const assets = join(DIST_WEB, 'assets');
  const files = readdirSync(assets).map((file) => {
    const bytes = readFileSync(join(assets, file));
    return { file, bytes: statSync(join(assets, file)).size, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const index = readFileSync(join(DIST_WEB, 'index.html'), 'utf8');
  const entry = files.filter((f) => index.includes(`/assets/${f.file}`));
  const largest = [...files].sort((a, b) => b.bytes - a.bytes)[0]!;
  const sum = (list: typeof files, key: 'bytes' | 'gzip') => list.reduce((s, f) => s + f[key], 0);
  return {
    totalKb: kb(sum(files, 'bytes')),
    totalGzipKb: kb(sum(files, 'gzip')),
    entryKb: kb(sum(entry, 'bytes')),
    entryGzipKb: kb(sum(entry, 'gzip')),
    largestChunk: { file: largest.file, kb: kb(largest.bytes), gzipKb: kb(largest.gzip) },
  };
}

/**
 * Time to first render of the watchlist and of a country profile with more than 10 years of events
 * (CAF, UCDP GED 1989-2022), on the embedded database, in Debian's Chromium: a store built by the
 * CLI (the CAF file, the 1,000-row world sample, the EWP forecast), the real server in its own
 * process, and `runs` cold page loads each (fresh context: no cache, no service worker).
 */
export async function benchWebRender(runs: number, log: (s: string) => void): Promise<WebRenderResult> {
  if (!existsSync(join(DIST_WEB, 'index.html'))) throw new Error('dist/web is missing: run npm run build:web first');
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}`);
  const dataDir = join(BENCH_DIR, 'pglite-web-render');
  rmSync(dataDir, { recursive: true, force: true });
  log('web-render: building the store (CAF, world sample, EWP forecast)');
  cli(['import', 'ucdp', CAF], dataDir);
  cli(['import', 'ucdp', WORLD_SAMPLE], dataDir);
  cli(['forecast', 'fit', '--input', EWP, '--lambda', EWP_LAMBDA], dataDir);
  const server = await startBenchServer(['--data-dir', dataDir]);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const login = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    const cookie = login.headers.get('set-cookie');
    if (!login.ok || cookie === null) throw new Error(`sign-in failed: HTTP ${login.status}`);
    const [name, value] = cookie.split(';')[0]!.split('=') as [string, string];
    const counts = (await (
      await fetch(`${server.url}/api/events?country=CAF&limit=1&includeTotal=true`, { headers: { cookie: `${name}=${value}` } })
    ).json()) as { total?: number };

    const pages: PageRenderResult[] = [];
    for (const timed of TIMED_PAGES) {
      const readyRuns: number[] = [];
      const fcpRuns: number[] = [];
      const mapRuns: number[] = [];
      let transferred = 0;
      for (let run = 0; run <= runs; run++) {
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
        await context.addCookies([{ name, value, url: server.url }]);
        // Noted inside the page, the moment the element appears: no round trip to this process in the figure.
        // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
        await context.addInitScript(`(() => {
          const selector = ${JSON.stringify(timed.ready)};
          const check = () => {
            if (window.__readyAt === undefined && document.querySelector(selector) !== null) window.__readyAt = performance.now();
            if (window.__mapAt === undefined && document.querySelector('[data-map-ready="true"]') !== null) window.__mapAt = performance.now();
          };
          new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
        })();`);
        const page = await context.newPage();
        let bytes = 0;
        page.on('response', (response) => {
          void response.body().then(
            (b) => (bytes += b.length),
            () => undefined,
          );
        });
        await page.goto(`${server.url}${timed.path}`);
        const readyMs = (await (
          await page.waitForFunction(() => (window as unknown as { __readyAt?: number }).__readyAt, null, { timeout: 60_000 })
        ).jsonValue()) as number;
        const mapMs = (await (
          await page.waitForFunction(() => (window as unknown as { __mapAt?: number }).__mapAt, null, { timeout: 60_000 })
        ).jsonValue()) as number;
        const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN);
        await context.close();
        if (run === 0) continue; // the first load warms the server's caches and the JIT
        if (run === 1) transferred = bytes;
        readyRuns.push(Math.round(readyMs));
        mapRuns.push(Math.round(mapMs));
        fcpRuns.push(Math.round(fcp));
      }
      const result = {
        page: timed.name,
        path: timed.path,
        readyMs: median(readyRuns),
        readyMsRuns: readyRuns,
        mapReadyMs: median(mapRuns),
        firstContentfulPaintMs: median(fcpRuns),
        transferredKb: kb(transferred),
      };
      log(
        `web-render: ${timed.name} data in ${result.readyMs} ms, map in ${result.mapReadyMs} ms (median of ${runs}), FCP ${result.firstContentfulPaintMs} ms`,
      );
      pages.push(result);
    }
    return {
      events: counts.total ?? 0,
      eventYears: '1989-2022 (CAF)',
      runs,
      cache: 'cold (a fresh browser context per run)',
      pages,
      bundle: bundleSizes(),
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}
