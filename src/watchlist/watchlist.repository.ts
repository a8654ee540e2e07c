import type { IsoDate, Iso3 } from '../core/brand.js';
import type { Level } from '../assessments/assessment.js';
import type { Queryable } from '../db/database.js';
import { TREND_CATEGORY, TREND_WEEKS, trendOf, trendWeeks, type Watchlist } from './watchlist.js';

interface HeaderRow {
  model_id: number | null;
  model_name: string | null;
  model_year: number | null;
  last_week: IsoDate | null;
}

interface CountryRow {
  iso3: Iso3;
  name: string;
  region: string | null;
  probability: number | null;
  rank: number | null;
  change: number | null;
  previous_rank: number | null;
  assessment_id: number | null;
  level: Level | null;
  period_end: IsoDate | null;
  published_at: Date | string | null;
  open_warnings: number;
  /** JSON text of [week, incidents] pairs, or null without any in the window. */
  weeks: string | null;
}

/** The forecast shown (the newest model, as GET /api/forecasts defaults to, and its latest year) and the store's last week. */
const HEADER = `
  SELECT m.id AS model_id, m.name AS model_name, m.year AS model_year,
         (SELECT to_char(max(week), 'YYYY-MM-DD') FROM event_series_weekly) AS last_week
  FROM (SELECT 1) AS one
  LEFT JOIN (SELECT fm.id, fm.name, (SELECT max(f.year) FROM country_forecasts f WHERE f.model_id = fm.id) AS year
             FROM forecast_models fm ORDER BY fm.created_at DESC, fm.id DESC LIMIT 1) AS m ON true`;

/**
 * Every country with a forecast, a published assessment, a warning or events, in one statement:
 * the forecast of the given model and year (and its rank the year before), the newest published
 * country-wide assessment, the open (not closed) warnings, and the weekly one-sided incidents
 * from the roll-ups over the trend's window (never from raw events).
 */
const COUNTRIES = `
  WITH forecast AS (
    SELECT f.country_iso3 AS iso3, f.country_name AS name, f.probability, f.rank, f.change, p.rank AS previous_rank
    FROM country_forecasts f
    LEFT JOIN country_forecasts p ON p.model_id = f.model_id AND p.year = f.year - 1 AND p.country_iso3 = f.country_iso3
    WHERE f.model_id = $1 AND f.year = $2
  ), assessment AS (
    SELECT DISTINCT ON (country_iso3) country_iso3 AS iso3, id, level, period_end, published_at
    FROM assessments
    WHERE status = 'published' AND level IS NOT NULL AND admin1 IS NULL AND group_id IS NULL
    ORDER BY country_iso3, published_at DESC, id DESC
  ), warning AS (
    SELECT country_iso3 AS iso3, count(*)::integer AS open FROM warnings WHERE status <> 'closed' GROUP BY country_iso3
  ), trend AS (
    SELECT country_iso3 AS iso3, json_agg(json_build_array(to_char(week, 'YYYY-MM-DD'), incidents))::text AS weeks
    FROM (SELECT country_iso3, week, sum(incidents)::integer AS incidents FROM event_series_weekly
          WHERE category = $3 AND week BETWEEN $4::date AND $5::date GROUP BY country_iso3, week) AS w
    GROUP BY country_iso3
  ), seen AS (
    SELECT DISTINCT country_iso3 AS iso3 FROM event_series_weekly
  ), ids AS (
    SELECT iso3 FROM forecast UNION SELECT iso3 FROM assessment UNION SELECT iso3 FROM warning UNION SELECT iso3 FROM seen
  )
  SELECT ids.iso3, coalesce(c.name, f.name, ids.iso3) AS name, c.region,
         f.probability, f.rank, f.change, f.previous_rank,
         a.id AS assessment_id, a.level, to_char(a.period_end, 'YYYY-MM-DD') AS period_end, a.published_at,
         coalesce(w.open, 0) AS open_warnings, t.weeks
  FROM ids
  LEFT JOIN countries c ON c.iso3 = ids.iso3
  LEFT JOIN forecast f ON f.iso3 = ids.iso3
  LEFT JOIN assessment a ON a.iso3 = ids.iso3
  LEFT JOIN warning w ON w.iso3 = ids.iso3
  LEFT JOIN trend t ON t.iso3 = ids.iso3
  ORDER BY f.rank NULLS LAST, ids.iso3`;

/** The whole watchlist in two statements: what it shows, then every country in it. */
export async function readWatchlist(db: Queryable): Promise<Watchlist> {
  const [header] = await db.query<HeaderRow>(HEADER);
  const model =
    header?.model_id != null && header.model_name !== null && header.model_year !== null
      ? { id: header.model_id, name: header.model_name, year: header.model_year }
      : null;
  const weeks = header?.last_week ? trendWeeks(header.last_week) : [];
  const rows = await db.query<CountryRow>(COUNTRIES, [
    model?.id ?? null,
    model?.year ?? null,
    TREND_CATEGORY,
    weeks[0] ?? null,
    weeks.at(-1) ?? null,
  ]);
  const blank = Array<number>(TREND_WEEKS).fill(0);
  return {
    forecastModel: model,
    trendWeeks: weeks.length > 0 ? { first: weeks[0]!, last: weeks.at(-1)! } : null,
    countries: rows.map((r) => ({
      iso3: r.iso3,
      name: r.name,
      region: r.region,
      forecast:
        r.probability === null || r.rank === null
          ? null
          : { probability: r.probability, rank: r.rank, change: r.change, previousRank: r.previous_rank },
      assessment:
        r.assessment_id === null || r.level === null || r.period_end === null || r.published_at === null
          ? null
          : {
              id: r.assessment_id,
              level: r.level,
              periodEnd: r.period_end,
              publishedAt: new Date(r.published_at).toISOString(),
            },
      openWarnings: r.open_warnings,
      trend: r.weeks === null ? [...blank] : trendOf(weeks, JSON.parse(r.weeks) as [string, number][]),
    })),
  };
}
