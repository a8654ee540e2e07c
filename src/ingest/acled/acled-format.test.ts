import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NormalisedEvent } from '../../events/event.js';
import { rawRecord } from '../../events/raw-record.js';
import type { RowOutcome } from '../source-format.js';
import { acledFormat } from './acled-format.js';
import { fixtureRecords, fixtureText, layoutOf } from './fixtures/fixture-records.js';

/** Normalises every row of a fixture, keyed by event_id_cnty (or `row N` when it is empty). */
function normaliseFixture(name: string): Map<string, RowOutcome> {
  const { header, rows } = fixtureRecords(name);
  const layout = layoutOf(header);
  const idIndex = layout.columns.event_id_cnty ?? 0;
  return new Map(rows.map((row, i) => [row[idIndex] || `row ${i + 1}`, acledFormat.normalise(row, layout, {})]));
}

function eventOf(outcomes: Map<string, RowOutcome>, id: string): NormalisedEvent {
  const outcome = outcomes.get(id);
  if (outcome?.kind !== 'event') throw new Error(`${id}: expected an event, got ${JSON.stringify(outcome)}`);
  return outcome.event;
}

/** An event's raw cells named by the fixture's header. */
const rawOf = (event: NormalisedEvent, fixture: string) => {
  const { header } = fixtureRecords(fixture);
  return rawRecord(acledFormat.columns(layoutOf(header)), event.raw);
};

const pick = (outcomes: Map<string, RowOutcome>, field: keyof NormalisedEvent) =>
  Object.fromEntries([...outcomes.keys()].map((id) => [id, eventOf(outcomes, id)[field]]));

describe('acledFormat', () => {
  it('declares a quoted, comma-separated UTF-8 CSV with a header', () => {
    expect(acledFormat).toMatchObject({
      source: 'acled',
      name: 'ACLED CSV',
      csv: { delimiter: ',', header: true, quoting: true, encoding: 'utf8' },
    });
  });
});

describe('acledFormat.normalise on the 2020 layout', () => {
  const outcomes = normaliseFixture('acled-2020.csv');

  it('normalises a battle with state forces field by field', () => {
    const { raw: cells, ...event } = eventOf(outcomes, 'NIG17001');
    const raw = rawOf({ ...event, raw: cells }, 'acled-2020.csv');
    expect(event).toEqual({
      source: 'acled',
      sourceId: 'NIG17001',
      dateStart: '2020-11-13',
      dateEnd: '2020-11-13',
      datePrecision: 'day',
      countryIso3: 'NGA',
      admin1: 'Borno',
      admin2: 'Gwoza',
      location: 'Pulka',
      latitude: 11.2341,
      longitude: 13.881,
      locationPrecision: 'exact',
      category: 'state-based',
      sourceCategory: 'Battles / Armed clash',
      perpetrator: { name: 'Military Forces of Nigeria (2015-)', isState: true, isCivilian: false },
      target: { name: 'Islamic State West Africa Province (ISWAP)', isState: false, isCivilian: false },
      fatalitiesBest: 7,
      fatalitiesLow: null,
      fatalitiesHigh: null,
      description:
        'On 13 November 2020, ISWAP fighters attacked a military post at Pulka (Gwoza, Borno). The army said it "repelled" the attack; 7 fighters were killed.',
      citations: ['Daily Trust', 'Reuters'],
      goldsteinScale: null,
      avgTone: null,
      numMentions: null,
      numSources: null,
      numArticles: null,
    });
    expect(Object.keys(raw)).toHaveLength(31);
    expect(raw).toMatchObject({
      data_id: '7301',
      iso: '566',
      event_date: '13 November 2020',
      admin3: '',
      interaction: '12',
      iso3: 'NGA',
      timestamp: '1605558000',
    });
  });

  it('maps every event type to its category', () => {
    expect(pick(outcomes, 'category')).toEqual({
      NIG17001: 'state-based',
      NIG17002: 'one-sided',
      MLI5101: 'remote-violence',
      MLI5102: 'non-state',
      KEN8801: 'protests',
      KEN8802: 'riots',
      SUD3301: 'strategic',
      SYR20401: 'remote-violence',
      XKX710: 'protests',
      AFG44001: 'state-based',
    });
  });

  it('resolves the country from iso3, Kosovo included', () => {
    expect(pick(outcomes, 'countryIso3')).toMatchObject({
      MLI5101: 'MLI',
      SUD3301: 'SDN',
      SYR20401: 'SYR',
      XKX710: 'XKX',
      AFG44001: 'AFG',
    });
  });

  it('reads NA and empty cells as missing, and week/month, near/region precision', () => {
    const afghanistan = eventOf(outcomes, 'AFG44001');
    expect(afghanistan).toMatchObject({
      datePrecision: 'month',
      locationPrecision: 'region',
      admin2: null,
      description: null,
      fatalitiesBest: null,
    });
    expect(eventOf(outcomes, 'MLI5101')).toMatchObject({
      datePrecision: 'week',
      locationPrecision: 'near',
      dateStart: '2020-12-02',
    });
    expect(eventOf(outcomes, 'KEN8801')).toMatchObject({ admin2: null, target: null, citations: ['The Star (Kenya)'] });
    expect(eventOf(outcomes, 'NIG17002').target).toEqual({ name: 'Civilians (Nigeria)', isState: false, isCivilian: true });
  });
});

describe('acledFormat.normalise on the 2023 layout (CRLF)', () => {
  const outcomes = normaliseFixture('acled-2023.csv');

  it('leaves no carriage return in the last column', () => {
    expect(fixtureText('acled-2023.csv')).toContain('\r\n');
    expect(rawOf(eventOf(outcomes, 'BFO9001'), 'acled-2023.csv').timestamp).toBe('1672700000');
  });

  it('reads spreadsheet dates and civilian targeting', () => {
    expect(eventOf(outcomes, 'BFO9002')).toMatchObject({
      dateStart: '2022-12-29',
      category: 'one-sided',
      countryIso3: 'BFA',
      admin2: 'Gourma',
      admin1: 'Est',
    });
    expect(eventOf(outcomes, 'SOM31001')).toMatchObject({
      dateStart: '2023-01-05',
      category: 'one-sided',
      sourceCategory: 'Explosions/Remote violence / Air/drone strike',
      perpetrator: { isState: true },
      target: { isCivilian: true },
      fatalitiesBest: 3,
    });
    expect(eventOf(outcomes, 'SOM31002')).toMatchObject({
      category: 'remote-violence',
      datePrecision: 'week',
      location: 'Mogadishu - Hodan',
    });
  });

  it('maps every row and resolves the country from iso, or the name when iso is 0', () => {
    expect(pick(outcomes, 'category')).toEqual({
      BFO9001: 'state-based',
      BFO9002: 'one-sided',
      SOM31001: 'one-sided',
      SOM31002: 'remote-violence',
      NIG29001: 'one-sided',
      NIG29002: 'riots',
      XKX1201: 'protests',
      SUD4501: 'strategic',
      SUD4502: 'non-state',
    });
    expect(pick(outcomes, 'countryIso3')).toMatchObject({ SOM31001: 'SOM', NIG29002: 'NGA', XKX1201: 'XKX', SUD4502: 'SDN' });
    expect(eventOf(outcomes, 'NIG29002').description).toBe(
      'On 15 January 2023, youths burnt tyres and blocked roads in Kano over cash shortages, chanting "No money, no vote".',
    );
  });
});

describe('acledFormat.normalise on the 2024 layout (text actor types, BOM, extra column)', () => {
  const outcomes = normaliseFixture('acled-2024.csv');

  it('reads text actor types and every date form', () => {
    expect(eventOf(outcomes, 'SDN50102')).toMatchObject({
      dateStart: '2024-08-05',
      category: 'state-based',
      sourceCategory: 'Battles / Government regains territory',
      perpetrator: { name: 'Military Forces of Sudan (2019-)', isState: true, isCivilian: false },
      target: { name: 'Rapid Support Forces', isState: false, isCivilian: false },
    });
    expect(pick(outcomes, 'dateStart')).toMatchObject({ SDN50101: '2024-08-05', UKR180001: '2024-08-07', BGD7002: '2024-08-03' });
    expect(pick(outcomes, 'category')).toEqual({
      SDN50101: 'one-sided',
      SDN50102: 'state-based',
      UKR180001: 'remote-violence',
      UKR180002: 'one-sided',
      BGD7001: 'one-sided',
      BGD7002: 'protests',
      BGD7003: 'strategic',
      MMR60001: 'non-state',
    });
  });

  it('keeps every column in raw, the extra one included, under BOM-free names', () => {
    const event = eventOf(outcomes, 'SDN50101');
    expect(event.raw).toHaveLength(32);
    expect(rawOf(event, 'acled-2024.csv')).toMatchObject({
      event_id_cnty: 'SDN50101',
      inter1: 'Political militia',
      population_best: '95000',
      tags: '',
    });
    expect(event.citations).toEqual(['Sudan Tribune', 'Radio Dabanga']);
    expect(eventOf(outcomes, 'BGD7003')).toMatchObject({ target: null, countryIso3: 'BGD' });
  });
});

describe('acledFormat.normalise on bad rows', () => {
  const outcomes = normaliseFixture('acled-bad-rows.csv');

  it('rejects each bad row with its column and reason, and keeps the good ones', () => {
    const summary = Object.fromEntries(
      [...outcomes].map(([id, o]) => [id, o.kind === 'rejected' ? `${o.column}: ${o.reason}` : o.kind]),
    );
    expect(summary).toEqual({
      ETH2001: 'event',
      ETH2002: 'event_date: date "31 February 2023" is not a calendar day',
      ETH2003: 'event_type: unknown ACLED event type "Skirmishes"',
      ETH2004: 'fatalities: fatalities must be a non-negative integer, got "-2"',
      ETH2005: 'latitude: latitude 123 is out of range (-90 to 90)',
      'row 6': 'event_id_cnty: event_id_cnty is missing',
      ETH2007: expect.stringMatching(/^event_date: date "05\/03\/2023" is ambiguous/),
      ETH2008: 'event',
    });
  });
});

describe('acledFormat.normalise edge cases', () => {
  const { header, rows } = fixtureRecords('acled-2023.csv');
  const layout = layoutOf(header);
  const good = rows[0] ?? [];
  const at = (column: string) => header.indexOf(column);
  const withCell = (column: string, value: string) => good.map((cell, i) => (i === at(column) ? value : cell));

  it.each([
    ['row too short', good.slice(1), null, /row has 30 cells; the header has 31/],
    ['year disagrees with the date', withCell('year', '1922'), 'event_date', /is in 2022 but year says 1922/],
    [
      'unknown country',
      withCell('iso', '999').map((c, i) => (i === at('country') ? 'Atlantis' : c)),
      'iso',
      /unknown country: iso "999", country "Atlantis"/,
    ],
    ['one coordinate only', withCell('longitude', 'NA'), 'longitude', /longitude is missing/],
    ['fractional fatalities', withCell('fatalities', '2.5'), 'fatalities', /non-negative integer/],
    ['unknown actor type', withCell('inter2', 'Bandits'), 'inter2', /unknown actor type "Bandits"/],
    ['time precision 4', withCell('time_precision', '4'), 'time_precision', /must be 1, 2 or 3/],
  ])('rejects a %s', (_name, record, column, reason) => {
    expect(acledFormat.normalise(record, layout, {})).toMatchObject({
      kind: 'rejected',
      column,
      reason: expect.stringMatching(reason),
    });
  });

  it('falls back to the country name when the header has no iso columns', () => {
    const noIso = layoutOf(header.map((h) => (h === 'iso' ? 'iso_code' : h)));
    expect(eventOf(new Map([['x', acledFormat.normalise(good, noIso, {})]]), 'x').countryIso3).toBe('BFA');
  });

  it('keeps a hostile header name such as __proto__ as plain data in the named raw row', () => {
    const hostile = layoutOf([...header, '__proto__']);
    const event = eventOf(new Map([['x', acledFormat.normalise([...good, '{"polluted":true}'], hostile, {})]]), 'x');
    const named = rawRecord(acledFormat.columns(hostile), event.raw);
    expect(Object.getPrototypeOf(named)).toBe(Object.prototype);
    expect(Object.hasOwn(named, '__proto__')).toBe(true);
  });

  it('never throws, whatever the cells hold', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.constantFrom('NA', '', '1', '7', 'State forces', 'Battles', '13 November 2020', '-1', '1e3'),
    );
    fc.assert(
      fc.property(fc.array(cell, { minLength: 31, maxLength: 31 }), (record) => {
        expect(['event', 'rejected']).toContain(acledFormat.normalise(record, layout, {}).kind);
      }),
    );
    fc.assert(
      fc.property(fc.nat(30), fc.string(), (i, value) => {
        expect(['event', 'rejected']).toContain(
          acledFormat.normalise(
            good.map((c, j) => (j === i ? value : c)),
            layout,
            {},
          ).kind,
        );
      }),
    );
  });
});
