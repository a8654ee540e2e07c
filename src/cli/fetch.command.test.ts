import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../core/paths.js';
import { json, startTestServer, type TestServer } from '../ingest/connectors/test-server.js';

const run = promisify(execFile);
const pageFile = (n: number) => join(PACKAGE_ROOT, 'src/ingest/connectors/fixtures', `ucdp-gedevents-23.1-page${n}.json`);

describe('tocsin fetch ucdp-api (against a local server in the UCDP API format)', () => {
  let server: TestServer;
  const dataDir = mkdtempSync(join(tmpdir(), 'tocsin-fetch-'));
  const tocsin = (args: string[], env: Record<string, string> = {}) =>
    run(join(PACKAGE_ROOT, 'node_modules/.bin/tsx'), [join(PACKAGE_ROOT, 'src/cli/main.ts'), '--data-dir', dataDir, ...args], {
      env: { ...process.env, DATABASE_URL: '', ...env },
    });

  beforeAll(async () => {
    const pages = [0, 1, 2].map((n) => JSON.parse(readFileSync(pageFile(n), 'utf8')) as unknown);
    server = await startTestServer((req) => {
      if (req.headers['x-ucdp-access-token'] !== 'test-token') return { status: 401, body: 'token required' };
      const page = Number(new URL(req.url, 'http://x').searchParams.get('page'));
      return json(pages[page] ?? { error: 'no such page' });
    });
  });
  afterAll(() => server.close());

  it('downloads every page, then imports the events like a file, idempotently', async () => {
    const args = ['fetch', 'ucdp-api', '--ged-version', '23.1', '--base-url', server.url];
    const first = await tocsin(args, { UCDP_API_TOKEN: 'test-token' });
    expect(first.stdout).toMatch(/downloaded 8 events in 3 pages/);
    expect(first.stdout).toMatch(/8 new, 0 changed/);
    expect(server.requests.every((r) => r.headers['x-ucdp-access-token'] === 'test-token')).toBe(true);
    const again = await tocsin(args, { UCDP_API_TOKEN: 'test-token' });
    expect(again.stdout).toMatch(/0 new, 0 changed, 8 unchanged/);
  });

  it('names the environment variable when the token is refused', async () => {
    const failed = await tocsin(['fetch', 'ucdp-api', '--ged-version', '23.1', '--base-url', server.url], {
      UCDP_API_TOKEN: 'wrong',
    }).catch((e: { stderr: string; code: number }) => e);
    expect('code' in failed && failed.code).toBe(5);
    expect((failed as { stderr: string }).stderr).toMatch(/UCDP_API_TOKEN/);
  });
});
