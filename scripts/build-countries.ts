/**
 * Builds `src/countries/countries.data.json`, Tocsin's country reference table.
 *
 * Source: the R package countrycode 1.8.0 (Arel-Bundock, Enevoldsen & Yetman 2018, "countrycode:
 * An R package to convert country names and country codes", JOSS 3(28)), file
 * `dictionary/codelist_without_cldr.csv`, kept beside the project as
 * `../shared/data/geo/countrycode_codelist.csv`. Licence GPL-3; the code lists themselves are
 * published by ISO 3166 (alpha-2/3, numeric), the Correlates of War project (COW), Gleditsch & Ward
 * (G-W), FIPS 10-4 and the UN M49 standard (regions). We keep only codes, the English short name,
 * the M49 region names and the English name regex: one row per ISO alpha-3, plus Kosovo as `XKX`.
 *
 * Overrides, because UCDP GED (`country_id`, `gwnoa`, `gwnob`) uses G-W codes that differ from
 * countrycode's static `gwn` column (see ../shared/data/geo/SOURCE.md):
 * - SRB 345: UCDP keeps Yugoslavia's 345 for Serbia; countrycode has 340 (G-W's pre-1918 Serbia).
 * - XKX 347: Kosovo has a G-W code but no ISO alpha-3; XKX/XK are the user-assigned codes in
 *   common use (European Commission, IMF, CLDR).
 * - YEM 678: UCDP files unified Yemen under the Yemen Arab Republic's 678; countrycode has none.
 * - VNM 816: UCDP uses 816 (COW's Vietnam); countrycode has G-W 815 (pre-1893 Vietnam).
 * Fills for blanks: Serbia COW 345 (COW continues Yugoslavia's 345 as Serbia); FIPS codes created
 * after countrycode's FIPS list was frozen (South Sudan OD, Curacao UC, Sint Maarten NN, Saint
 * Martin RN; GeoNames countryInfo agrees); regions for Antarctica, Taiwan and Kosovo.
 *
 * Run: `npx tsx scripts/build-countries.ts [path/to/countrycode_codelist.csv]`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import type { Iso3 } from '../src/core/brand.js';
import type { Country } from '../src/countries/country.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const DEFAULT_SOURCE = resolve(HERE, '../../shared/data/geo/countrycode_codelist.csv');
const TARGET = resolve(HERE, '../src/countries/countries.data.json');

const GW_OVERRIDES: Readonly<Record<string, number>> = { SRB: 345, XKX: 347, YEM: 678, VNM: 816 };
const COW_FILLS: Readonly<Record<string, number>> = { SRB: 345 };
const FIPS_FILLS: Readonly<Record<string, string>> = { SSD: 'OD', CUW: 'UC', SXM: 'NN', MAF: 'RN' };
const REGION_FILLS: Readonly<Record<string, readonly [string, string]>> = {
  ATA: ['Antarctica', 'Antarctica'], // M49 gives Antarctica no region
  TWN: ['Asia', 'Eastern Asia'], // absent from M49 for political reasons
  XKX: ['Europe', 'Southern Europe'], // absent from M49; placed with its neighbours
};
/** Exact names our sources use that neither the short name nor the regex catches. */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  YEM: ['Yemen (North Yemen)'], // UCDP's country name; the regex excludes "north" (that is G-W 678 pre-1990)
};

type CodelistRow = Readonly<Record<string, string>>;

/** Parses the codelist CSV into rows keyed by column name. */
export function parseCodelist(text: string): CodelistRow[] {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) {
    const lines = parsed.errors.map((e) => `row ${e.row ?? '?'}: ${e.message}`);
    throw new Error(`countrycode_codelist.csv: ${lines.join('; ')}`);
  }
  return parsed.data;
}

const cell = (row: CodelistRow, column: string): string => (row[column] ?? '').trim();
const orNull = (value: string): string | null => (value === '' ? null : value);

function integer(row: CodelistRow, column: string): number | null {
  const value = cell(row, column);
  if (value === '') return null;
  if (!/^\d+$/.test(value)) throw new Error(`${cell(row, 'country.name.en')}: ${column} is not an integer: ${value}`);
  return Number(value);
}

/** One table row from one codelist row, with the overrides and fills applied. */
function toCountry(row: CodelistRow, iso3: string): Country {
  const [region, subregion] = REGION_FILLS[iso3] ?? [cell(row, 'un.region.name'), cell(row, 'un.regionsub.name')];
  const isKosovo = iso3 === 'XKX';
  const country: Country = {
    iso3: iso3 as Iso3,
    isoNumeric: isKosovo ? null : integer(row, 'iso3n'),
    iso2: isKosovo ? 'XK' : orNull(cell(row, 'iso2c')),
    gw: GW_OVERRIDES[iso3] ?? integer(row, 'gwn'),
    cow: integer(row, 'cown') ?? COW_FILLS[iso3] ?? null,
    fips: orNull(cell(row, 'fips')) ?? FIPS_FILLS[iso3] ?? null,
    name: cell(row, 'country.name.en'),
    region,
    subregion,
    nameRegex: cell(row, 'country.name.en.regex'),
  };
  const aliases = ALIASES[iso3];
  return aliases ? { ...country, aliases } : country;
}

/** The table: every row with an ISO alpha-3, plus Kosovo, sorted by alpha-3. */
export function buildCountries(rows: readonly CodelistRow[]): Country[] {
  const countries: Country[] = [];
  for (const row of rows) {
    const iso3 = cell(row, 'iso3c') || (cell(row, 'country.name.en') === 'Kosovo' ? 'XKX' : '');
    if (iso3 !== '') countries.push(toCountry(row, iso3));
  }
  return countries.sort((a, b) => a.iso3.localeCompare(b.iso3));
}

/** Every problem that must stop the build: duplicate codes, blank fields, regexes JS cannot compile. */
export function findProblems(countries: readonly Country[]): string[] {
  const problems: string[] = [];
  const keys = ['iso3', 'iso2', 'isoNumeric', 'gw', 'cow', 'fips'] as const;
  for (const key of keys) {
    const seen = new Map<unknown, string>();
    for (const c of countries) {
      const value = c[key];
      if (value === null) continue;
      const other = seen.get(value);
      if (other !== undefined) problems.push(`${key} ${String(value)} is shared by ${other} and ${c.iso3}`);
      seen.set(value, c.iso3);
    }
  }
  for (const c of countries) {
    if (!c.name || !c.region || !c.subregion || !c.nameRegex) problems.push(`${c.iso3}: blank name, region or regex`);
    try {
      if (!new RegExp(c.nameRegex ?? '', 'i').test(c.name)) problems.push(`${c.iso3}: regex misses its own name`);
    } catch (e) {
      problems.push(`${c.iso3}: regex does not compile in JS: ${(e as Error).message}`);
    }
  }
  return problems;
}

/** Names matched by more than one regex: reported, not fatal (the lookup refuses to guess). */
export function findRegexOverlaps(countries: readonly Country[]): string[] {
  const compiled = countries.map((c) => [c.iso3, new RegExp(c.nameRegex ?? '', 'i')] as const);
  return countries.flatMap((c) => {
    const hits = compiled.filter(([, re]) => re.test(c.name)).map(([iso3]) => iso3);
    return hits.length > 1 ? [`"${c.name}" matches ${hits.join(', ')}`] : [];
  });
}

/** JSON with one country per line, so diffs of the generated file stay readable. */
export function formatTable(countries: readonly Country[]): string {
  const header = {
    source: 'countrycode 1.8.0 (Arel-Bundock et al.), GPL-3; codes from ISO 3166, COW, Gleditsch-Ward, FIPS 10-4, UN M49',
    generator: 'scripts/build-countries.ts (edit the overrides there, never this file)',
  };
  const head = Object.entries(header).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)},`);
  const lines = countries.map((c) => `    ${JSON.stringify(c)}`);
  return `{\n${head.join('\n')}\n  "countries": [\n${lines.join(',\n')}\n  ]\n}\n`;
}

function main(): void {
  const source = process.argv[2] ?? DEFAULT_SOURCE;
  const countries = buildCountries(parseCodelist(readFileSync(source, 'utf8')));
  const problems = findProblems(countries);
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    process.exitCode = 1;
    return;
  }
  for (const overlap of findRegexOverlaps(countries)) console.warn(`note: ${overlap}`);
  writeFileSync(TARGET, formatTable(countries));
  console.log(`wrote ${countries.length} countries to ${TARGET}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
