import { z } from '@hono/zod-openapi';
import { SERIES_CATEGORIES } from '../series/series.js';
import { SIGNAL_FREQUENCIES, SIGNAL_MEASURES, SIGNAL_STATUSES } from './signal.js';

/** A signal as the API presents it. */
export const SignalBody = z
  .object({
    id: z.number().int(),
    country: z.string().openapi({ example: 'CAF' }),
    category: z.string().openapi({
      example: 'one-sided',
      description: 'a violence category, or hate:<target group> (hate:all) for a surge of hateful posts',
    }),
    measure: z.enum(SIGNAL_MEASURES),
    frequency: z.enum(SIGNAL_FREQUENCIES),
    week: z.string().openapi({
      example: '2013-12-02',
      description: 'the period that alarmed: the Monday of the week (weekly), or the day (daily)',
    }),
    method: z.string().openapi({ example: 'farrington-noufaily' }),
    observed: z.number(),
    upperbound: z.number().nullable(),
    eventIds: z.array(z.number().int()),
    speechItemIds: z.array(z.number().int()).openapi({ description: 'the hateful speech items counted that day' }),
    status: z.enum(SIGNAL_STATUSES),
    triageNote: z.string().nullable(),
    triagedBy: z.string().nullable(),
    triagedAt: z.string().nullable(),
    detectedAt: z.string(),
  })
  .openapi('Signal');

export const SignalPageBody = z.object({ items: z.array(SignalBody), nextCursor: z.string().nullable() }).openapi('SignalPage');

export const SeriesBody = z
  .object({
    country: z.string(),
    admin1: z.string().nullable(),
    category: z.enum(SERIES_CATEGORIES),
    frequency: z.enum(['weekly', 'monthly']),
    periods: z.array(z.string()),
    incidents: z.array(z.number()),
    fatalities: z.array(z.number()),
  })
  .openapi('Series');
