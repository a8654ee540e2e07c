import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACLED_2023_COLUMNS } from './acled-columns.js';
import { downloadAcled } from './acled-api.js';
import { json, startTestServer, type RecordedRequest, type TestReply, type TestServer } from './test-server.js';

const fixture = async (name: string): Promise<{ data: unknown[] } & Record<string, unknown>> =>
  JSON.parse(await readFile(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as { data: unknown[] };

const env = { ACLED_EMAIL: 'analyst@example.org', ACLED_PASSWORD: 'pa$$ word&=1' };
const noSleep = async (): Promise<void> => undefined;
let dir: string;
let server: TestServer | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tocsin-acled-'));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await rm(dir, { recursive: true, force: true });
});

/** Token endpoint plus data pages served by `page=` (1-based); anything else is a 404. */
async function serveAcled(dataPages: unknown[], override?: (req: RecordedRequest) => TestReply | undefined): Promise<TestServer> {
  const token = await fixture('acled-token.json');
  server = await startTestServer((req) => {
    const early = override?.(req);
    if (early) return early;
    const url = new URL(req.url, 'http://x');
    if (req.method === 'POST' && url.pathname === '/oauth/token') return json(token);
    if (req.method === 'GET' && url.pathname === '/api/acled/read') {
      return json(dataPages[Number(url.searchParams.get('page')) - 1] ?? { status: 200, success: true, count: 0, data: [] });
    }
    return { status: 404 };
  });
  return server;
}

const dataRequests = (s: TestServer): RecordedRequest[] => s.requests.filter((r) => r.url.startsWith('/api/acled/read'));
const readCsv = async (file: string): Promise<string[][]> =>
  Papa.parse<string[]>(await readFile(file, 'utf8'), { skipEmptyLines: true }).data;

describe('downloadAcled', () => {
  it('logs in with the OAuth password grant and sends the bearer token on the data request', async () => {
    const s = await serveAcled([await fixture('acled-read-page2.json')]);
    await downloadAcled({ dir, env, baseUrl: s.url, sleep: noSleep });

    const tokenRequest = s.requests[0];
    expect(tokenRequest?.method).toBe('POST');
    expect(tokenRequest?.url).toBe('/oauth/token');
    expect(tokenRequest?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(tokenRequest?.body))).toEqual({
      username: 'analyst@example.org',
      password: 'pa$$ word&=1',
      grant_type: 'password',
      client_id: 'acled',
    });
    const data = dataRequests(s)[0];
    expect(data?.headers.authorization).toBe('Bearer fixture-access-token-not-a-real-one');
    expect(Object.fromEntries(new URL(data?.url ?? '', 'http://x').searchParams)).toEqual({
      _format: 'json',
      limit: '5000',
      page: '1',
    });
  });

  it('pages until a page returns fewer rows than the limit and writes the 2023 layout', async () => {
    const s = await serveAcled([await fixture('acled-read-page1.json'), await fixture('acled-read-page2.json')]);
    const result = await downloadAcled({ dir, env, limit: 2, baseUrl: s.url, sleep: noSleep });

    expect(dataRequests(s).map((r) => new URL(r.url, 'http://x').searchParams.get('page'))).toEqual(['1', '2']);
    expect(result).toEqual({ file: join(dir, 'acled-events.csv'), rows: 3, pages: 2 });
    const records = await readCsv(result.file);
    expect(records[0]).toEqual([...ACLED_2023_COLUMNS]);
    expect(records).toHaveLength(4);
    const col = (name: (typeof ACLED_2023_COLUMNS)[number]): number => ACLED_2023_COLUMNS.indexOf(name);
    expect(records[1]?.[col('notes')]).toContain('"gunmen" attacked a village, killing 3.\nSecond line.');
    expect(records[2]?.[col('admin3')]).toBe('');
    expect(records[2]?.[col('timestamp')]).toBe('1710115200');
    expect(records[3]?.[col('event_id_cnty')]).toBe('SDN90003');
  });

  it('asks for one more page when the last full page ends exactly on the limit', async () => {
    const full = await fixture('acled-read-page1.json');
    const s = await serveAcled([full, full]);
    const result = await downloadAcled({ dir, env, limit: 2, baseUrl: s.url, sleep: noSleep });
    expect(dataRequests(s)).toHaveLength(3);
    expect(result.rows).toBe(4);
  });

  it('turns country and dates into ACLED filters, closing an open range with the injected today', async () => {
    const s = await serveAcled([]);
    await downloadAcled({
      dir,
      env,
      country: ['Sudan', 'South Sudan'],
      from: '2024-01-01',
      today: () => '2024-06-30',
      baseUrl: s.url,
    });
    const query = new URL(dataRequests(s)[0]?.url ?? '', 'http://x').searchParams;
    expect(query.get('country')).toBe('Sudan|South Sudan');
    expect(query.get('event_date')).toBe('2024-01-01|2024-06-30');
    expect(query.get('event_date_where')).toBe('BETWEEN');
  });

  it('names the missing variables and sends nothing when credentials are absent', async () => {
    const s = await serveAcled([]);
    await expect(downloadAcled({ dir, env: {}, baseUrl: s.url })).rejects.toMatchObject({
      code: 'unauthenticated',
      message: expect.stringContaining('set ACLED_EMAIL and ACLED_PASSWORD'),
    });
    expect(s.requests).toHaveLength(0);
  });

  it('explains that a legacy access key no longer works', async () => {
    await expect(downloadAcled({ dir, env: { ACLED_EMAIL: 'a@b.org', ACLED_API_KEY: 'k' } })).rejects.toMatchObject({
      message: expect.stringMatching(/set ACLED_PASSWORD .*ACLED_API_KEY is set, but ACLED retired access keys/),
    });
  });

  it('reports a refused login without ever showing the password', async () => {
    const s = await serveAcled([], (req) =>
      req.url === '/oauth/token' ? { status: 401, body: `bad password pa$$ word&=1` } : undefined,
    );
    const run = downloadAcled({ dir, env, baseUrl: s.url, sleep: noSleep });
    await expect(run).rejects.toMatchObject({
      code: 'unauthenticated',
      message: expect.stringContaining('ACLED_EMAIL/ACLED_PASSWORD'),
    });
    await expect(run).rejects.toSatisfy((e: Error) => !e.message.includes('pa$$ word'));
    expect(await readdir(dir)).toEqual([]);
  });

  it('says the account lacks API access on a 403 for data, without showing the token', async () => {
    const s = await serveAcled([], (req) =>
      req.url.startsWith('/api/acled/read') ? { status: 403, body: 'denied for fixture-access-token-not-a-real-one' } : undefined,
    );
    const run = downloadAcled({ dir, env, baseUrl: s.url, sleep: noSleep });
    await expect(run).rejects.toMatchObject({ code: 'forbidden', message: expect.stringContaining('lack API access') });
    await expect(run).rejects.toSatisfy((e: Error) => !e.message.includes('fixture-access-token'));
  });

  it('retries a rate-limited data page, then continues', async () => {
    let limited = false;
    const s = await serveAcled([await fixture('acled-read-page2.json')], (req) => {
      if (!req.url.startsWith('/api/acled/read') || limited) return undefined;
      limited = true;
      return { status: 429, headers: { 'retry-after': '1' } };
    });
    const waits: number[] = [];
    const result = await downloadAcled({ dir, env, baseUrl: s.url, sleep: async (ms) => void waits.push(ms) });
    expect(result.rows).toBe(1);
    expect(waits).toEqual([1000]);
  });

  it('refuses a 200 answer that says success=false', async () => {
    const s = await serveAcled([{ status: 403, success: false, error: { message: 'Access denied' } }]);
    await expect(downloadAcled({ dir, env, baseUrl: s.url, sleep: noSleep })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('refuses a limit above 5000, which a server-side cap would silently truncate', async () => {
    await expect(downloadAcled({ dir, env, limit: 10_000 })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
