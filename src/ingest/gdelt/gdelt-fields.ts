import { isoDateFromParts, type IsoDate } from '../../core/brand.js';
import type { LocationPrecision } from '../../events/event.js';
import { fail, ok, readCount, readDecimal, type FieldResult } from '../fields.js';

const YYYYMMDD = /^(\d{4})(\d{2})(\d{2})$/;

/** Reads a `YYYYMMDD` date (SQLDATE), checking that the day exists. */
export function readYyyymmdd(column: string, cell: string): FieldResult<IsoDate> {
  const m = YYYYMMDD.exec(cell);
  const date = m ? isoDateFromParts(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
  return date === undefined ? fail(column, `${column} must be a real day as YYYYMMDD, got ${JSON.stringify(cell)}`) : ok(date);
}

/** The CAMEO codes of an event, as strings: root `19`, base `193`, event `193` or `1931`. */
export interface CameoCodes {
  eventCode: string;
  baseCode: string;
  rootCode: string;
}

/** Checks the three CAMEO codes: root 01-20, base = root + 1 digit, event = base + 0 or 1 digit. */
export function readCameoCodes(eventCode: string, baseCode: string, rootCode: string): FieldResult<CameoCodes> {
  const root = Number(rootCode);
  if (!/^\d{2}$/.test(rootCode) || root < 1 || root > 20) {
    return fail('EventRootCode', `EventRootCode must be a CAMEO root 01-20, got ${JSON.stringify(rootCode)}`);
  }
  if (!/^\d{3}$/.test(baseCode) || !baseCode.startsWith(rootCode)) {
    return fail(
      'EventBaseCode',
      `EventBaseCode must be 3 digits starting with the root ${rootCode}, got ${JSON.stringify(baseCode)}`,
    );
  }
  if (!/^\d{3,4}$/.test(eventCode) || !eventCode.startsWith(baseCode)) {
    return fail(
      'EventCode',
      `EventCode must be 3-4 digits starting with the base code ${baseCode}, got ${JSON.stringify(eventCode)}`,
    );
  }
  return ok({ eventCode, baseCode, rootCode });
}

/** GDELT geo type -> Tocsin location precision. */
const GEO_TYPES: ReadonlyMap<string, LocationPrecision> = new Map([
  ['0', 'unknown'], // no geography
  ['1', 'country'], // country: the coordinates are a centroid
  ['2', 'admin1'], // US state: a centroid
  ['3', 'exact'], // US city or landmark
  ['4', 'exact'], // world city or landmark
  ['5', 'admin1'], // world ADM1 region: a centroid
]);

/** Reads ActionGeo_Type (0-5); empty is `unknown`. */
export function readLocationPrecision(cell: string): FieldResult<LocationPrecision> {
  if (cell === '') return ok('unknown');
  const precision = GEO_TYPES.get(cell);
  return precision === undefined
    ? fail('ActionGeo_Type', `ActionGeo_Type must be 0-5, got ${JSON.stringify(cell)}`)
    : ok(precision);
}

/** GDELT's media metrics of an event. */
export interface GdeltMetrics {
  goldsteinScale: number | null;
  avgTone: number | null;
  numMentions: number | null;
  numSources: number | null;
  numArticles: number | null;
}

/** Reads GoldsteinScale (-10..10), AvgTone (-100..100) and the three counts. */
export function readMetrics(cell: (column: string) => string): FieldResult<GdeltMetrics> {
  const goldsteinScale = readDecimal('GoldsteinScale', cell('GoldsteinScale'), 10);
  if (!goldsteinScale.ok) return goldsteinScale;
  const avgTone = readDecimal('AvgTone', cell('AvgTone'), 100);
  if (!avgTone.ok) return avgTone;
  const numMentions = readCount('NumMentions', cell('NumMentions'));
  if (!numMentions.ok) return numMentions;
  const numSources = readCount('NumSources', cell('NumSources'));
  if (!numSources.ok) return numSources;
  const numArticles = readCount('NumArticles', cell('NumArticles'));
  if (!numArticles.ok) return numArticles;
  return ok({
    goldsteinScale: goldsteinScale.value,
    avgTone: avgTone.value,
    numMentions: numMentions.value,
    numSources: numSources.value,
    numArticles: numArticles.value,
  });
}
