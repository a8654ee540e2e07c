import type { IsoDate, Iso3 } from '../../core/brand.js';
import { countryByIso3, countryByIsoNumeric, countryByName } from '../../countries/countries.js';
import type { DatePrecision, LocationPrecision } from '../../events/event.js';
import { parseAcledDate } from './acled-dates.js';
import type { AcledColumn } from './acled-layout.js';

/** One field read from an ACLED row, or the column and reason it is rejected for. */
export type FieldResult<T> = { ok: true; value: T } | { ok: false; column: AcledColumn | null; reason: string };

const ok = <T>(value: T): FieldResult<T> => ({ ok: true, value });
const fail = <T>(column: AcledColumn | null, reason: string): FieldResult<T> => ({ ok: false, column, reason });

/** ACLED time_precision -> Tocsin date precision. */
const TIME_PRECISION: Readonly<Record<string, DatePrecision>> = {
  '1': 'day', // the day is known
  '2': 'week', // within the week (or a few days) around event_date
  '3': 'month', // only the month is known
};

/** ACLED geo_precision -> Tocsin location precision. */
const GEO_PRECISION: Readonly<Record<string, LocationPrecision>> = {
  '1': 'exact', // the town or village itself
  '2': 'near', // near a named place, or a part of a town
  '3': 'region', // a larger region: the coordinates are a provincial capital or centroid
};

/** Reads event_date, cross-checked against the year column when it holds a year (catches `5-Aug-24` read in the wrong century). */
export function readEventDate(dateCell: string | null, yearCell: string | null): FieldResult<IsoDate> {
  if (dateCell === null) return fail('event_date', 'event_date is missing');
  const parsed = parseAcledDate(dateCell);
  if (!parsed.ok) return fail('event_date', parsed.reason);
  if (yearCell !== null && /^\d{4}$/.test(yearCell) && !parsed.date.startsWith(yearCell)) {
    return fail(
      'event_date',
      `event_date ${JSON.stringify(dateCell)} is in ${parsed.date.slice(0, 4)} but year says ${yearCell}`,
    );
  }
  return ok(parsed.date);
}

/** Reads time_precision (1 day, 2 week, 3 month). */
export function readDatePrecision(cell: string | null): FieldResult<DatePrecision> {
  const precision = cell === null ? undefined : TIME_PRECISION[cell];
  if (precision === undefined)
    return fail('time_precision', `time_precision must be 1, 2 or 3, got ${JSON.stringify(cell ?? '')}`);
  return ok(precision);
}

/** Reads geo_precision (1 exact, 2 near, 3 region); a missing cell is `unknown`. */
export function readLocationPrecision(cell: string | null): FieldResult<LocationPrecision> {
  if (cell === null) return ok('unknown');
  const precision = GEO_PRECISION[cell];
  if (precision === undefined) return fail('geo_precision', `geo_precision must be 1, 2 or 3, got ${JSON.stringify(cell)}`);
  return ok(precision);
}

/**
 * Resolves the country from the first code that names a known country: iso3 (2020 layout), then the
 * ISO numeric `iso`, then the country name (ACLED gives Kosovo iso 0, which only the name resolves).
 */
export function readCountry(cells: { iso3: string | null; iso: string | null; country: string | null }): FieldResult<Iso3> {
  const byIso3 = cells.iso3 === null ? undefined : countryByIso3(cells.iso3);
  const byNumeric = cells.iso === null || !/^\d{1,3}$/.test(cells.iso) ? undefined : countryByIsoNumeric(Number(cells.iso));
  const byName = cells.country === null ? undefined : countryByName(cells.country);
  const found = byIso3 ?? byNumeric ?? byName;
  if (found !== undefined) return ok(found.iso3);
  const tried = Object.entries(cells)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k} ${JSON.stringify(v)}`);
  const column: AcledColumn = cells.iso3 !== null ? 'iso3' : cells.iso !== null ? 'iso' : 'country';
  return fail(
    column,
    tried.length === 0 ? 'no country given (iso3, iso and country are empty)' : `unknown country: ${tried.join(', ')}`,
  );
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** Reads latitude and longitude: both present and in range, or both missing. */
export function readCoordinates(
  latitude: string | null,
  longitude: string | null,
): FieldResult<{ latitude: number | null; longitude: number | null }> {
  if (latitude === null && longitude === null) return ok({ latitude: null, longitude: null });
  const lat = readDecimal('latitude', latitude, 90);
  if (!lat.ok) return lat;
  const lon = readDecimal('longitude', longitude, 180);
  if (!lon.ok) return lon;
  return ok({ latitude: lat.value, longitude: lon.value });
}

function readDecimal(column: 'latitude' | 'longitude', cell: string | null, limit: number): FieldResult<number> {
  if (cell === null) return fail(column, `${column} is missing while the other coordinate is given`);
  if (!DECIMAL.test(cell)) return fail(column, `${column} is not a number: ${JSON.stringify(cell)}`);
  const value = Number(cell);
  if (Math.abs(value) > limit) return fail(column, `${column} ${cell} is out of range (-${limit} to ${limit})`);
  return ok(value);
}

/** Reads fatalities: a non-negative integer, or null when missing. */
export function readFatalities(cell: string | null): FieldResult<number | null> {
  if (cell === null) return ok(null);
  const value = Number(cell);
  if (!/^\d+$/.test(cell) || !Number.isSafeInteger(value))
    return fail('fatalities', `fatalities must be a non-negative integer, got ${JSON.stringify(cell)}`);
  return ok(value);
}

/** Splits the source cell into citations: `Reuters; Premium Times` -> two outlets. */
export const readCitations = (cell: string | null): string[] =>
  cell === null
    ? []
    : cell
        .split(';')
        .map((s) => s.trim())
        .filter((s) => s !== '' && s !== 'NA');
