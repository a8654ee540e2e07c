import type { IsoDate, Iso3 } from '../core/brand.js';
import type { DatePrecision, EventActor, LocationPrecision, NormalisedEvent } from '../events/event.js';
import type { ViolenceCategory } from '../events/violence-category.js';
import type { Act, NewReport, Report } from './report.js';

/** The mapping's version, stored as the event's normaliser version (raise it when the mapping changes). */
export const REPORT_EVENT_VERSION = 1;

/** Acts of violence against persons: with civilian victims they make the report one-sided violence. */
export const VIOLENCE_AGAINST_PERSONS: readonly Act[] = [
  'killing',
  'torture',
  'sexual-violence',
  'abduction',
  'disappearance',
  'attack-on-humanitarian',
];
/** Acts that ACLED counts as strategic developments (looting, property destruction, arrests) and displacement. */
const STRATEGIC: readonly Act[] = ['destruction-of-property', 'looting', 'detention', 'displacement'];

type ReportFacts = Pick<
  Report,
  | 'dateStart'
  | 'dateEnd'
  | 'country'
  | 'admin1'
  | 'admin2'
  | 'location'
  | 'latitude'
  | 'longitude'
  | 'acts'
  | 'victims'
  | 'perpetrators'
  | 'fatalities'
  | 'description'
>;

/**
 * Tocsin's category for a report. Violence against persons (killing, torture, sexual violence,
 * abduction, disappearance, attacks on humanitarians) with civilian victims, or no victims
 * described, is one-sided violence whether or not the armed actor is named (UCDP counts one-sided
 * violence by any organised actor; an unnamed one is still an actor). The same acts against
 * combatants only, and incitement or other acts alone, are 'other': a report cannot tell a battle's
 * sides, and battles come from the conflict datasets. Property destruction, looting, detention and
 * displacement alone are 'strategic', as in ACLED.
 */
export function categoryOfReport(r: Pick<NewReport, 'acts' | 'victims'>): ViolenceCategory {
  const civilians = r.victims.length === 0 || r.victims.some((v) => v.civilian);
  if (r.acts.some((a) => VIOLENCE_AGAINST_PERSONS.includes(a))) return civilians ? 'one-sided' : 'other';
  if (r.acts.some((a) => STRATEGIC.includes(a))) return 'strategic';
  return 'other';
}

const DAY_MS = 86_400_000;
const daysBetween = (a: IsoDate, b: IsoDate) => Math.round((Date.parse(b) - Date.parse(a)) / DAY_MS);

/** One day; a span of up to a week ('days', counted in its first week); longer spans 'month' (monthly series only). */
export function datePrecisionOf(start: IsoDate, end: IsoDate): DatePrecision {
  const span = daysBetween(start, end);
  return span === 0 ? 'day' : span <= 7 ? 'days' : 'month';
}

function locationPrecisionOf(r: ReportFacts): LocationPrecision {
  if (r.latitude !== null) return 'exact';
  if (r.admin2 !== null) return 'admin2';
  if (r.admin1 !== null) return 'admin1';
  return 'country';
}

function perpetratorOf(r: ReportFacts): EventActor | null {
  if (r.perpetrators.length === 0) return null;
  const named = r.perpetrators.filter((p) => p.actor !== undefined);
  if (named.length === 0) return { name: 'Unidentified perpetrator', isCivilian: false, isState: false };
  return { name: named.map((p) => p.actor).join('; '), isCivilian: false, isState: named.some((p) => p.state) };
}

function targetOf(r: ReportFacts): EventActor | null {
  if (r.victims.length === 0) return null;
  const civilian = r.victims.some((v) => v.civilian);
  return { name: civilian ? 'Civilians' : 'Combatants', isCivilian: civilian, isState: false };
}

/**
 * The event a verified report becomes (source 'report', id = its reference). Only facts of the
 * incident travel: never sources, identities, victims' descriptions or the confidential part.
 */
export function reportToEvent(reference: string, r: ReportFacts): NormalisedEvent {
  return {
    source: 'report',
    sourceId: reference,
    dateStart: r.dateStart,
    dateEnd: r.dateEnd,
    datePrecision: datePrecisionOf(r.dateStart, r.dateEnd),
    countryIso3: r.country as Iso3,
    admin1: r.admin1,
    admin2: r.admin2,
    location: r.location,
    latitude: r.latitude,
    longitude: r.longitude,
    locationPrecision: locationPrecisionOf(r),
    category: categoryOfReport(r),
    sourceCategory: `report: ${r.acts.join(', ')}`,
    perpetrator: perpetratorOf(r),
    target: targetOf(r),
    fatalitiesBest: r.fatalities,
    fatalitiesLow: null,
    fatalitiesHigh: null,
    description: r.description === '' ? null : r.description,
    citations: [],
    goldsteinScale: null,
    avgTone: null,
    numMentions: null,
    numSources: null,
    numArticles: null,
    raw: [reference],
  };
}
