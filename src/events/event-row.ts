import type { NormalisedEvent } from './event.js';

/**
 * Serialises an event as one JSON object in the column names of the `events` table. The batch
 * loader joins these strings into one JSON array parameter. `normaliserVersion` is stored so a
 * re-import after a change of mapping refreshes rows whose raw cells did not change.
 */
export function toEventRowJson(e: NormalisedEvent, normaliserVersion: number): string {
  return JSON.stringify({
    source: e.source,
    source_id: e.sourceId,
    date_start: e.dateStart,
    date_end: e.dateEnd,
    date_precision: e.datePrecision,
    country_iso3: e.countryIso3,
    admin1: e.admin1,
    admin2: e.admin2,
    location: e.location,
    latitude: e.latitude,
    longitude: e.longitude,
    location_precision: e.locationPrecision,
    category: e.category,
    source_category: e.sourceCategory,
    perpetrator_name: e.perpetrator?.name ?? null,
    perpetrator_is_civilian: e.perpetrator?.isCivilian ?? null,
    perpetrator_is_state: e.perpetrator?.isState ?? null,
    target_name: e.target?.name ?? null,
    target_is_civilian: e.target?.isCivilian ?? null,
    target_is_state: e.target?.isState ?? null,
    fatalities_best: e.fatalitiesBest,
    fatalities_low: e.fatalitiesLow,
    fatalities_high: e.fatalitiesHigh,
    description: e.description,
    citations: e.citations,
    goldstein_scale: e.goldsteinScale,
    avg_tone: e.avgTone,
    num_mentions: e.numMentions,
    num_sources: e.numSources,
    num_articles: e.numArticles,
    raw: e.raw,
    normaliser_version: normaliserVersion,
  });
}

/** The columns written from the JSON rows, with their SQL types, in one place. */
export const EVENT_ROW_COLUMNS: readonly (readonly [string, string])[] = [
  ['source', 'text'],
  ['source_id', 'text'],
  ['date_start', 'date'],
  ['date_end', 'date'],
  ['date_precision', 'text'],
  ['country_iso3', 'text'],
  ['admin1', 'text'],
  ['admin2', 'text'],
  ['location', 'text'],
  ['latitude', 'double precision'],
  ['longitude', 'double precision'],
  ['location_precision', 'text'],
  ['category', 'text'],
  ['source_category', 'text'],
  ['perpetrator_name', 'text'],
  ['perpetrator_is_civilian', 'boolean'],
  ['perpetrator_is_state', 'boolean'],
  ['target_name', 'text'],
  ['target_is_civilian', 'boolean'],
  ['target_is_state', 'boolean'],
  ['fatalities_best', 'integer'],
  ['fatalities_low', 'integer'],
  ['fatalities_high', 'integer'],
  ['description', 'text'],
  ['citations', 'text[]'],
  ['goldstein_scale', 'real'],
  ['avg_tone', 'real'],
  ['num_mentions', 'integer'],
  ['num_sources', 'integer'],
  ['num_articles', 'integer'],
  ['raw', 'jsonb'],
  ['normaliser_version', 'integer'],
];
