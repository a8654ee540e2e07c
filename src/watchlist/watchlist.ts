import type { IsoDate, Iso3 } from '../core/brand.js';
import type { Level } from '../assessments/assessment.js';
import { periodsBetween } from '../surveillance/series/periods.js';

/** How many weeks of violence against civilians the watchlist's trend covers. */
export const TREND_WEEKS = 52;
/** The series behind the trend: one-sided violence (deliberate violence against civilians), incidents. */
export const TREND_CATEGORY = 'one-sided';

/** A country's forecast from the model and year the watchlist shows. */
export interface WatchlistForecast {
  probability: number;
  /** 1 = highest risk of the year. */
  rank: number;
  /** probability minus the same model's forecast from the year before; null without one. */
  change: number | null;
  /** The rank in the same model's forecast from the year before; null without one. */
  previousRank: number | null;
}

/** The newest published country-wide assessment of a country. */
export interface WatchlistAssessment {
  id: number;
  level: Level;
  periodEnd: IsoDate;
  publishedAt: string;
}

/** One country of the watchlist: everything the start page shows about it. */
export interface WatchlistCountry {
  iso3: Iso3;
  name: string;
  /** UN region; null for a code outside the reference list. */
  region: string | null;
  forecast: WatchlistForecast | null;
  assessment: WatchlistAssessment | null;
  openWarnings: number;
  /** Weekly incidents of one-sided violence, oldest first, TREND_WEEKS long, zero-filled. */
  trend: number[];
}

export interface Watchlist {
  /** The forecast model and predictor year shown: the newest model, its latest year; null when none is stored. */
  forecastModel: { id: number; name: string; year: number } | null;
  /** The trend's weeks (Mondays): they end on the newest week in the event store, not on today. */
  trendWeeks: { first: IsoDate; last: IsoDate } | null;
  countries: WatchlistCountry[];
}

const DAY_MS = 86_400_000;

/** The Mondays of the TREND_WEEKS weeks ending with the week starting `lastWeek`. */
export function trendWeeks(lastWeek: IsoDate): IsoDate[] {
  const first = new Date(Date.parse(`${lastWeek}T00:00:00Z`) - (TREND_WEEKS - 1) * 7 * DAY_MS).toISOString().slice(0, 10);
  return periodsBetween(first as IsoDate, lastWeek, 'weekly');
}

/**
 * Places sparse (week, incidents) pairs on the trend's weeks, oldest first: a week with no row is
 * a week with no reported incident, so zero; weeks outside the window are ignored.
 */
export function trendOf(weeks: readonly IsoDate[], counts: readonly (readonly [week: string, incidents: number])[]): number[] {
  const index = new Map(weeks.map((w, i) => [w as string, i]));
  const trend = weeks.map(() => 0);
  for (const [week, incidents] of counts) {
    const i = index.get(week);
    if (i !== undefined) trend[i]! += incidents;
  }
  return trend;
}
