import type { Iso3 } from '../core/brand.js';

const successors = <K>(pairs: ReadonlyArray<readonly [K, string]>): ReadonlyMap<K, Iso3> =>
  new Map(pairs.map(([code, iso3]) => [code, iso3 as Iso3]));

/**
 * Gleditsch-Ward codes that UCDP and other lists carry, mapped to today's successor state.
 * Consulted by `countryByGw` only when no table entry has the code as its own `gw`; where both
 * exist they agree (tested). The number alone is ambiguous across systems: 626 is South Sudan in
 * G-W but Timor-Leste in ISO numeric, so always carry the code system with the number.
 */
export const historicalGw: ReadonlyMap<number, Iso3> = successors([
  [255, 'DEU'], // Germany (Prussia) 1816-1945 in G-W
  [260, 'DEU'], // German Federal Republic 1949-1990, continued as Germany (DEU's own gw)
  [265, 'DEU'], // German Democratic Republic 1949-1990, joined the Federal Republic
  [315, 'CZE'], // Czechoslovakia 1918-1992; Czechia is the usual successor in country panels
  [340, 'SRB'], // Serbia in G-W's own list and in countrycode; UCDP uses 345
  [345, 'SRB'], // Yugoslavia / Serbia and Montenegro, continued by Serbia; UCDP's code for Serbia
  [364, 'RUS'], // the USSR in some derived lists (G-W and COW use 365)
  [365, 'RUS'], // Russia (Soviet Union); RUS's own gw
  [626, 'SSD'], // South Sudan in G-W (its ISO numeric is 728; ISO 626 is Timor-Leste)
  [678, 'YEM'], // Yemen Arab Republic (North Yemen); UCDP's code for unified Yemen since 1990
  [680, 'YEM'], // Yemen People's Republic (South Yemen) 1967-1990, merged into Yemen
  [815, 'VNM'], // Vietnam, G-W's entry (countrycode's static gwn)
  [816, 'VNM'], // Vietnam (Democratic Republic, then unified); UCDP's and COW's code
  [817, 'VNM'], // Republic of Vietnam (South Vietnam) 1954-1975
]);

/** Correlates of War codes of former states, mapped to today's successor (same rules as `historicalGw`). */
export const historicalCow: ReadonlyMap<number, Iso3> = successors([
  [260, 'DEU'], // German Federal Republic 1955-1990 (COW codes today's Germany 255)
  [265, 'DEU'], // German Democratic Republic
  [315, 'CZE'], // Czechoslovakia
  [511, 'TZA'], // Zanzibar 1963-1964, united with Tanganyika as Tanzania (COW 510)
  [678, 'YEM'], // Yemen Arab Republic (COW codes unified Yemen 679)
  [680, 'YEM'], // Yemen People's Republic
  [817, 'VNM'], // Republic of Vietnam
]);

/**
 * FIPS 10-4 codes that GDELT's geo fields can carry beyond each entry's own `fips`: parts of a
 * territory that ISO codes as one, retired codes, and small dependencies with no ISO code.
 */
export const fipsAliases: ReadonlyMap<string, Iso3> = successors([
  ['GZ', 'PSE'], // Gaza Strip; ISO PS covers it together with the West Bank (FIPS WE)
  ['YI', 'SRB'], // Serbia and Montenegro 2003-2006, retired; Serbia is the continuator state
  ['NT', 'CUW'], // Netherlands Antilles, dissolved 2010; Curacao was its largest island and seat
  ['JN', 'SJM'], // Jan Mayen; ISO SJ covers it together with Svalbard (FIPS SV)
  ['BS', 'ATF'], // Bassas da India: the Scattered Islands are part of ISO TF (French Southern Territories)
  ['EU', 'ATF'], // Europa Island
  ['GO', 'ATF'], // Glorioso Islands (also claimed by Madagascar)
  ['JU', 'ATF'], // Juan de Nova Island
  ['TE', 'ATF'], // Tromelin Island (also claimed by Mauritius)
  ['BQ', 'UMI'], // Navassa Island: ISO UM groups the US minor outlying islands
  ['FQ', 'UMI'], // Baker Island
  ['HQ', 'UMI'], // Howland Island
  ['DQ', 'UMI'], // Jarvis Island
  ['JQ', 'UMI'], // Johnston Atoll
  ['KQ', 'UMI'], // Kingman Reef
  ['MQ', 'UMI'], // Midway Islands
  ['LQ', 'UMI'], // Palmyra Atoll
  ['WQ', 'UMI'], // Wake Island
  ['AT', 'AUS'], // Ashmore and Cartier Islands, an Australian external territory with no ISO code
  ['CR', 'AUS'], // Coral Sea Islands, likewise
  ['IP', 'FRA'], // Clipperton Island, French state property with no ISO code
  ['AX', 'GBR'], // Akrotiri, a UK sovereign base area on Cyprus
  ['DX', 'GBR'], // Dhekelia, likewise
]);

/** FIPS-style codes GDELT uses for places that are no country: they resolve to nothing on purpose. */
export const fipsNonCountries: ReadonlyMap<string, string> = new Map([
  ['OS', 'Oceans (general)'], // GDELT's code for open-sea locations (e.g. "Southern Ocean")
  ['PF', 'Paracel Islands'], // disputed (China, Vietnam, Taiwan): no single country
  ['PG', 'Spratly Islands'], // disputed among six claimants: no single country
]);
