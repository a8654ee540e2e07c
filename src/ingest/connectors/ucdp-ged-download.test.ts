import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Zip, ZipDeflate, strToU8, zipSync } from 'fflate';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GED_COLUMNS } from '../ucdp/ucdp-columns.js';
import { startTestServer, type TestReply, type TestServer } from './test-server.js';
import { downloadUcdpGed, gedZipName } from './ucdp-ged-download.js';

/** A tiny GED CSV in the published 49-column layout; one source field holds quotes, a comma and a newline. */
function gedCsv(rows: number): string {
  const lines = [GED_COLUMNS.join(',')];
  for (let i = 1; i <= rows; i++) {
    const values = GED_COLUMNS.map((c) =>
      c === 'id' ? String(1000 + i) : c === 'source_article' ? '"A ""quoted"", two\nlines"' : '1',
    );
    lines.push(values.join(','));
  }
  return `${lines.join('\n')}\n`;
}

const zipOf = (files: Record<string, string>): Uint8Array =>
  zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));

const zipReply = (body: Uint8Array): TestReply => ({ headers: { 'content-type': 'application/zip' }, body });

let dir: string;
let server: TestServer | undefined;
const noSleep = async (): Promise<void> => undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tocsin-ged-'));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await rm(dir, { recursive: true, force: true });
});

const serve = async (reply: (path: string) => TestReply): Promise<TestServer> => {
  server = await startTestServer((req) => reply(req.url));
  return server;
};

describe('gedZipName', () => {
  it('drops the dot of the release number, as UCDP names its archives', () => {
    expect(gedZipName('25.1')).toBe('ged251-csv.zip');
    expect(gedZipName('23.1')).toBe('ged231-csv.zip');
    expect(gedZipName('5.0')).toBe('ged50-csv.zip');
  });
});

describe('downloadUcdpGed', () => {
  it('downloads the release zip and extracts its CSV with the 49-column header and every row', async () => {
    const csv = gedCsv(3);
    const s = await serve((path) =>
      path === '/downloads/ged/ged251-csv.zip' ? zipReply(zipOf({ 'GEDEvent_v25_1.csv': csv })) : { status: 404 },
    );
    const result = await downloadUcdpGed({ version: '25.1', dir, baseUrl: `${s.url}/downloads/ged/` });

    expect(result.file).toBe(join(dir, 'GEDEvent_v25_1.csv'));
    const text = await readFile(result.file, 'utf8');
    expect(text).toBe(csv);
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
    expect(parsed.data[0]).toEqual([...GED_COLUMNS]);
    expect(parsed.data).toHaveLength(4);
    expect(result.bytes).toBe(Buffer.byteLength(csv));
    expect(result.sha256).toBe(createHash('sha256').update(csv).digest('hex'));
    expect(result.zip.url).toBe(`${s.url}/downloads/ged/ged251-csv.zip`);
    expect(result.zip.sha256).toBe(
      createHash('sha256')
        .update(await readFile(result.zip.file))
        .digest('hex'),
    );
    expect((await readdir(dir)).sort()).toEqual(['GEDEvent_v25_1.csv', 'ged251-csv.zip']);
  });

  it('says which version and URL were not found on HTTP 404, and leaves nothing behind', async () => {
    const s = await serve(() => ({ status: 404, body: '<html>Not found</html>' }));
    await expect(downloadUcdpGed({ version: '99.1', dir, baseUrl: s.url })).rejects.toMatchObject({
      code: 'not_found',
      message: `UCDP GED version 99.1 not found at ${s.url}/ged991-csv.zip`,
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a body that is not a zip (an HTML page served with 200)', async () => {
    const s = await serve(() => ({ headers: { 'content-type': 'text/html' }, body: '<!DOCTYPE html><p>maintenance</p>' }));
    await expect(downloadUcdpGed({ version: '25.1', dir, baseUrl: s.url })).rejects.toMatchObject({
      code: 'invalid_format',
      message: expect.stringMatching(/not a valid ZIP archive: it starts with "<!DO"/),
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a corrupt zip whose compressed data was damaged', async () => {
    const zip = zipOf({ 'ged.csv': gedCsv(200) });
    for (let i = 60; i < 120; i++) zip[i] = (zip[i] ?? 0) ^ 0x5a;
    const s = await serve(() => zipReply(zip));
    await expect(downloadUcdpGed({ version: '25.1', dir, baseUrl: s.url })).rejects.toMatchObject({
      code: 'invalid_format',
      message: expect.stringMatching(/corrupt ZIP archive/),
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it('extracts a stored (uncompressed) entry and catches damage there through the CRC-32 check', async () => {
    const csv = gedCsv(5);
    const stored = zipSync({ 'ged.csv': [strToU8(csv), { level: 0 }] });
    let damaged = false;
    const s = await serve(() => {
      if (!damaged) return zipReply(stored);
      const copy = stored.slice();
      copy[80] = (copy[80] ?? 0) ^ 0x01;
      return zipReply(copy);
    });
    expect(await readFile((await downloadUcdpGed({ version: '25.1', dir, baseUrl: s.url })).file, 'utf8')).toBe(csv);
    damaged = true;
    await expect(downloadUcdpGed({ version: '24.1', dir, baseUrl: s.url })).rejects.toMatchObject({
      message: expect.stringMatching(/CRC-32 mismatch/),
    });
  });

  it('stops extracting once an entry outgrows the size its directory announces', async () => {
    const zip = zipOf({ 'ged.csv': gedCsv(100) });
    const view = Buffer.from(zip.buffer, zip.byteOffset, zip.length);
    const central = view.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    view.writeUInt32LE(100, central + 24); // claims 100 bytes uncompressed
    const s = await serve(() => zipReply(zip));
    await expect(downloadUcdpGed({ version: '25.1', dir, baseUrl: s.url })).rejects.toMatchObject({
      message: expect.stringMatching(/more data than the 100 bytes/),
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a truncated zip (no central directory at the end)', async () => {
    const zip = zipOf({ 'ged.csv': gedCsv(50) });
    const s = await serve(() => zipReply(zip.subarray(0, Math.floor(zip.length / 2))));
    await expect(downloadUcdpGed({ version: '25.1', dir, baseUrl: s.url })).rejects.toMatchObject({
      code: 'invalid_format',
      message: expect.stringMatching(/no end-of-central-directory record/),
    });
  });

  it('refuses a zip without a CSV and names what it holds', async () => {
    const s = await serve(() => zipReply(zipOf({ 'README.txt': 'codebook elsewhere' })));
    await expect(downloadUcdpGed({ version: '25.1', dir, baseUrl: s.url })).rejects.toMatchObject({
      code: 'invalid_format',
      message: expect.stringMatching(/has no CSV file \(it holds README\.txt\)/),
    });
  });

  it('picks the CSV beside other files and keeps a hostile entry path inside dir', async () => {
    const s = await serve(() => zipReply(zipOf({ 'README.txt': 'x', '../../escape/GEDEvent_v23_1.csv': gedCsv(2) })));
    const result = await downloadUcdpGed({ version: '23.1', dir, baseUrl: s.url });
    expect(result.file).toBe(join(dir, 'GEDEvent_v23_1.csv'));
    expect(s.requests[0]?.url).toBe('/ged231-csv.zip');
  });

  it('reads archives written in streaming mode (sizes in data descriptors)', async () => {
    const csv = gedCsv(20);
    const parts: Uint8Array[] = [];
    const zip = new Zip((err, chunk) => {
      if (err) throw err;
      parts.push(chunk);
    });
    const entry = new ZipDeflate('ged.csv');
    zip.add(entry);
    entry.push(strToU8(csv), true);
    zip.end();
    const s = await serve(() => zipReply(Buffer.concat(parts)));
    const result = await downloadUcdpGed({ version: '25.1', dir, baseUrl: s.url });
    expect(await readFile(result.file, 'utf8')).toBe(csv);
  });

  it('retries a 503 and then succeeds, waiting through the injected sleep', async () => {
    let calls = 0;
    const waits: number[] = [];
    const s = await serve(() =>
      ++calls === 1 ? { status: 503, headers: { 'retry-after': '2' } } : zipReply(zipOf({ 'g.csv': gedCsv(1) })),
    );
    await downloadUcdpGed({ version: '25.1', dir, baseUrl: s.url, sleep: async (ms) => void waits.push(ms) });
    expect(calls).toBe(2);
    expect(waits).toEqual([2000]);
  });

  it('rejects a malformed version before any request', async () => {
    const s = await serve(() => ({ status: 500 }));
    await expect(downloadUcdpGed({ version: '25', dir, baseUrl: s.url, sleep: noSleep })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect(s.requests).toHaveLength(0);
  });
});
