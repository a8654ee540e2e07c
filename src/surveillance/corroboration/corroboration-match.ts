import type { IsoDate, Iso3 } from '../../core/brand.js';
import type { EventSource, LocationPrecision } from '../../events/event.js';
import type { ViolenceCategory } from '../../events/violence-category.js';
import type { CorroborationRule } from './corroboration-rule.js';

/** The slice of a stored event that corroboration reads; `id` is the events table id. */
export interface CorroborationEvent {
  id: number;
  source: EventSource;
  dateStart: IsoDate;
  dateEnd: IsoDate;
  countryIso3: Iso3 | null;
  admin1: string | null;
  latitude: number | null;
  longitude: number | null;
  locationPrecision: LocationPrecision;
  category: ViolenceCategory;
  fatalitiesBest: number | null;
}

/** Mean Earth radius R1 (IUGG), km. */
export const EARTH_RADIUS_KM = 6371.0088;
export const KM_PER_DEGREE = (Math.PI * EARTH_RADIUS_KM) / 180;
const RAD = Math.PI / 180;

/** Great-circle distance in km by the haversine formula (Sinnott 1984), on a sphere of radius {@link EARTH_RADIUS_KM}. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const h =
    Math.sin(((lat2 - lat1) * RAD) / 2) ** 2 +
    Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(((lon2 - lon1) * RAD) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Days since 1970-01-01 (an ISO date-only string is read as UTC midnight). */
export const dayNumber = (date: IsoDate): number => Date.parse(date) / 86_400_000;

/** Whole days between two date ranges; ranges sharing a day are 0 days apart, consecutive days 1. */
export const dateGapDays = (a: { dayStart: number; dayEnd: number }, b: { dayStart: number; dayEnd: number }): number =>
  Math.max(0, Math.max(a.dayStart, b.dayStart) - Math.min(a.dayEnd, b.dayEnd));

/** Known fatalities match when the larger is at most `ratio` times the smaller plus `slack`; an unknown count matches any. */
export const areFatalitiesCompatible = (a: number | null, b: number | null, ratio: number, slack: number): boolean =>
  a === null || b === null || Math.max(a, b) <= ratio * Math.min(a, b) + slack;

/** Admin1 names compared without case, accents or repeated spaces (`Nord-Kivu` still differs from `North Kivu`). */
export function admin1Key(name: string | null): string | null {
  if (name === null) return null;
  const key = name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
  return key === '' ? null : key;
}

/** The rule as sets, for matching. */
export interface CompiledRule {
  rule: CorroborationRule;
  byDistance: ReadonlySet<LocationPrecision>;
  byAdmin1: ReadonlySet<LocationPrecision>;
  /** `a|b` for each compatible pair, both ways round. */
  categoryPairs: ReadonlySet<string>;
  /** Categories in at least one pair. */
  matchable: ReadonlySet<ViolenceCategory>;
  sameSource: ReadonlySet<EventSource>;
}

export function compileRule(rule: CorroborationRule): CompiledRule {
  const categoryPairs = new Set(rule.compatibleCategories.flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]));
  return {
    rule,
    byDistance: new Set(rule.distancePrecisions),
    byAdmin1: new Set(rule.admin1Precisions),
    categoryPairs,
    matchable: new Set(rule.compatibleCategories.flat()),
    sameSource: new Set(rule.sameSourceMatches),
  };
}

/** An event ready for matching: its days, how its place can be compared, and whether it may match at all. */
export interface PreparedEvent {
  event: CorroborationEvent;
  dayStart: number;
  dayEnd: number;
  /** True when the coordinates mark the place itself (a distance-comparable precision and valid coordinates). */
  byDistance: boolean;
  /** The coordinates when `byDistance`, else NaN. */
  latitude: number;
  longitude: number;
  /** The admin1 key when the precision lets admin1 be trusted; null otherwise. */
  admin1: string | null;
  /**
   * False when the event can match nothing, so it stays alone and is never indexed: unknown country,
   * a date range longer than the rule allows, no place comparable by distance or admin1, or a
   * category in no compatible pair (thousands of GDELT `other` records at one city stay cheap).
   */
  clusterable: boolean;
}

const isCoordinate = (v: number | null, limit: number): v is number => v !== null && Number.isFinite(v) && Math.abs(v) <= limit;

export function prepareEvent(event: CorroborationEvent, rule: CompiledRule): PreparedEvent {
  const dayStart = dayNumber(event.dateStart);
  const dayEnd = dayNumber(event.dateEnd);
  const { latitude, longitude } = event;
  const byDistance = rule.byDistance.has(event.locationPrecision) && isCoordinate(latitude, 90) && isCoordinate(longitude, 180);
  const admin1 = rule.byAdmin1.has(event.locationPrecision) ? admin1Key(event.admin1) : null;
  const clusterable =
    event.countryIso3 !== null &&
    dayEnd - dayStart <= rule.rule.maxDateRangeDays &&
    (byDistance || admin1 !== null) &&
    rule.matchable.has(event.category);
  return {
    event,
    dayStart,
    dayEnd,
    byDistance,
    latitude: byDistance ? latitude : NaN,
    longitude: byDistance ? longitude : NaN,
    admin1,
    clusterable,
  };
}

/** How close a match is, for choosing between anchors: nearer in time first, then in space. */
export interface AnchorMatch {
  gapDays: number;
  /** Days from the anchor's start to the event's start. */
  startDiffDays: number;
  /** Null for a match on admin1. */
  distanceKm: number | null;
}

/**
 * Whether `event` may be the incident `anchor` reports, under the rule: same country, dates within
 * the window, a source pair allowed, compatible categories and fatalities, and the same place (by
 * distance when both are distance-comparable, else by admin1, else never). The one-member-per-source
 * limit is the cluster's to check.
 */
export function matchEvents(anchor: PreparedEvent, event: PreparedEvent, rule: CompiledRule): AnchorMatch | null {
  const a = anchor.event;
  const e = event.event;
  if (!anchor.clusterable || !event.clusterable || a.countryIso3 !== e.countryIso3) return null;
  if (a.source === e.source && !rule.sameSource.has(a.source)) return null;
  const gapDays = dateGapDays(anchor, event);
  if (gapDays > rule.rule.windowDays) return null;
  if (!rule.categoryPairs.has(`${a.category}|${e.category}`)) return null;
  if (!areFatalitiesCompatible(a.fatalitiesBest, e.fatalitiesBest, rule.rule.fatalitiesRatio, rule.rule.fatalitiesSlack))
    return null;
  let distanceKm: number | null = null;
  if (anchor.byDistance && event.byDistance) {
    // Spatial pre-check: a degree of latitude is ~111 km whatever the longitude.
    if (Math.abs(anchor.latitude - event.latitude) * KM_PER_DEGREE > rule.rule.radiusKm) return null;
    distanceKm = haversineKm(anchor.latitude, anchor.longitude, event.latitude, event.longitude);
    if (distanceKm > rule.rule.radiusKm) return null;
  } else if (anchor.admin1 === null || anchor.admin1 !== event.admin1) {
    return null;
  }
  return { gapDays, startDiffDays: Math.abs(event.dayStart - anchor.dayStart), distanceKm };
}
