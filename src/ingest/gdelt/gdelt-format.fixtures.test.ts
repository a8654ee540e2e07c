import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFormatProblem, type RowOutcome } from '../source-format.js';
import { readTabRecords } from './fixtures/read-tab-records.js';
import { GDELT1_COLUMNS, GDELT2_COLUMNS } from './gdelt-columns.js';
import { rawRecord } from '../../events/raw-record.js';
import { gdeltFormat } from './gdelt-format.js';
import type { GdeltLayout } from './gdelt-layout.js';

const fixture = (name: string): string[][] => readTabRecords(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)));
const V1: GdeltLayout = { version: '1.0' };
const V2: GdeltLayout = { version: '2.0' };

const eventOf = (outcome: RowOutcome) => {
  if (outcome.kind !== 'event') throw new Error(`expected an event, got ${JSON.stringify(outcome)}`);
  return outcome.event;
};

/** The first 2.0 fixture row with some cells replaced. */
const v2With = (changes: Record<string, string>): string[] => {
  const row = [...(fixture('gdelt2-sample.export.CSV')[0] ?? [])];
  for (const [name, value] of Object.entries(changes)) row[GDELT2_COLUMNS.indexOf(name)] = value;
  return row;
};

describe('gdeltFormat on the hand-written 2.0 fixture', () => {
  const rows = fixture('gdelt2-sample.export.CSV');
  const events = rows.map((r) => eventOf(gdeltFormat.normalise(r, V2, {})));

  it('reads an army killing a civilian as one-sided, with every field', () => {
    expect(events[0]).toEqual({
      source: 'gdelt',
      sourceId: '900000001',
      dateStart: '2024-03-15',
      dateEnd: '2024-03-15',
      datePrecision: 'day',
      countryIso3: 'SDN',
      admin1: 'SU55',
      admin2: null,
      location: 'El Fasher, Northern Darfur, Sudan',
      latitude: 13.6279,
      longitude: 25.3494,
      locationPrecision: 'exact',
      category: 'one-sided',
      sourceCategory: 'CAMEO 1823',
      perpetrator: { name: 'SUDANESE ARMED FORCES', isState: true, isCivilian: false },
      target: { name: 'CIVILIAN', isState: false, isCivilian: true },
      fatalitiesBest: null,
      fatalitiesLow: null,
      fatalitiesHigh: null,
      description: 'SUDANESE ARMED FORCES — CAMEO 1823 (killing by physical assault) — CIVILIAN',
      citations: ['https://example.org/news/el-fasher'],
      goldsteinScale: -10,
      avgTone: -8.25,
      numMentions: 12,
      numSources: 3,
      numArticles: 11,
      raw: rows[0],
    });
  });

  it('reads an aerial attack, a riot in Gaza (FIPS GZ) and an event without geography', () => {
    expect(events.map((e) => [e.category, e.countryIso3, e.locationPrecision])).toEqual([
      ['one-sided', 'SDN', 'exact'],
      ['remote-violence', 'SDN', 'country'],
      ['riots', 'PSE', 'exact'],
      ['other', null, 'unknown'],
    ]);
    expect(events[2]).toMatchObject({ location: 'Khān Yūnis, Gaza Strip, Israel (general)', admin2: '52344', target: null });
    expect(events[2]?.description).toBe('PALESTINIAN — CAMEO 145 (violent protest or riot)');
    expect(events[3]).toMatchObject({
      sourceCategory: 'CAMEO 036',
      latitude: null,
      longitude: null,
      location: null,
      citations: [],
    });
  });

  it('skips, not rejects, rows outside cameoRoots', () => {
    const kinds = rows.map((r) => gdeltFormat.normalise(r, V2, { cameoRoots: ['18', '19', '20'] }).kind);
    expect(kinds).toEqual(['event', 'event', 'skipped', 'skipped']);
  });
});

describe('gdeltFormat on the hand-written 1.0 fixture (58- and 57-column rows)', () => {
  const rows = fixture('gdelt1-sample.csv');
  const layout = gdeltFormat.detectLayout(rows[0] ?? []);
  const events = rows.map((r) => eventOf(gdeltFormat.normalise(r, V1, {})));

  it('detects 1.0 and names the columns of each row by its own width', () => {
    expect(layout).toEqual(V1);
    expect(rows.map((r) => r.length)).toEqual([58, 58, 58, 57, 57, 57]);
    expect(Object.keys(rawRecord(gdeltFormat.columns(V1), events[0]!.raw))).toEqual(GDELT1_COLUMNS);
    expect(Object.keys(rawRecord(gdeltFormat.columns(V1), events[3]!.raw))).toEqual(GDELT1_COLUMNS.slice(0, 57));
    expect(events.map((e) => e.citations.length)).toEqual([1, 1, 1, 0, 0, 0]);
  });

  it('categorises rebels against the army, a rally, a truce, shelling, a massacre and a visit', () => {
    expect(events.map((e) => [e.sourceId, e.dateStart, e.countryIso3, e.category, e.sourceCategory])).toEqual([
      ['500000001', '2016-07-27', 'NGA', 'state-based', 'CAMEO 193'],
      ['500000002', '2016-07-28', 'ISR', 'protests', 'CAMEO 141'],
      ['500000003', '2016-07-28', 'AFG', 'other', 'CAMEO 0871'],
      ['1600001', '1982-01-05', 'IRN', 'remote-violence', 'CAMEO 194'],
      ['1600002', '1982-01-06', 'GTM', 'one-sided', 'CAMEO 202'],
      ['1600003', '1982-01-07', 'YEM', 'other', 'CAMEO 042'],
    ]);
  });

  it('decodes a bare cp1252 0x91 byte in the file as ‘', () => {
    expect(events[5]?.location).toBe("Sanaa, San‘a', Yemen");
    expect(rawRecord(gdeltFormat.columns(V1), events[5]!.raw).ActionGeo_FullName).toBe("Sanaa, San‘a', Yemen");
  });

  it('rejects a 61-column row in a 1.0 file and a 57-column row in a 2.0 file', () => {
    expect(gdeltFormat.normalise(v2With({}), V1, {})).toEqual({
      kind: 'rejected',
      column: null,
      reason: 'record has 61 columns; GDELT 1.0 records have 57 or 58',
    });
    expect(gdeltFormat.normalise(rows[3] ?? [], V2, {})).toMatchObject({ kind: 'rejected', column: null });
  });
});

describe('gdeltFormat rejects bad rows with the column and reason', () => {
  const cases: [string, Record<string, string>, string][] = [
    ['a non-numeric id', { GLOBALEVENTID: '9e5' }, 'GLOBALEVENTID'],
    ['an impossible day', { SQLDATE: '20230230' }, 'SQLDATE'],
    ['an ISO date', { SQLDATE: '2023-02-03' }, 'SQLDATE'],
    ['a root outside 01-20', { EventRootCode: '21' }, 'EventRootCode'],
    ['a root without its leading zero', { EventRootCode: '6', EventBaseCode: '061', EventCode: '061' }, 'EventRootCode'],
    ['an event code not under its base', { EventCode: '1911' }, 'EventCode'],
    ['a non-numeric Goldstein score', { GoldsteinScale: 'high' }, 'GoldsteinScale'],
    ['a Goldstein score beyond 10', { GoldsteinScale: '11' }, 'GoldsteinScale'],
    ['a negative mention count', { NumMentions: '-1' }, 'NumMentions'],
    ['a latitude beyond 90', { ActionGeo_Lat: '95' }, 'ActionGeo_Lat'],
    ['a longitude without latitude', { ActionGeo_Lat: '' }, 'ActionGeo_Lat'],
    ['an unknown geo type', { ActionGeo_Type: '7' }, 'ActionGeo_Type'],
    ['a geo type that names a prototype key', { ActionGeo_Type: 'toString' }, 'ActionGeo_Type'],
  ];
  it.each(cases)('rejects %s', (_label, changes, column) => {
    const outcome = gdeltFormat.normalise(v2With(changes), V2, {});
    expect(outcome.kind).toBe('rejected');
    expect(outcome).toMatchObject({ column });
    if (outcome.kind === 'rejected') expect(outcome.reason).toContain(column);
  });

  it('keeps an event whose FIPS code resolves to no country, without a country', () => {
    expect(eventOf(gdeltFormat.normalise(v2With({ ActionGeo_CountryCode: 'OS' }), V2, {})).countryIso3).toBeNull();
    expect(eventOf(gdeltFormat.normalise(v2With({ ActionGeo_CountryCode: 'QQ' }), V2, {})).countryIso3).toBeNull();
  });

  it('never throws on arbitrary records of any width (property)', () => {
    const cellArb = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('', '19', '190', '20240101', '__proto__', '-0', '1e400'),
    );
    fc.assert(
      fc.property(fc.array(cellArb, { minLength: 0, maxLength: 64 }), fc.constantFrom(V1, V2), (record, layout) => {
        const outcome = gdeltFormat.normalise(record, layout, {});
        return ['event', 'rejected', 'skipped'].includes(outcome.kind);
      }),
    );
  });
});

describe('gdeltFormat.detectLayout', () => {
  it('refuses a record of the wrong width, a header line, a bad id or date', () => {
    const problem = (r: readonly string[]) => {
      const layout = gdeltFormat.detectLayout(r);
      return isFormatProblem(layout) ? layout.problem : null;
    };
    expect(problem(Array<string>(12).fill('x'))).toBe(
      'not a GDELT export: first record has 12 tab-separated columns, expected 57, 58 or 61',
    );
    expect(problem(GDELT2_COLUMNS)).toMatch(/header line/);
    expect(problem(v2With({ GLOBALEVENTID: 'id' }))).toMatch(/GLOBALEVENTID .* integer/);
    expect(problem(v2With({ SQLDATE: '20171301' }))).toMatch(/SQLDATE must be a real day/);
    expect(gdeltFormat.detectLayout(v2With({}))).toEqual(V2);
  });

  it('declares the tab-separated, unquoted, lenient dialect with widths 57, 58 and 61', () => {
    expect(gdeltFormat.csv).toEqual({
      delimiter: '\t',
      header: false,
      quoting: false,
      encoding: 'utf8-cp1252',
      allowedWidths: [57, 58, 61],
    });
  });
});
