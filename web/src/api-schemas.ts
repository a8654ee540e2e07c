import * as z from 'zod/mini';
// The vocabularies are the server's own (pure modules with no Node dependency), so the UI cannot drift from them.
import { ROLES } from '../../src/access/roles.js';
import { DATE_PRECISIONS, EVENT_SOURCES, LOCATION_PRECISIONS } from '../../src/events/event.js';
import { VIOLENCE_CATEGORIES } from '../../src/events/violence-category.js';

/** The API's response shapes (see the contract in docs), parsed once at the edge with zod. */

export { DATE_PRECISIONS, EVENT_SOURCES, LOCATION_PRECISIONS, ROLES, VIOLENCE_CATEGORIES };

export type Role = (typeof ROLES)[number];
export type EventSource = (typeof EVENT_SOURCES)[number];
export type ViolenceCategory = (typeof VIOLENCE_CATEGORIES)[number];
export type LocationPrecision = (typeof LOCATION_PRECISIONS)[number];

export const userSchema = z.object({
  id: z.number(),
  username: z.string(),
  role: z.enum(ROLES),
});
export type User = z.infer<typeof userSchema>;

export const sessionSchema = z.object({ user: userSchema });

export const countrySchema = z.object({ iso3: z.string(), name: z.string() });
export type Country = z.infer<typeof countrySchema>;

export const countriesSchema = z.object({ items: z.array(countrySchema) });

const actorSchema = z.nullable(z.object({ name: z.string(), isCivilian: z.boolean(), isState: z.boolean() }));
export type EventActor = NonNullable<z.infer<typeof actorSchema>>;

export const eventSchema = z.object({
  id: z.number(),
  source: z.enum(EVENT_SOURCES),
  sourceId: z.string(),
  dateStart: z.string(),
  dateEnd: z.string(),
  datePrecision: z.enum(DATE_PRECISIONS),
  country: z.nullable(z.string()),
  countryName: z.nullable(z.string()),
  admin1: z.nullable(z.string()),
  admin2: z.nullable(z.string()),
  location: z.nullable(z.string()),
  latitude: z.nullable(z.number()),
  longitude: z.nullable(z.number()),
  locationPrecision: z.enum(LOCATION_PRECISIONS),
  category: z.enum(VIOLENCE_CATEGORIES),
  sourceCategory: z.string(),
  perpetrator: actorSchema,
  target: actorSchema,
  fatalities: z.object({
    best: z.nullable(z.number()),
    low: z.nullable(z.number()),
    high: z.nullable(z.number()),
  }),
  description: z.nullable(z.string()),
  citations: z.array(z.string()),
});
export type EventDto = z.infer<typeof eventSchema>;

export const eventPageSchema = z.object({
  items: z.array(eventSchema),
  nextCursor: z.nullable(z.string()),
  total: z.optional(z.number()),
  totalIsLowerBound: z.optional(z.boolean()),
});
export type EventPage = z.infer<typeof eventPageSchema>;

const eventPointSchema = z.object({
  type: z.literal('Feature'),
  geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
  properties: z.object({
    id: z.number(),
    category: z.enum(VIOLENCE_CATEGORIES),
    dateStart: z.string(),
    fatalitiesBest: z.nullable(z.number()),
    location: z.nullable(z.string()),
    country: z.nullable(z.string()),
  }),
});
export type EventPoint = z.infer<typeof eventPointSchema>;

export const eventPointsSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(eventPointSchema),
  truncated: z.boolean(),
  unmapped: z.number(),
});
export type EventPoints = z.infer<typeof eventPointsSchema>;

export const apiErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
