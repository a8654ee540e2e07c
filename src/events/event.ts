import type { IsoDate, Iso3 } from '../core/brand.js';
import type { ViolenceCategory } from './violence-category.js';

export const EVENT_SOURCES = ['ucdp', 'acled', 'gdelt', 'report'] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

/** How exactly the date is known (UCDP date_prec, ACLED time_precision, GDELT: day). */
export const DATE_PRECISIONS = ['day', 'days', 'week', 'month', 'year'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/**
 * How exactly the place is known. `country` means the coordinates, if any, are a centroid
 * and must not be drawn as a real location (UCDP where_prec 6).
 */
export const LOCATION_PRECISIONS = [
  'exact',
  'near',
  'admin2',
  'admin1',
  'region',
  'country',
  'international',
  'unknown',
] as const;
export type LocationPrecision = (typeof LOCATION_PRECISIONS)[number];

/** An actor as the source names it. */
export interface EventActor {
  name: string;
  /** True when the actor is civilians (UCDP side_b "Civilians", ACLED inter code 7, CAMEO CVL). */
  isCivilian: boolean;
  /** True when the actor is a state's forces or government. */
  isState: boolean;
}

/** One conflict event, normalised from any source. Produced by a source normaliser, stored by the events repository. */
export interface NormalisedEvent {
  source: EventSource;
  /** The source's own stable id (UCDP `id`, ACLED `event_id_cnty`, GDELT `GLOBALEVENTID`). */
  sourceId: string;
  dateStart: IsoDate;
  dateEnd: IsoDate;
  datePrecision: DatePrecision;
  /** ISO alpha-3; null where the source gives no resolvable country (e.g. GDELT rows without ActionGeo). */
  countryIso3: Iso3 | null;
  admin1: string | null;
  admin2: string | null;
  /** Place name as the source gives it. */
  location: string | null;
  latitude: number | null;
  longitude: number | null;
  locationPrecision: LocationPrecision;
  category: ViolenceCategory;
  /** The source's own classification, e.g. `type_of_violence 3`, `Violence against civilians / Attack`, `CAMEO 190`. */
  sourceCategory: string;
  perpetrator: EventActor | null;
  target: EventActor | null;
  /** Fatality estimates as the source gives them; low <= best <= high is NOT guaranteed (UCDP). */
  fatalitiesBest: number | null;
  fatalitiesLow: number | null;
  fatalitiesHigh: number | null;
  description: string | null;
  /** Source citations (articles, outlets, URLs). */
  citations: string[];
  /** GDELT media metrics; null for other sources. */
  goldsteinScale: number | null;
  avgTone: number | null;
  numMentions: number | null;
  numSources: number | null;
  numArticles: number | null;
  /**
   * The untouched source row, cell by cell in file order, so nothing is ever lost. Its column
   * names are the import batch's `columns` (see `rawRecord`); kept as an array because names
   * repeated on every row would double what is parsed and stored.
   */
  raw: readonly string[];
}
