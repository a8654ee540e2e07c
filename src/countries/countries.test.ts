import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { describeWithSharedData, sharedData } from '../test-support/shared-data.js';
import {
  allCountries,
  countryByCow,
  countryByFips,
  countryByGw,
  countryByIso2,
  countryByIso3,
  countryByIsoNumeric,
  countryByName,
  fipsAliases,
  fipsNonCountries,
  historicalCow,
  historicalGw,
  invalidGwParts,
  parseGwList,
} from './countries.js';

/** Values of `key` held by more than one entry, as "value: A, B" lines (printed when a test fails). */
function conflicts(key: 'iso3' | 'iso2' | 'isoNumeric' | 'gw' | 'cow' | 'fips'): string[] {
  const holders = new Map<unknown, string[]>();
  for (const c of allCountries()) {
    if (c[key] !== null) holders.set(c[key], [...(holders.get(c[key]) ?? []), c.iso3]);
  }
  return [...holders].filter(([, iso3s]) => iso3s.length > 1).map(([v, iso3s]) => `${String(v)}: ${iso3s.join(', ')}`);
}

describe('country table', () => {
  it.each(['iso3', 'iso2', 'isoNumeric', 'gw', 'cow', 'fips'] as const)('gives every %s to at most one entry', (key) => {
    expect(conflicts(key)).toEqual([]);
  });

  it('has every ISO entry plus Kosovo, each with a name, region, sub-region and a regex matching its name', () => {
    expect(allCountries().length).toBe(250);
    for (const c of allCountries()) {
      expect([c.iso3, c.name, c.region, c.subregion].every((s) => s.length > 0)).toBe(true);
      expect(new RegExp(c.nameRegex ?? '^$', 'i').test(c.name), c.iso3).toBe(true);
    }
  });

  it('keeps the historical maps consistent with the codes entries hold themselves', () => {
    for (const [gw, iso3] of historicalGw) expect(countryByIso3(iso3), `G-W ${gw}`).toBeDefined();
    for (const [cow, iso3] of historicalCow) expect(countryByIso3(iso3), `COW ${cow}`).toBeDefined();
    for (const [gw, iso3] of historicalGw) expect(countryByGw(gw)?.iso3, `G-W ${gw}`).toBe(iso3);
    for (const [cow, iso3] of historicalCow) expect(countryByCow(cow)?.iso3, `COW ${cow}`).toBe(iso3);
  });

  it('never lets a FIPS alias or non-country code shadow an entry’s own FIPS code', () => {
    const own = new Set(allCountries().map((c) => c.fips));
    for (const [fips, iso3] of fipsAliases) {
      expect(own.has(fips), fips).toBe(false);
      expect(countryByIso3(iso3), fips).toBeDefined();
    }
    for (const fips of fipsNonCountries.keys()) expect(own.has(fips) || fipsAliases.has(fips), fips).toBe(false);
  });
});

describe('code lookups', () => {
  it.each([
    [678, 'YEM'],
    [680, 'YEM'],
    [345, 'SRB'],
    [340, 'SRB'],
    [815, 'VNM'],
    [816, 'VNM'],
    [817, 'VNM'],
    [347, 'XKX'],
    [482, 'CAF'],
    [626, 'SSD'],
    [260, 'DEU'],
    [255, 'DEU'],
    [265, 'DEU'],
    [365, 'RUS'],
    [364, 'RUS'],
    [315, 'CZE'],
    [666, 'ISR'],
    [2, 'USA'],
  ])('resolves Gleditsch-Ward %i to %s', (gw, iso3) => {
    expect(countryByGw(gw)?.iso3).toBe(iso3);
  });

  it('keeps ISO numeric and G-W apart: 626 is Timor-Leste in ISO and South Sudan in G-W', () => {
    expect(countryByIsoNumeric(626)?.iso3).toBe('TLS');
    expect(countryByGw(626)?.iso3).toBe('SSD');
    expect(countryByIsoNumeric(4)?.iso3).toBe('AFG');
    expect(countryByIsoNumeric(728)?.iso3).toBe('SSD');
  });

  it('resolves Correlates of War codes, Germany 255 included', () => {
    expect(countryByCow(255)?.iso3).toBe('DEU');
    expect(countryByCow(679)?.iso3).toBe('YEM');
    expect(countryByCow(345)?.iso3).toBe('SRB');
    expect(countryByCow(232)?.iso3).toBe('AND');
  });

  it.each([
    ['IS', 'ISR'],
    ['NI', 'NGA'],
    ['AS', 'AUS'],
    ['UK', 'GBR'],
    ['is', 'ISR'],
    [' CT ', 'CAF'],
    ['WE', 'PSE'],
    ['GZ', 'PSE'],
    ['OD', 'SSD'],
    ['KV', 'XKX'],
    ['RI', 'SRB'],
    ['YI', 'SRB'],
  ])('resolves FIPS %s to %s', (fips, iso3) => {
    expect(countryByFips(fips)?.iso3).toBe(iso3);
  });

  it('resolves no country for open sea, disputed islands or unknown codes', () => {
    for (const code of ['OS', 'PF', 'PG', 'ZZ', '']) expect(countryByFips(code)).toBeUndefined();
    expect(countryByGw(999)).toBeUndefined();
    expect(countryByIsoNumeric(0)).toBeUndefined();
  });

  it('gives Kosovo XKX/XK and no ISO numeric, and Palestine no G-W or COW code', () => {
    expect(countryByIso3('xkx')).toMatchObject({ iso2: 'XK', isoNumeric: null, gw: 347, region: 'Europe' });
    expect(countryByIso2('XK')?.iso3).toBe('XKX');
    expect(countryByIso3('PSE')).toMatchObject({ gw: null, cow: null, isoNumeric: 275 });
    expect(countryByIso3('TWN')).toMatchObject({ region: 'Asia', subregion: 'Eastern Asia' });
  });
});

describe('countryByName', () => {
  it.each([
    ['Central African Republic', 'CAF'],
    ['Burma', 'MMR'],
    ['Myanmar', 'MMR'],
    ['Ivory Coast', 'CIV'],
    ['Côte d\u2019Ivoire', 'CIV'],
    ["Côte d'Ivoire", 'CIV'],
    ['Democratic Republic of Congo', 'COD'],
    ['DR Congo', 'COD'],
    ['Republic of the Congo', 'COG'],
    ['niger', 'NER'],
    ['Nigeria', 'NGA'],
    ['Dominica', 'DMA'],
    ['Dominican Republic', 'DOM'],
    ['Yemen (North Yemen)', 'YEM'],
    ['Serbia (Yugoslavia)', 'SRB'],
    ['  KOSOVO ', 'XKX'],
    ['South Sudan', 'SSD'],
    ['Sudan', 'SDN'],
  ])('resolves %s to %s', (name, iso3) => {
    expect(countryByName(name)?.iso3).toBe(iso3);
  });

  it('refuses to guess when two countries match, and ignores empty or overlong input', () => {
    expect(countryByName('Niger and Nigeria')).toBeUndefined();
    expect(countryByName('Israel and Palestine')).toBeUndefined();
    expect(countryByName('')).toBeUndefined();
    expect(countryByName('Atlantis')).toBeUndefined();
    const started = performance.now();
    expect(countryByName(`${'d '.repeat(50_000)}congo`)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(100);
  });
});

describe('parseGwList', () => {
  it.each([
    ['2, 200', [2, 200], []],
    ['482', [482], []],
    ['', [], []],
    [' 751 , 750 ', [751, 750], []],
    ['2,,200', [2, 200], []],
    ['2, x, 200', [2, 200], ['x']],
    ['678.0', [], ['678.0']],
    ['-1, 1000', [], ['-1', '1000']],
  ])('parses %j into %j, skipping %j', (text, codes, invalid) => {
    expect(parseGwList(text)).toEqual(codes);
    expect(invalidGwParts(text)).toEqual(invalid);
  });

  it('treats a missing field as no codes', () => {
    expect(parseGwList(null)).toEqual([]);
    expect(parseGwList(undefined)).toEqual([]);
  });
});

describeWithSharedData('country codes in the shared event files', () => {
  const ucdpRows = (file: string): Record<string, string>[] =>
    Papa.parse<Record<string, string>>(readFileSync(sharedData(`events/ucdp/${file}`), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;

  it.each(['ged231_sample1000.csv', 'ged231_CAF_optgeo.csv'])('resolves every UCDP G-W code and country name in %s', (file) => {
    const unresolved = new Set<string>();
    for (const row of ucdpRows(file)) {
      const country = countryByGw(Number(row['country_id']));
      if (!country) unresolved.add(`country_id ${row['country_id']}`);
      if (countryByName(row['country'] ?? '') !== country) unresolved.add(`country ${row['country']}`);
      for (const field of ['gwnoa', 'gwnob']) {
        for (const code of parseGwList(row[field])) if (!countryByGw(code)) unresolved.add(`${field} ${code}`);
        for (const part of invalidGwParts(row[field])) unresolved.add(`${field} part ${part}`);
      }
    }
    expect([...unresolved]).toEqual([]);
  });

  it('resolves every FIPS country code in the GDELT 2.0 file, apart from the known non-countries', () => {
    // 0-based columns of the 61: Actor1Geo_CountryCode 37, Actor2Geo_ 45, ActionGeo_ 53 (51 is ActionGeo_Type).
    const lines = readFileSync(sharedData('events/gdelt/20180101000000.export.CSV'), 'utf8').split('\n');
    const unresolved = new Set<string>();
    const nonCountries = new Set<string>();
    for (const line of lines.filter((l) => l !== '')) {
      const cells = line.split('\t');
      expect(cells.length).toBe(61);
      expect(cells[54]?.startsWith(cells[53] ?? '?')).toBe(true); // ActionGeo_ADM1Code starts with its country
      for (const code of [cells[37], cells[45], cells[53]]) {
        if (!code) continue;
        if (fipsNonCountries.has(code)) nonCountries.add(code);
        else if (!countryByFips(code)) unresolved.add(code);
      }
    }
    expect([...unresolved]).toEqual([]);
    expect([...nonCountries]).toEqual(['OS']);
  });
});
