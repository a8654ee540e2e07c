import type { DatePrecision, EventActor, EventSource, LocationPrecision } from './event.js';
import type { ViolenceCategory } from './violence-category.js';

/** An event as the API and CLI present it. */
export interface EventDto {
  id: number;
  source: EventSource;
  sourceId: string;
  dateStart: string;
  dateEnd: string;
  datePrecision: DatePrecision;
  country: string | null;
  countryName: string | null;
  admin1: string | null;
  admin2: string | null;
  location: string | null;
  latitude: number | null;
  longitude: number | null;
  locationPrecision: LocationPrecision;
  category: ViolenceCategory;
  sourceCategory: string;
  perpetrator: EventActor | null;
  target: EventActor | null;
  fatalities: { best: number | null; low: number | null; high: number | null };
  description: string | null;
  citations: string[];
}

/** The stored columns an EventDto is made of (see EVENT_DTO_SELECT). */
export interface EventRow {
  id: number;
  source: EventSource;
  source_id: string;
  date_start: string;
  date_end: string;
  date_precision: DatePrecision;
  country_iso3: string | null;
  country_name: string | null;
  admin1: string | null;
  admin2: string | null;
  location: string | null;
  latitude: number | null;
  longitude: number | null;
  location_precision: LocationPrecision;
  category: ViolenceCategory;
  source_category: string;
  perpetrator_name: string | null;
  perpetrator_is_civilian: boolean | null;
  perpetrator_is_state: boolean | null;
  target_name: string | null;
  target_is_civilian: boolean | null;
  target_is_state: boolean | null;
  fatalities_best: number | null;
  fatalities_low: number | null;
  fatalities_high: number | null;
  description: string | null;
  citations: string[];
}

export const EVENT_DTO_SELECT = `e.id, e.source, e.source_id, e.date_start, e.date_end, e.date_precision, e.country_iso3,
  c.name AS country_name, e.admin1, e.admin2, e.location, e.latitude, e.longitude, e.location_precision, e.category,
  e.source_category, e.perpetrator_name, e.perpetrator_is_civilian, e.perpetrator_is_state, e.target_name,
  e.target_is_civilian, e.target_is_state, e.fatalities_best, e.fatalities_low, e.fatalities_high, e.description, e.citations`;

const actor = (name: string | null, isCivilian: boolean | null, isState: boolean | null): EventActor | null =>
  name === null ? null : { name, isCivilian: isCivilian ?? false, isState: isState ?? false };

/** Presents a stored row. */
export function toEventDto(r: EventRow): EventDto {
  return {
    id: r.id,
    source: r.source,
    sourceId: r.source_id,
    dateStart: r.date_start,
    dateEnd: r.date_end,
    datePrecision: r.date_precision,
    country: r.country_iso3,
    countryName: r.country_name,
    admin1: r.admin1,
    admin2: r.admin2,
    location: r.location,
    latitude: r.latitude,
    longitude: r.longitude,
    locationPrecision: r.location_precision,
    category: r.category,
    sourceCategory: r.source_category,
    perpetrator: actor(r.perpetrator_name, r.perpetrator_is_civilian, r.perpetrator_is_state),
    target: actor(r.target_name, r.target_is_civilian, r.target_is_state),
    fatalities: { best: r.fatalities_best, low: r.fatalities_low, high: r.fatalities_high },
    description: r.description,
    citations: r.citations,
  };
}
