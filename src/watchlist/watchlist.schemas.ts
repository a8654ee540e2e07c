import { z } from '@hono/zod-openapi';
import { LEVELS } from '../assessments/assessment.js';
import { TREND_WEEKS } from './watchlist.js';

const WatchlistCountryBody = z
  .object({
    iso3: z.string().openapi({ example: 'CAF' }),
    name: z.string(),
    region: z.string().nullable().openapi({ description: 'UN region (Africa, Americas, Asia, Europe, Oceania)' }),
    forecast: z
      .object({
        probability: z.number().openapi({ description: 'risk of a new mass-killing onset in year + 1 or year + 2' }),
        rank: z.number().int().openapi({ description: '1 = highest probability of the year' }),
        change: z.number().nullable().openapi({ description: "probability minus the model's forecast from the year before" }),
        previousRank: z
          .number()
          .int()
          .nullable()
          .openapi({ description: "the rank in the model's forecast from the year before" }),
      })
      .nullable()
      .openapi({ description: 'null when the model shown has no forecast for the country' }),
    assessment: z
      .object({
        id: z.number().int(),
        level: z.enum(LEVELS),
        periodEnd: z.string().openapi({ description: 'last day of the period assessed' }),
        publishedAt: z.string(),
      })
      .nullable()
      .openapi({ description: 'the newest published country-wide assessment; drafts and reviews are never shown' }),
    openWarnings: z.number().int().openapi({ description: 'warnings not yet closed' }),
    trend: z.array(z.number().int()).openapi({
      description: `weekly incidents of one-sided violence (against civilians), ${TREND_WEEKS} weeks, oldest first, zero-filled`,
    }),
  })
  .openapi('WatchlistCountry');

export const WatchlistBody = z
  .object({
    forecastModel: z
      .object({ id: z.number().int(), name: z.string(), year: z.number().int().openapi({ description: 'predictor year' }) })
      .nullable()
      .openapi({ description: 'the newest forecast model and its latest predictor year; null when none is stored' }),
    trendWeeks: z
      .object({
        first: z.string().openapi({ description: 'Monday of the first week of every trend' }),
        last: z.string().openapi({ description: 'Monday of the last week: the newest week in the event store' }),
      })
      .nullable()
      .openapi({ description: 'null when the event store is empty' }),
    countries: z
      .array(WatchlistCountryBody)
      .openapi({ description: 'every country with a forecast, assessment, warning or events' }),
  })
  .openapi('Watchlist');
