import type { IsoDate, Iso3 } from '../../core/brand.js';
import type { Queryable } from '../../db/database.js';
import { periodsBetween, type Frequency } from './periods.js';
import { categoriesOf, seriesLabel, type SeriesCategory, type SeriesKey, type SeriesSet } from './series.js';

export interface SeriesQuery {
  frequency: Frequency;
  categories: readonly SeriesCategory[];
  /** Only these countries (default: every country with a roll-up row). */
  countries?: readonly Iso3[] | undefined;
  /** One series per admin1 region instead of per country. */
  byAdmin1?: boolean | undefined;
  /** Only this admin1 region (implies byAdmin1). */
  admin1?: string | undefined;
  /** Timeline bounds (default: the first and last period with any incident in the store). */
  from?: IsoDate | undefined;
  to?: IsoDate | undefined;
}

const TABLE = { weekly: ['event_series_weekly', 'week'], monthly: ['event_series_monthly', 'month'] } as const;

/** The first and last period with a roll-up row in the whole store, or null when it is empty. */
export async function storeTimeline(db: Queryable, frequency: Frequency): Promise<{ from: IsoDate; to: IsoDate } | null> {
  const [table, period] = TABLE[frequency];
  const [r] = await db.query<{ from: IsoDate | null; to: IsoDate | null }>(
    `SELECT min(${period}) AS "from", max(${period}) AS "to" FROM ${table}`,
  );
  return r?.from && r.to ? { from: r.from, to: r.to } : null;
}

/**
 * Reads zero-filled series from the roll-ups (never from raw events). Every series shares the
 * store's timeline, so a country with no incident for years still gets its zeros, and series of
 * different countries line up week by week.
 */
export async function readSeriesSet(db: Queryable, q: SeriesQuery): Promise<SeriesSet> {
  const timeline = q.from && q.to ? { from: q.from, to: q.to } : await storeTimeline(db, q.frequency);
  if (!timeline) return { frequency: q.frequency, periods: [], series: [] };
  const from = q.from ?? timeline.from;
  const to = q.to ?? timeline.to;
  const periods = periodsBetween(from, to, q.frequency);
  const index = new Map(periods.map((p, i) => [p as string, i]));
  const byAdmin1 = q.byAdmin1 === true || q.admin1 !== undefined;
  const stored = [...new Set(q.categories.flatMap(categoriesOf))];
  const [table, period] = TABLE[q.frequency];
  const params: unknown[] = [stored, from, to];
  let where = `category = ANY($1::text[]) AND ${period} BETWEEN $2::date AND $3::date`;
  if (q.countries) where += ` AND country_iso3 = ANY($${params.push([...q.countries])}::text[])`;
  if (q.admin1 !== undefined) where += ` AND admin1 = $${params.push(q.admin1)}`;
  // One JSON text for every row: moving 50,000 rows out of PGlite one by one costs far more.
  const [result] = await db.query<{ rows: string | null }>(
    `SELECT json_agg(json_build_array(country, admin1, category, period, incidents, fatalities))::text AS rows FROM (
       SELECT country_iso3 AS country, ${byAdmin1 ? 'admin1' : "''"} AS admin1, category, ${period} AS period,
              sum(incidents)::integer AS incidents, sum(fatalities)::integer AS fatalities
       FROM ${table} WHERE ${where} GROUP BY 1, 2, 3, 4) AS g`,
    params,
  );
  type Row = [country: Iso3, admin1: string, category: string, period: IsoDate, incidents: number, fatalities: number];
  const rows = result?.rows ? (JSON.parse(result.rows) as Row[]) : [];
  const series = new Map<string, SeriesSet['series'][number]>();
  const seriesFor = (key: SeriesKey) => {
    const label = seriesLabel(key);
    let s = series.get(label);
    if (!s) {
      s = { key, incidents: new Float64Array(periods.length), fatalities: new Float64Array(periods.length) };
      series.set(label, s);
    }
    return s;
  };
  // Every requested country gets its series, even one with no incident in the window.
  for (const country of q.countries ?? [])
    if (!byAdmin1) for (const category of q.categories) seriesFor({ country, admin1: null, category });
  for (const [country, admin1, stored, period, incidents, fatalities] of rows) {
    const i = index.get(period)!;
    for (const category of q.categories) {
      if (!categoriesOf(category).includes(stored as never)) continue;
      const s = seriesFor({ country, admin1: byAdmin1 ? admin1 : null, category });
      s.incidents[i]! += incidents;
      s.fatalities[i]! += fatalities;
    }
  }
  const sorted = [...series.values()].sort((a, b) => seriesLabel(a.key).localeCompare(seriesLabel(b.key)));
  return { frequency: q.frequency, periods, series: sorted };
}
