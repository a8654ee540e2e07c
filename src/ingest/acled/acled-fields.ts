import type { IsoDate, Iso3 } from '../../core/brand.js';
import { countryByIso3, countryByIsoNumeric, countryByName } from '../../countries/countries.js';
import type { DatePrecision, LocationPrecision } from '../../events/event.js';
import { fail, ok, type FieldResult } from '../fields.js';
import { parseAcledDate } from './acled-dates.js';
import type { AcledColumn } from './acled-layout.js';

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

/** Splits the source cell into citations: `Reuters; Premium Times` -> two outlets. */
export const readCitations = (cell: string | null): string[] =>
  cell === null
    ? []
    : cell
        .split(';')
        .map((s) => s.trim())
        .filter((s) => s !== '' && s !== 'NA');
