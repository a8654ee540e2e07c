import * as z from 'zod/mini';
import { request } from '../api.js';
import { LEVELS } from '../assessments/vocabulary.js';

const forecastSchema = z.object({
  probability: z.number(),
  rank: z.number(),
  change: z.nullable(z.number()),
  previousRank: z.nullable(z.number()),
});

const assessmentSchema = z.object({
  id: z.number(),
  level: z.enum(LEVELS),
  periodEnd: z.string(),
  publishedAt: z.string(),
});

export const watchlistCountrySchema = z.object({
  iso3: z.string(),
  name: z.string(),
  region: z.nullable(z.string()),
  forecast: z.nullable(forecastSchema),
  assessment: z.nullable(assessmentSchema),
  openWarnings: z.number(),
  trend: z.array(z.number()),
});
export type WatchlistCountry = z.infer<typeof watchlistCountrySchema>;

export const watchlistSchema = z.object({
  forecastModel: z.nullable(z.object({ id: z.number(), name: z.string(), year: z.number() })),
  trendWeeks: z.nullable(z.object({ first: z.string(), last: z.string() })),
  countries: z.array(watchlistCountrySchema),
});
export type Watchlist = z.infer<typeof watchlistSchema>;

/** The whole start page in one request (GET /api/watchlist). */
export const fetchWatchlist = (): Promise<Watchlist> => request('/api/watchlist', watchlistSchema);
