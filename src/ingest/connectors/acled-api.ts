import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { TocsinError } from '../../core/errors.js';
import { ACLED_2023_COLUMNS } from './acled-columns.js';
import { acledCredentials, requestAcledToken } from './acled-auth.js';
import { openCsvWriter } from './csv-file-writer.js';
import { formatIssues } from './zod-issues.js';
import { errorSnippet, fetchWithRetry, realSleep, unexpectedStatus, type FetchLike, type Sleep } from './http.js';

/**
 * ACLED's site since the September 2025 move to OAuth: token at `/oauth/token`, events at `/api/acled/read`.
 * Sources: https://acleddata.com/api-documentation/getting-started (OAuth, `/api/acled/read?_format=...`),
 * https://apidocs.acleddata.com/generalities_section.html (formats, `limit`/`page` paging),
 * https://apidocs.acleddata.com/acled_endpoint.html (filters `country`, `event_date` + `event_date_where`).
 */
export const ACLED_BASE = 'https://acleddata.com';
/** The first day ACLED covers; used when only `to` is given. */
const ACLED_FIRST_DAY = '1997-01-01';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const optionsSchema = z.object({
  country: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** At most 5000: more and a server-side cap would end paging early (a short page means the last). */
  limit: z.number().int().min(1).max(5000).default(5000),
});

const cell = z.union([z.string(), z.number(), z.null()]);
/** A page of `GET /api/acled/read?_format=json`: `{ status, success, count, data: [...] }` (other keys ignored). */
const acledPage = z.object({ success: z.boolean().optional(), data: z.array(z.record(z.string(), cell)) });

export interface AcledDownloadOptions {
  dir: string;
  /** ACLED country name(s), e.g. `Sudan` (several are OR-ed with `|`). */
  country?: string | string[] | undefined;
  /** Event dates, inclusive, YYYY-MM-DD. */
  from?: string | undefined;
  to?: string | undefined;
  /** Rows per page (default and maximum 5000). */
  limit?: number | undefined;
  /** Reads ACLED_EMAIL and ACLED_PASSWORD; pass `process.env` from the CLI. */
  env: Readonly<Record<string, string | undefined>>;
  fetch?: FetchLike | undefined;
  baseUrl?: string | undefined;
  sleep?: Sleep | undefined;
  /** Today's date for an open-ended range (clock injected). */
  today?: (() => string) | undefined;
}

export interface AcledDownload {
  /** A CSV in ACLED's 2023+ layout (31 columns as published) for the ACLED importer. */
  file: string;
  rows: number;
  pages: number;
}

/** Downloads ACLED events through the OAuth-protected API into one CSV in the 2023+ layout. */
export async function downloadAcled(options: AcledDownloadOptions): Promise<AcledDownload> {
  const valid = optionsSchema.safeParse({ country: options.country, from: options.from, to: options.to, limit: options.limit });
  if (!valid.success) throw new TocsinError('invalid_input', `ACLED options: ${formatIssues(valid.error.issues).join('; ')}`);
  const { country, from, to, limit } = valid.data;
  const creds = acledCredentials(options.env);
  const base = (options.baseUrl ?? ACLED_BASE).replace(/\/+$/, '');
  const fetchFn = options.fetch ?? fetch;
  const sleep = options.sleep ?? realSleep;
  const token = await requestAcledToken(creds, { baseUrl: base, fetch: fetchFn, sleep });
  const secrets = [token, creds.password];
  const headers = { authorization: `Bearer ${token}`, accept: 'application/json' };

  const filters = new URLSearchParams({ _format: 'json', limit: String(limit) });
  if (country) filters.set('country', Array.isArray(country) ? country.join('|') : country);
  if (from || to) {
    const today = options.today ?? (() => new Date().toISOString().slice(0, 10));
    filters.set('event_date', `${from ?? ACLED_FIRST_DAY}|${to ?? today()}`);
    filters.set('event_date_where', 'BETWEEN');
  }

  await mkdir(options.dir, { recursive: true });
  const file = join(options.dir, 'acled-events.csv');
  const out = await openCsvWriter(file, ACLED_2023_COLUMNS);
  let rows = 0;
  let pages = 0;
  try {
    for (let page = 1, full = true; full; page++) {
      const url = `${base}/api/acled/read?${filters.toString()}&page=${page}`;
      const what = `ACLED page ${page}`;
      const res = await fetchWithRetry(url, { headers }, { fetch: fetchFn, sleep, what });
      if (res.status === 401 || res.status === 403) throw await dataAuthError(res, secrets);
      if (!res.ok) throw unexpectedStatus(res, what, url, await errorSnippet(res, secrets));
      const data = parsePage(await res.json().catch(() => undefined), url, secrets);
      for (const row of data) await out.write(ACLED_2023_COLUMNS.map((c) => acledCsvValue(row[c])));
      rows += data.length;
      pages += 1;
      full = data.length >= limit;
    }
    await out.commit();
  } catch (err) {
    await out.abort();
    throw err;
  }
  return { file, rows, pages };
}

function parsePage(body: unknown, url: string, secrets: readonly string[]): Array<Record<string, string | number | null>> {
  const refusal = body as { success?: unknown; status?: unknown; error?: unknown; messages?: unknown } | null;
  if (refusal !== null && typeof refusal === 'object' && refusal.success === false) {
    let said = JSON.stringify(refusal.error ?? refusal.messages ?? '').slice(0, 300);
    for (const secret of secrets) said = said.split(secret).join('***');
    const code = refusal.status === 401 ? 'unauthenticated' : refusal.status === 403 ? 'forbidden' : 'unavailable';
    throw new TocsinError(code, `ACLED answered success=false (status ${String(refusal.status)}) for ${url}: ${said}`, { url });
  }
  const parsed = acledPage.safeParse(body);
  if (!parsed.success) {
    const problems = formatIssues(parsed.error.issues);
    throw new TocsinError('invalid_format', `ACLED page ${url} is not an events page: ${problems.join('; ')}`, { url, problems });
  }
  return parsed.data.data.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k.toLowerCase(), v])));
}

/** An ACLED JSON value as CSV text: the API sends strings (sometimes numbers); null is an empty field. */
export const acledCsvValue = (value: string | number | null | undefined): string =>
  value === null || value === undefined ? '' : String(value);

async function dataAuthError(res: Response, secrets: readonly string[]): Promise<TocsinError> {
  const detail = await errorSnippet(res, secrets);
  const tail = detail ? ` Server said: ${detail}` : '';
  if (res.status === 403) {
    const why = 'the account may lack API access; ask ACLED to enable it';
    return new TocsinError('forbidden', `ACLED accepted the login but refused the data (HTTP 403): ${why}.${tail}`);
  }
  return new TocsinError(
    'unauthenticated',
    `ACLED refused the bearer token (HTTP 401); check ACLED_EMAIL and ACLED_PASSWORD.${tail}`,
  );
}
