import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeWithSharedData, sharedData } from '../../test-support/shared-data.js';
import { GED_COLUMNS } from '../ucdp/ucdp-columns.js';
import { json, startTestServer, type TestReply, type TestServer } from './test-server.js';
import { downloadUcdpApi } from './ucdp-api.js';
import { gedRecord } from './ucdp-api-page.js';

const fixture = async (name: string): Promise<unknown> =>
  JSON.parse(await readFile(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as unknown;
const pages = async (): Promise<unknown[]> => Promise.all([0, 1, 2].map((p) => fixture(`ucdp-gedevents-23.1-page${p}.json`)));

let dir: string;
let server: TestServer | undefined;
const noSleep = async (): Promise<void> => undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tocsin-ucdp-api-'));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await rm(dir, { recursive: true, force: true });
});

/** Serves the recorded pages by `page=` number on the events path of the given version. */
async function serveRecordedPages(version = '23.1', before?: (n: number) => TestReply | undefined): Promise<TestServer> {
  const recorded = await pages();
  let n = 0;
  server = await startTestServer((req) => {
    const early = before?.(++n);
    if (early) return early;
    const url = new URL(req.url, 'http://x');
    if (url.pathname !== `/api/gedevents/${version}`) return { status: 404 };
    return json(recorded[Number(url.searchParams.get('page'))] ?? { error: 'no such page' });
  });
  return server;
}

const readCsv = async (file: string): Promise<string[][]> =>
  Papa.parse<string[]>(await readFile(file, 'utf8'), { skipEmptyLines: true }).data;

describe('downloadUcdpApi', () => {
  it('pages until NextPageUrl is empty and writes a 49-column GED CSV with every event', async () => {
    const s = await serveRecordedPages();
    const result = await downloadUcdpApi({ version: '23.1', token: 'tok-123', pageSize: 3, dir, baseUrl: s.url, sleep: noSleep });

    expect(s.requests.map((r) => r.url)).toEqual([0, 1, 2].map((p) => `/api/gedevents/23.1?pagesize=3&page=${p}`));
    expect(result).toMatchObject({ rows: 8, pages: 3, totalCount: 8, missingColumns: [], extraFields: [] });
    const records = await readCsv(result.file);
    expect(records[0]).toEqual([...GED_COLUMNS]);
    expect(records).toHaveLength(9);
    expect(records.slice(1).map((r) => r[0])).toEqual([
      '300380',
      '21300',
      '448810',
      '461369',
      '239436',
      '370730',
      '180975',
      '194704',
    ]);
    expect(await readdir(dir)).toEqual(['ucdp-gedevents-23.1.csv']);
  });

  it('sends the token in the x-ucdp-access-token header on every page, never in the URL', async () => {
    const s = await serveRecordedPages();
    await downloadUcdpApi({ version: '23.1', token: 'tok-123', pageSize: 3, dir, baseUrl: s.url, sleep: noSleep });
    expect(s.requests.map((r) => r.headers['x-ucdp-access-token'])).toEqual(['tok-123', 'tok-123', 'tok-123']);
    expect(s.requests.every((r) => !r.url.includes('tok-123'))).toBe(true);
  });

  it('takes the token from UCDP_API_TOKEN when no option is given, and turns filters into query parameters', async () => {
    const s = await serveRecordedPages();
    await downloadUcdpApi({
      version: '23.1',
      pageSize: 3,
      dir,
      baseUrl: s.url,
      env: { UCDP_API_TOKEN: 'from-env' },
      filters: { country: [482, 483], startDate: '2020-01-01', endDate: '2020-12-31', typeOfViolence: [3] },
    });
    const first = new URL(s.requests[0]?.url ?? '', 'http://x');
    expect(s.requests[0]?.headers['x-ucdp-access-token']).toBe('from-env');
    expect(Object.fromEntries(first.searchParams)).toEqual({
      pagesize: '3',
      page: '0',
      Country: '482,483',
      StartDate: '2020-01-01',
      EndDate: '2020-12-31',
      TypeOfViolence: '3',
    });
  });

  it('explains a 401 by naming UCDP_API_TOKEN, without echoing the token, and leaves no file', async () => {
    server = await startTestServer(() => ({ status: 401, body: 'Invalid token tok-secret' }));
    const run = downloadUcdpApi({ version: '25.1', token: 'tok-secret', dir, baseUrl: server.url, sleep: noSleep });
    await expect(run).rejects.toMatchObject({ code: 'unauthenticated', message: expect.stringContaining('UCDP_API_TOKEN') });
    await expect(run).rejects.toSatisfy((e: Error) => !e.message.includes('tok-secret'));
    expect(await readdir(dir)).toEqual([]);
  });

  it('says a token is required when none was configured', async () => {
    server = await startTestServer(() => ({ status: 401 }));
    await expect(downloadUcdpApi({ version: '25.1', dir, env: {}, baseUrl: server.url, sleep: noSleep })).rejects.toMatchObject({
      message: expect.stringMatching(/requires an access token \(HTTP 401\); set UCDP_API_TOKEN/),
    });
    expect(server.requests[0]?.headers['x-ucdp-access-token']).toBeUndefined();
  });

  it('retries a 429 with back-off and then succeeds', async () => {
    const waits: number[] = [];
    const s = await serveRecordedPages('23.1', (n) => (n === 1 ? { status: 429 } : undefined));
    const result = await downloadUcdpApi({
      version: '23.1',
      token: 't',
      pageSize: 3,
      dir,
      baseUrl: s.url,
      sleep: async (ms) => void waits.push(ms),
    });
    expect(result.rows).toBe(8);
    expect(s.requests).toHaveLength(4);
    expect(waits).toEqual([1000]);
  });

  it('gives up after 3 tries on a server that keeps failing', async () => {
    server = await startTestServer(() => ({ status: 503, body: 'down' }));
    await expect(
      downloadUcdpApi({ version: '25.1', token: 't', dir, baseUrl: server.url, sleep: noSleep }),
    ).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/HTTP 503/),
    });
    expect(server.requests).toHaveLength(3);
  });

  it('reports an unknown version as not found', async () => {
    const s = await serveRecordedPages('23.1');
    await expect(downloadUcdpApi({ version: '99.1', token: 't', dir, baseUrl: s.url, sleep: noSleep })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('refuses a page that is not in the API format, naming the field', async () => {
    server = await startTestServer(() =>
      json({ TotalCount: 1, TotalPages: 1, NextPageUrl: '', Result: [{ id: 1, best: { n: 2 } }] }),
    );
    await expect(
      downloadUcdpApi({ version: '25.1', token: 't', dir, baseUrl: server.url, sleep: noSleep }),
    ).rejects.toMatchObject({
      code: 'invalid_format',
      message: expect.stringContaining('result.0.best'),
    });
  });

  it('stops when NextPageUrl does not advance instead of looping', async () => {
    server = await startTestServer(() =>
      json({ TotalCount: 9, TotalPages: 3, NextPageUrl: 'https://ucdpapi.pcr.uu.se/api/gedevents/25.1?page=0', Result: [] }),
    );
    await expect(
      downloadUcdpApi({ version: '25.1', token: 't', dir, baseUrl: server.url, sleep: noSleep }),
    ).rejects.toMatchObject({
      code: 'invalid_format',
    });
  });

  it('refuses a page size above the API ceiling of 1000 before any request', async () => {
    await expect(downloadUcdpApi({ version: '25.1', pageSize: 5000, dir, sleep: noSleep })).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });
});

describe('gedRecord', () => {
  it('matches API field names regardless of case and writes booleans, nulls and midnight dates the GED way', () => {
    const record = gedRecord({ ID: 7, Active_Year: false, DATE_START: '2024-02-01T00:00:00', gwnob: null, Latitude: -9.65 });
    expect(record[GED_COLUMNS.indexOf('id')]).toBe('7');
    expect(record[GED_COLUMNS.indexOf('active_year')]).toBe('0');
    expect(record[GED_COLUMNS.indexOf('date_start')]).toBe('2024-02-01');
    expect(record[GED_COLUMNS.indexOf('gwnob')]).toBe('');
    expect(record[GED_COLUMNS.indexOf('latitude')]).toBe('-9.65');
    expect(record).toHaveLength(49);
  });
});

describeWithSharedData('downloadUcdpApi against the shared GED sample', () => {
  it('writes the same header and, for the recorded events, the same values as ged231_sample1000.csv', async () => {
    const s = await serveRecordedPages();
    const result = await downloadUcdpApi({ version: '23.1', token: 't', pageSize: 3, dir, baseUrl: s.url, sleep: noSleep });
    const sample = Papa.parse<string[]>(await readFile(sharedData('events/ucdp/ged231_sample1000.csv'), 'utf8'), {
      skipEmptyLines: true,
    }).data;
    const ours = await readCsv(result.file);
    expect(ours[0]).toEqual(sample[0]);
    const byId = new Map(sample.slice(1).map((r) => [r[0], r]));
    for (const row of ours.slice(1)) expect(row).toEqual(byId.get(row[0]));
  });
});
