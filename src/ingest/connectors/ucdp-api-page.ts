import { z } from 'zod';
import { TocsinError } from '../../core/errors.js';
import { GED_COLUMNS, type GedColumn } from '../ucdp/ucdp-columns.js';
import { formatIssues } from './zod-issues.js';

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
/** One GED event as the API sends it: flat, field names as in the CSV (any case). */
export type UcdpApiEvent = Record<string, string | number | boolean | null>;

/** Lower-cases an object's own keys, so that `TotalCount`, `totalCount` and `totalcount` all match. */
const lowerKeys = (value: unknown): unknown =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k.toLowerCase(), v]))
    : value;

/**
 * One page of `GET /api/gedevents/<version>`: `{ TotalCount, TotalPages, PreviousPageUrl, NextPageUrl, Result }`
 * (schema `GedDbAPIResponse` of the UCDP API's OpenAPI document, https://ucdp.uu.se/apidocs/).
 */
export const ucdpApiPage = z.preprocess(
  lowerKeys,
  z.object({
    totalcount: z.number().int().nonnegative(),
    totalpages: z.number().int().nonnegative(),
    nextpageurl: z.string().nullish(),
    result: z.array(z.record(z.string(), scalar)),
  }),
);
export type UcdpApiPage = z.infer<typeof ucdpApiPage>;

/** Parses a page body, reporting every problem with its path (`result.2.best`). */
export function parseUcdpApiPage(body: unknown, url: string): UcdpApiPage {
  const parsed = ucdpApiPage.safeParse(body);
  if (parsed.success) return parsed.data;
  const problems = formatIssues(parsed.error.issues);
  throw new TocsinError('invalid_format', `UCDP API page ${url} is not a GED events page: ${problems.join('; ')}`, {
    url,
    problems,
  });
}

const MIDNIGHT = /^(\d{4}-\d{2}-\d{2})[T ]00:00:00(?:\.0+)?Z?$/;

/**
 * One API value as the GED CSV writes it: booleans (`active_year` is `true`/`false` in the API) as 1/0,
 * null as an empty field, and midnight date-times as `YYYY-MM-DD` like the shared GED sample.
 */
export function gedCsvValue(column: GedColumn, value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') return String(value);
  if (column === 'date_start' || column === 'date_end') return value.replace(MIDNIGHT, '$1');
  return value;
}

/** An API event as the 49 GED fields in publisher order; field names are matched without regard to case. */
export function gedRecord(event: UcdpApiEvent): string[] {
  const byName = new Map(Object.entries(event).map(([k, v]) => [k.toLowerCase(), v]));
  return GED_COLUMNS.map((column) => gedCsvValue(column, byName.get(column)));
}

/**
 * The page number to ask for next, read from `NextPageUrl` (empty or absent on the last page).
 * Only the number is taken: the connector builds the URL itself, so the token never follows a link elsewhere.
 */
export function nextPageNumber(nextPageUrl: string | null | undefined, current: number, base: string): number | undefined {
  if (!nextPageUrl || nextPageUrl.trim() === '') return undefined;
  const url = new URL(nextPageUrl, base);
  const raw = [...url.searchParams].find(([k]) => k.toLowerCase() === 'page')?.[1];
  const next = raw === undefined ? current + 1 : Number(raw);
  if (!Number.isInteger(next) || next <= current) {
    throw new TocsinError('invalid_format', `UCDP API NextPageUrl does not move past page ${current}: ${nextPageUrl}`);
  }
  return next;
}
