import { z } from '@hono/zod-openapi';
import { DATE_PRECISIONS, EVENT_SOURCES, LOCATION_PRECISIONS } from './event.js';
import { VIOLENCE_CATEGORIES } from './violence-category.js';

const Actor = z.object({ name: z.string(), isCivilian: z.boolean(), isState: z.boolean() }).openapi('Actor');

/** An event as `GET /api/events` presents it. */
export const EventBody = z
  .object({
    id: z.number().int(),
    source: z.enum(EVENT_SOURCES),
    sourceId: z.string(),
    dateStart: z.string().openapi({ example: '2021-01-13' }),
    dateEnd: z.string(),
    datePrecision: z.enum(DATE_PRECISIONS),
    country: z.string().nullable().openapi({ example: 'CAF' }),
    countryName: z.string().nullable(),
    admin1: z.string().nullable(),
    admin2: z.string().nullable(),
    location: z.string().nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    locationPrecision: z.enum(LOCATION_PRECISIONS),
    category: z.enum(VIOLENCE_CATEGORIES),
    sourceCategory: z.string(),
    perpetrator: Actor.nullable(),
    target: Actor.nullable(),
    fatalities: z.object({
      best: z.number().int().nullable(),
      low: z.number().int().nullable(),
      high: z.number().int().nullable(),
    }),
    description: z.string().nullable(),
    citations: z.array(z.string()),
  })
  .openapi('Event');

export const EventPageBody = z
  .object({
    items: z.array(EventBody),
    nextCursor: z.string().nullable(),
    total: z.number().int().optional().openapi({ description: 'with includeTotal=true: matching events, counted up to 10,000' }),
    totalIsLowerBound: z.boolean().optional().openapi({ description: 'true when more than `total` events match' }),
  })
  .openapi('EventPage');

export const EventPointsBody = z
  .object({
    type: z.literal('FeatureCollection'),
    truncated: z.boolean(),
    unmapped: z.number().int(),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
        properties: z.object({
          id: z.number().int(),
          category: z.string(),
          dateStart: z.string(),
          fatalitiesBest: z.number().int().nullable(),
          location: z.string().nullable(),
          country: z.string().nullable(),
        }),
      }),
    ),
  })
  .openapi('EventPoints');

export const MonthlySummaryBody = z
  .object({
    country: z.object({ iso3: z.string(), name: z.string() }),
    totals: z.object({ events: z.number().int(), fatalities: z.number().int() }),
    months: z.array(
      z.object({ month: z.string(), category: z.string(), events: z.number().int(), fatalities: z.number().int() }),
    ),
  })
  .openapi('CountrySummary');
