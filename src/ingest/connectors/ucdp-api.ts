import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { TocsinError } from '../../core/errors.js';
import { openCsvWriter } from './csv-file-writer.js';
import { GED_COLUMNS } from '../ucdp/ucdp-columns.js';
import { errorSnippet, fetchWithRetry, realSleep, unexpectedStatus, type FetchLike, type Sleep } from './http.js';
import { gedRecord, nextPageNumber, parseUcdpApiPage, type UcdpApiPage } from './ucdp-api-page.js';
import { formatIssues } from './zod-issues.js';

/**
 * The UCDP API host; events are under `/api/gedevents/<version>?pagesize=&page=` with the filters
 * `Country`, `StartDate`, `EndDate`, `TypeOfViolence`. Docs: https://ucdp.uu.se/apidocs/ (OpenAPI copy:
 * https://raw.githubusercontent.com/api-evangelist/uppsala/refs/heads/main/openapi/uppsala-gedevents-api-openapi.yml).
 */
export const UCDP_API = 'https://ucdpapi.pcr.uu.se';
/** The header that carries the access token the API has required since 2025. */
export const UCDP_TOKEN_HEADER = 'x-ucdp-access-token';
/** The environment variable read when no `token` option is given. */
export const UCDP_TOKEN_ENV = 'UCDP_API_TOKEN';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const optionsSchema = z.object({
  /** A yearly release (`25.1`) or a monthly candidate release (`25.0.7`). */
  version: z.string().regex(/^\d{1,2}\.\d{1,2}(?:\.\d{1,2})?$/, 'a GED version such as 25.1 or 25.0.7'),
  pageSize: z.number().int().min(1).max(1000).default(1000),
  filters: z
    .object({
      country: z.array(z.number().int().min(2).max(999)).min(1).optional(),
      startDate: isoDate.optional(),
      endDate: isoDate.optional(),
      typeOfViolence: z
        .array(z.union([z.literal(1), z.literal(2), z.literal(3)]))
        .min(1)
        .optional(),
    })
    .default({}),
});

/** API filters; they map to the query parameters `Country`, `StartDate`, `EndDate`, `TypeOfViolence`. */
export interface UcdpApiFilters {
  /** Gleditsch-Ward country codes (`482` = Central African Republic). */
  country?: number[] | undefined;
  startDate?: string | undefined;
  endDate?: string | undefined;
  /** 1 state-based, 2 non-state, 3 one-sided violence. */
  typeOfViolence?: Array<1 | 2 | 3> | undefined;
}

export interface UcdpApiOptions {
  version: string;
  dir: string;
  /** Defaults to `env.UCDP_API_TOKEN`. Sent only in the `x-ucdp-access-token` header, never in a URL. */
  token?: string | undefined;
  filters?: UcdpApiFilters | undefined;
  /** Events per page, at most 1000 (the API's ceiling). */
  pageSize?: number | undefined;
  fetch?: FetchLike | undefined;
  baseUrl?: string | undefined;
  sleep?: Sleep | undefined;
  env?: Readonly<Record<string, string | undefined>> | undefined;
}

export interface UcdpApiDownload {
  /** A GED CSV (49 columns, publisher order) for the GED importer. */
  file: string;
  rows: number;
  pages: number;
  /** `TotalCount` announced by the API; differs from `rows` only if the data changed while paging. */
  totalCount: number;
  /** GED columns no event carried (written empty). */
  missingColumns: string[];
  /** Fields the API sent that the GED CSV has no column for (left out). */
  extraFields: string[];
}

/** Downloads GED events from the UCDP REST API, page by page, into a GED CSV in `dir`. */
export async function downloadUcdpApi(options: UcdpApiOptions): Promise<UcdpApiDownload> {
  const valid = optionsSchema.safeParse({ version: options.version, pageSize: options.pageSize, filters: options.filters });
  if (!valid.success) throw new TocsinError('invalid_input', `UCDP API options: ${formatIssues(valid.error.issues).join('; ')}`);
  const { version, pageSize, filters } = valid.data;
  const token = options.token ?? (options.env ?? process.env)[UCDP_TOKEN_ENV];
  const endpoint = `${(options.baseUrl ?? UCDP_API).replace(/\/+$/, '')}/api/gedevents/${version}`;
  const get: PageGetter = {
    headers: { accept: 'application/json' },
    token,
    fetch: options.fetch ?? fetch,
    sleep: options.sleep ?? realSleep,
  };
  if (token) get.headers[UCDP_TOKEN_HEADER] = token;

  await mkdir(options.dir, { recursive: true });
  const file = join(options.dir, `ucdp-gedevents-${version}.csv`);
  const out = await openCsvWriter(file, GED_COLUMNS);
  const seen = new Set<string>();
  let rows = 0;
  let pages = 0;
  let totalCount = 0;
  try {
    for (let page: number | undefined = 0; page !== undefined;) {
      const url = `${endpoint}?${ucdpQuery(pageSize, page, filters).toString()}`;
      const parsed = await getPage(url, `UCDP API page ${page}`, version, get);
      if (pages === 0) totalCount = parsed.totalcount;
      for (const event of parsed.result) {
        for (const key of Object.keys(event)) seen.add(key.toLowerCase());
        await out.write(gedRecord(event));
      }
      rows += parsed.result.length;
      pages += 1;
      page = nextPageNumber(parsed.nextpageurl, page, endpoint);
      if (page !== undefined && pages > parsed.totalpages) {
        throw new TocsinError('invalid_format', `UCDP API keeps announcing pages past TotalPages ${parsed.totalpages}`, { url });
      }
    }
    await out.commit();
  } catch (err) {
    await out.abort();
    throw err;
  }
  const columns = new Set<string>(GED_COLUMNS);
  const missingColumns = rows === 0 ? [] : GED_COLUMNS.filter((c) => !seen.has(c));
  return { file, rows, pages, totalCount, missingColumns, extraFields: [...seen].filter((f) => !columns.has(f)).sort() };
}

/** The query of one page; lists are comma-separated, as the API takes them. */
function ucdpQuery(pageSize: number, page: number, filters: z.infer<typeof optionsSchema>['filters']): URLSearchParams {
  const query = new URLSearchParams({ pagesize: String(pageSize), page: String(page) });
  if (filters.country) query.set('Country', filters.country.join(','));
  if (filters.startDate) query.set('StartDate', filters.startDate);
  if (filters.endDate) query.set('EndDate', filters.endDate);
  if (filters.typeOfViolence) query.set('TypeOfViolence', filters.typeOfViolence.join(','));
  return query;
}

interface PageGetter {
  headers: Record<string, string>;
  token: string | undefined;
  fetch: FetchLike;
  sleep: Sleep;
}

async function getPage(url: string, what: string, version: string, get: PageGetter): Promise<UcdpApiPage> {
  const res = await fetchWithRetry(url, { headers: get.headers }, { fetch: get.fetch, sleep: get.sleep, what });
  const secrets = get.token ? [get.token] : [];
  if (res.status === 401 || res.status === 403) throw authError(res.status, Boolean(get.token), await errorSnippet(res, secrets));
  if (res.status === 404)
    throw new TocsinError('not_found', `UCDP API has no GED version ${version} (HTTP 404 at ${url})`, { url });
  if (!res.ok) throw unexpectedStatus(res, what, url, await errorSnippet(res, secrets));
  const body: unknown = await res.json().catch((cause: unknown) => {
    throw new TocsinError('invalid_format', `${what}: the body is not JSON (${String(cause)})`, { url }, { cause });
  });
  return parseUcdpApiPage(body, url);
}

function authError(status: number, hadToken: boolean, detail: string): TocsinError {
  const message = hadToken
    ? `UCDP API refused the access token (HTTP ${status}); check ${UCDP_TOKEN_ENV} or the token option`
    : `UCDP API requires an access token (HTTP ${status}); set ${UCDP_TOKEN_ENV} (UCDP issues tokens: https://ucdp.uu.se/apidocs/)`;
  const code = status === 401 ? 'unauthenticated' : 'forbidden';
  return new TocsinError(code, detail ? `${message}. Server said: ${detail}` : message, { status });
}
