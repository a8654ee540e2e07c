import { TocsinError } from '../core/errors.js';
import type { Queryable } from '../db/database.js';
import { EVENT_DTO_SELECT, toEventDto, type EventDto, type EventRow } from './event-dto.js';
import { filterToSql, type EventFilter } from './event-filter.js';
import { rawRecord } from './raw-record.js';

/** Keyset position in the newest-first order: (date_start, id). */
interface Cursor {
  date: string;
  id: number;
}

export const encodeCursor = (c: Cursor): string => Buffer.from(`${c.date}|${c.id}`).toString('base64url');

export function decodeCursor(s: string): Cursor {
  const [date, id] = Buffer.from(s, 'base64url').toString().split('|');
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !id || !/^\d+$/.test(id)) {
    throw new TocsinError('invalid_input', 'cursor is not one this server issued', { field: 'cursor' });
  }
  return { date, id: Number(id) };
}

export interface EventPage {
  items: EventDto[];
  nextCursor: string | null;
}

/** One page of events matching the filter, newest first, continuing after `cursor`. */
export async function listEvents(
  db: Queryable,
  filter: EventFilter,
  page: { limit: number; cursor?: string | undefined },
): Promise<EventPage> {
  const { where, params } = filterToSql(filter);
  const clauses = where ? [where.slice('WHERE '.length)] : [];
  if (page.cursor) {
    const c = decodeCursor(page.cursor);
    params.push(c.date, c.id);
    clauses.push(`(e.date_start, e.id) < ($${params.length - 1}::date, $${params.length})`);
  }
  params.push(page.limit + 1);
  const rows = await db.query<EventRow>(
    `SELECT ${EVENT_DTO_SELECT} FROM events e LEFT JOIN countries c ON c.iso3 = e.country_iso3
     ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''}
     ORDER BY e.date_start DESC, e.id DESC LIMIT $${params.length}`,
    params,
  );
  const more = rows.length > page.limit;
  const items = (more ? rows.slice(0, page.limit) : rows).map(toEventDto);
  const last = items.at(-1);
  return { items, nextCursor: more && last ? encodeCursor({ date: last.dateStart, id: last.id }) : null };
}

/** Every event matching the filter, newest first, read page by page (for exports of any size). */
export async function* iterateEvents(db: Queryable, filter: EventFilter, pageSize = 5_000): AsyncGenerator<EventDto> {
  let cursor: string | undefined;
  do {
    const page = await listEvents(db, filter, { limit: pageSize, cursor });
    yield* page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/**
 * How many events match the filter, counting no further than `cap`: an exact count over a
 * million rows takes seconds, and "more than 10,000" is what a person needs to read.
 */
export async function countEvents(db: Queryable, filter: EventFilter, cap = 10_000): Promise<{ count: number; capped: boolean }> {
  const { where, params } = filterToSql(filter);
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM events ${where} LIMIT $${params.length + 1}) AS matching`,
    [...params, cap + 1],
  );
  const n = row?.n ?? 0;
  return n > cap ? { count: cap, capped: true } : { count: n, capped: false };
}

/** One event by its Tocsin id, with the source row it came from, named by its import's columns. */
export async function getEvent(db: Queryable, id: number): Promise<EventDto & { raw: Record<string, string> }> {
  const [row] = await db.query<EventRow & { raw: string[]; raw_columns: string[] }>(
    `SELECT ${EVENT_DTO_SELECT}, e.raw, b.columns AS raw_columns
     FROM events e LEFT JOIN countries c ON c.iso3 = e.country_iso3 JOIN import_batches b ON b.id = e.import_batch_id
     WHERE e.id = $1`,
    [id],
  );
  if (!row) throw new TocsinError('not_found', `event ${id} does not exist`, { id });
  return { ...toEventDto(row), raw: rawRecord(row.raw_columns, row.raw) };
}

export interface EventPoint {
  id: number;
  category: string;
  dateStart: string;
  fatalitiesBest: number | null;
  location: string | null;
  country: string | null;
  latitude: number;
  longitude: number;
}

/**
 * Events that can be drawn as points: with coordinates, and located better than the country
 * (a country-precision point is a centroid, not a place). Also says how many matched but are not mappable.
 */
export async function eventPoints(
  db: Queryable,
  filter: EventFilter,
  limit: number,
): Promise<{ points: EventPoint[]; truncated: boolean; unmapped: number }> {
  const { where, params } = filterToSql(filter);
  const mappable = `latitude IS NOT NULL AND location_precision NOT IN ('country', 'unknown')`;
  const and = where ? `${where} AND` : 'WHERE';
  const rows = await db.query<{
    id: number;
    category: string;
    date_start: string;
    fatalities_best: number | null;
    location: string | null;
    country_iso3: string | null;
    latitude: number;
    longitude: number;
  }>(
    `SELECT id, category, date_start, fatalities_best, location, country_iso3, latitude, longitude FROM events
     ${and} ${mappable} ORDER BY date_start DESC, id DESC LIMIT $${params.length + 1}`,
    [...params, limit + 1],
  );
  // Counted up to 10,000, like countEvents: the legend says "N events not mapped".
  const [un] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM events ${and} NOT (${mappable}) LIMIT 10000) AS unmapped`,
    params,
  );
  return {
    points: rows.slice(0, limit).map((r) => ({
      id: r.id,
      category: r.category,
      dateStart: r.date_start,
      fatalitiesBest: r.fatalities_best,
      location: r.location,
      country: r.country_iso3,
      latitude: r.latitude,
      longitude: r.longitude,
    })),
    truncated: rows.length > limit,
    unmapped: un?.n ?? 0,
  };
}

export interface MonthlyCount {
  month: string;
  category: string;
  events: number;
  fatalities: number;
}

/** Events and best-estimate fatalities by month and category for one country. */
export async function countrySummary(
  db: Queryable,
  iso3: string,
  range: { from?: string | undefined; to?: string | undefined },
): Promise<MonthlyCount[]> {
  const { where, params } = filterToSql({ country: iso3, from: range.from, to: range.to });
  return db.query<MonthlyCount>(
    `SELECT to_char(date_start, 'YYYY-MM') AS month, category, count(*)::int AS events,
            coalesce(sum(fatalities_best), 0)::int AS fatalities
     FROM events ${where} GROUP BY 1, 2 ORDER BY 1, 2`,
    params,
  );
}
