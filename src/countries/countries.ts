import type { GwCode, Iso3 } from '../core/brand.js';
import { fipsAliases, historicalCow, historicalGw } from './code-aliases.js';
import type { Country } from './country.js';
import data from './countries.data.json' with { type: 'json' };

export { fipsAliases, fipsNonCountries, historicalCow, historicalGw } from './code-aliases.js';

/** Longer inputs are not country names; the cap also bounds the regex scan on hostile text. */
const MAX_NAME_LENGTH = 200;

type Row = Omit<Country, 'iso3'> & { iso3: string };
const rows: readonly Row[] = data.countries;

const COUNTRIES: readonly Country[] = Object.freeze(rows.map((row) => Object.freeze({ ...row, iso3: row.iso3 as Iso3 })));

function indexBy<K>(key: (country: Country) => K | null): ReadonlyMap<K, Country> {
  const index = new Map<K, Country>();
  for (const country of COUNTRIES) {
    const value = key(country);
    if (value !== null) index.set(value, country);
  }
  return index;
}

const byIso3 = indexBy<string>((c) => c.iso3);
const byIso2 = indexBy((c) => c.iso2);
const byIsoNumeric = indexBy((c) => c.isoNumeric);
const byGw = indexBy((c) => c.gw);
const byCow = indexBy((c) => c.cow);
const byFips = indexBy((c) => c.fips);

/** Lower case, NFC, typographic apostrophes made plain, runs of spaces collapsed. */
const normaliseName = (name: string): string =>
  name
    .normalize('NFC')
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

const byName = new Map<string, Country>(
  COUNTRIES.flatMap((c) => [c.name, ...(c.aliases ?? [])].map((n) => [normaliseName(n), c] as const)),
);
const nameMatchers: ReadonlyArray<readonly [RegExp, Country]> = COUNTRIES.flatMap((c) =>
  c.nameRegex ? [[new RegExp(c.nameRegex, 'i'), c] as const] : [],
);

const normaliseCode = (code: string): string => code.trim().toUpperCase();
const successor = (iso3: Iso3 | undefined): Country | undefined => (iso3 ? byIso3.get(iso3) : undefined);

/** Every country and territory in the table (ISO alpha-3 entries plus Kosovo `XKX`), sorted by alpha-3. */
export const allCountries = (): readonly Country[] => COUNTRIES;

/** Looks up an ISO 3166-1 alpha-3 code (`SSD`; `XKX` for Kosovo), any case. */
export const countryByIso3 = (code: string): Country | undefined => byIso3.get(normaliseCode(code));

/** Looks up an ISO 3166-1 alpha-2 code (`SS`; `XK` for Kosovo), any case. */
export const countryByIso2 = (code: string): Country | undefined => byIso2.get(normaliseCode(code));

/** Looks up an ISO 3166-1 numeric code as a number (4 = Afghanistan, 626 = Timor-Leste). */
export const countryByIsoNumeric = (n: number): Country | undefined => byIsoNumeric.get(n);

/** Looks up a Gleditsch-Ward code as UCDP uses it (626 = South Sudan), then former states' codes via `historicalGw`. */
export const countryByGw = (n: number): Country | undefined => byGw.get(n) ?? successor(historicalGw.get(n));

/** Looks up a Correlates of War code (255 = Germany), then former states' codes via `historicalCow`. */
export const countryByCow = (n: number): Country | undefined => byCow.get(n) ?? successor(historicalCow.get(n));

/**
 * Looks up a FIPS 10-4 code as GDELT's `*Geo_CountryCode` carries it (`IS` = Israel), then
 * `fipsAliases` (Gaza Strip, retired codes, small dependencies). Codes in `fipsNonCountries`
 * (`OS`, open sea) resolve to nothing on purpose.
 */
export const countryByFips = (code: string): Country | undefined => {
  const key = normaliseCode(code);
  return byFips.get(key) ?? successor(fipsAliases.get(key));
};

/**
 * Finds a country by name: an exact case-insensitive match on the short name or an alias first,
 * then the countrycode regexes. Returns undefined when no regex or more than one matches (it
 * never guesses between two countries) and for inputs over 200 characters.
 */
export function countryByName(name: string): Country | undefined {
  const key = normaliseName(name);
  if (key === '' || key.length > MAX_NAME_LENGTH) return undefined;
  const exact = byName.get(key);
  if (exact) return exact;
  const [first, second] = nameMatchers.filter(([pattern]) => pattern.test(key));
  return first && !second ? first[1] : undefined;
}

const splitGwList = (text: string | null | undefined): string[] =>
  (text ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
const isGwPart = (part: string): boolean => /^\d{1,3}$/.test(part);

/**
 * Parses a UCDP `gwnoa`/`gwnob` field (`"2, 200"`, `"482"`, `""`) into G-W codes; never throws.
 * Parts that are not 1-3 digit numbers are skipped: call `invalidGwParts` on the same text to
 * report them (the importer quarantines such rows rather than dropping codes silently).
 */
export const parseGwList = (text: string | null | undefined): GwCode[] =>
  splitGwList(text)
    .filter(isGwPart)
    .map((part) => Number(part) as GwCode);

/** The parts of a `gwnoa`/`gwnob` field that `parseGwList` skipped (`"2, x"` gives `["x"]`); empty when clean. */
export const invalidGwParts = (text: string | null | undefined): string[] => splitGwList(text).filter((part) => !isGwPart(part));
