import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { rawRecord } from '../../events/raw-record.js';
import { describeWithSharedData, sharedData } from '../../test-support/shared-data.js';
import { isFormatProblem, type RowOutcome } from '../source-format.js';
import { GED_COLUMNS } from './ucdp-columns.js';
import { ucdpFormat, type GedLayout } from './ucdp-format.js';

const layout = ucdpFormat.detectLayout([...GED_COLUMNS]) as GedLayout;

/** An invented but well-formed GED row; override cells by column name. */
function ged(overrides: Partial<Record<(typeof GED_COLUMNS)[number], string>> = {}): string[] {
  const base: Record<string, string> = {
    id: '900001',
    year: '2021',
    type_of_violence: '3',
    dyad_name: 'Armed group X - Civilians',
    side_a: 'Armed group X',
    side_b: 'Civilians',
    source_article: 'Radio A, 2021-03-02; Agency B, 2021-03-03',
    where_prec: '1',
    where_coordinates: 'Village Y',
    where_description: 'near the market',
    adm_1: 'Province Z',
    adm_2: 'District W',
    latitude: '6.5',
    longitude: '20.25',
    country_id: '482',
    date_prec: '1',
    date_start: '2021-03-01 00:00:00.000',
    date_end: '2021-03-01 00:00:00.000',
    best: '12',
    high: '15',
    low: '10',
    gwnoa: '',
    gwnob: '',
  };
  return GED_COLUMNS.map((c) => overrides[c] ?? base[c] ?? '');
}

const event = (o: RowOutcome) => {
  if (o.kind !== 'event') throw new Error(`expected an event, got ${JSON.stringify(o)}`);
  return o.event;
};

describe('ucdpFormat', () => {
  it('normalises a one-sided event: country from the G-W code, civilians as the target, citations split', () => {
    const e = event(ucdpFormat.normalise(ged(), layout, {}));
    expect(e).toMatchObject({
      source: 'ucdp',
      sourceId: '900001',
      dateStart: '2021-03-01',
      dateEnd: '2021-03-01',
      datePrecision: 'day',
      countryIso3: 'CAF',
      admin1: 'Province Z',
      location: 'Village Y',
      latitude: 6.5,
      longitude: 20.25,
      locationPrecision: 'exact',
      category: 'one-sided',
      fatalitiesBest: 12,
      fatalitiesLow: 10,
      fatalitiesHigh: 15,
      perpetrator: { name: 'Armed group X', isCivilian: false, isState: false },
      target: { name: 'Civilians', isCivilian: true, isState: false },
      citations: ['Radio A, 2021-03-02', 'Agency B, 2021-03-03'],
    });
    expect(e.raw).toHaveLength(49);
    expect(rawRecord(ucdpFormat.columns(layout), e.raw).id).toBe('900001');
  });

  it('maps the three UCDP violence types and flags state sides by their G-W codes', () => {
    expect(event(ucdpFormat.normalise(ged({ type_of_violence: '1', side_b: 'Rebels', gwnoa: '482' }), layout, {}))).toMatchObject(
      {
        category: 'state-based',
        perpetrator: { isState: true },
        target: { isCivilian: false },
      },
    );
    expect(event(ucdpFormat.normalise(ged({ type_of_violence: '2', side_b: 'Militia' }), layout, {})).category).toBe('non-state');
  });

  it('keeps fatality estimates as given even when low > best (a real GED quirk)', () => {
    const e = event(ucdpFormat.normalise(ged({ best: '8', high: '4', low: '8' }), layout, {}));
    expect([e.fatalitiesLow, e.fatalitiesBest, e.fatalitiesHigh]).toEqual([8, 8, 4]);
  });

  it('resolves the G-W codes other lists get wrong: Yemen 678, Serbia 345, Vietnam 816, Kosovo 347', () => {
    const iso = (gw: string) => event(ucdpFormat.normalise(ged({ country_id: gw }), layout, {})).countryIso3;
    expect([iso('678'), iso('345'), iso('816'), iso('347')]).toEqual(['YEM', 'SRB', 'VNM', 'XKX']);
  });

  it('marks country-only locations (where_prec 6) so maps do not draw the centroid', () => {
    expect(event(ucdpFormat.normalise(ged({ where_prec: '6' }), layout, {})).locationPrecision).toBe('country');
  });

  it('rejects a bad row naming the column and the value', () => {
    const cases: [Partial<Record<(typeof GED_COLUMNS)[number], string>>, string, RegExp][] = [
      [{ type_of_violence: '4' }, 'type_of_violence', /"4" is not 1, 2 or 3/],
      [{ date_start: '2021-02-30' }, 'date_start', /not a date/],
      [{ date_end: '2021-02-01' }, 'date_end', /before date_start/],
      [{ country_id: '999' }, 'country_id', /999 matches no known country/],
      [{ best: '-3' }, 'best', /negative/],
      [{ latitude: '95' }, 'latitude', /latitude 95 is out of range \(-90 to 90\)/],
      [{ id: 'x1' }, 'id', /not a whole number/],
    ];
    for (const [over, column, reason] of cases) {
      const o = ucdpFormat.normalise(ged(over), layout, {});
      expect(o.kind, JSON.stringify(over)).toBe('rejected');
      if (o.kind === 'rejected') {
        expect(o.column).toBe(column);
        expect(o.reason).toMatch(reason);
      }
    }
  });

  it('refuses a header that is not GED, naming what is missing', () => {
    const p = ucdpFormat.detectLayout(['id', 'year', 'best']);
    expect(isFormatProblem(p) && p.problem).toMatch(/lacks type_of_violence/);
    expect(isFormatProblem(ucdpFormat.detectLayout(['719024869', '20170101']))).toBe(true);
  });
});

describeWithSharedData('ucdpFormat on real GED 23.1 files', () => {
  const rows = (file: string) => Papa.parse<string[]>(readFileSync(sharedData(file), 'utf8').trimEnd()).data;

  for (const [file, total, oneSided] of [
    ['events/ucdp/ged231_CAF_optgeo.csv', 1848, 1076],
    ['events/ucdp/ged231_sample1000.csv', 1000, 160],
  ] as const) {
    it(`normalises every row of ${file} (${oneSided} one-sided)`, () => {
      const [header, ...data] = rows(file);
      const l = ucdpFormat.detectLayout(header!) as GedLayout;
      const outcomes = data.map((r) => ucdpFormat.normalise(r, l, {}));
      expect(outcomes.filter((o) => o.kind === 'rejected')).toEqual([]);
      expect(outcomes).toHaveLength(total);
      expect(outcomes.filter((o) => o.kind === 'event' && o.event.category === 'one-sided')).toHaveLength(oneSided);
    });
  }
});
