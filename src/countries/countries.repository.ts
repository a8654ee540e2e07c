import type { Queryable } from '../db/database.js';
import { allCountries } from './countries.js';

/** Refreshes the `countries` table from the table shipped with the code (idempotent). */
export async function syncCountries(db: Queryable): Promise<void> {
  const rows = allCountries().map((c) => ({
    iso3: c.iso3,
    iso_numeric: c.isoNumeric,
    iso2: c.iso2,
    gw: c.gw,
    cow: c.cow,
    fips: c.fips,
    name: c.name,
    region: c.region,
    subregion: c.subregion,
  }));
  await db.query(
    `INSERT INTO countries (iso3, iso_numeric, iso2, gw, cow, fips, name, region, subregion)
     SELECT * FROM json_to_recordset($1::json) AS r(iso3 text, iso_numeric integer, iso2 text, gw integer,
       cow integer, fips text, name text, region text, subregion text)
     ON CONFLICT (iso3) DO UPDATE SET iso_numeric = EXCLUDED.iso_numeric, iso2 = EXCLUDED.iso2, gw = EXCLUDED.gw,
       cow = EXCLUDED.cow, fips = EXCLUDED.fips, name = EXCLUDED.name, region = EXCLUDED.region, subregion = EXCLUDED.subregion`,
    [JSON.stringify(rows)],
  );
}

export interface CountryRow {
  iso3: string;
  name: string;
  region: string;
  subregion: string;
}

/** Every country, by name. */
export async function listCountries(db: Queryable): Promise<CountryRow[]> {
  return db.query<CountryRow>('SELECT iso3, name, region, subregion FROM countries ORDER BY name');
}
