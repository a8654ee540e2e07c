import { beforeAll, expect, it } from 'vitest';
import type { NormalisedEvent } from '../../events/event.js';
import { describeWithSharedData, sharedData } from '../../test-support/shared-data.js';
import { isFormatProblem, type NormaliseOptions, type RowOutcome } from '../source-format.js';
import { readTabRecords } from './fixtures/read-tab-records.js';
import { rawRecord } from '../../events/raw-record.js';
import { gdeltFormat } from './gdelt-format.js';
import type { GdeltLayout } from './gdelt-layout.js';

interface Parsed {
  records: string[][];
  layout: GdeltLayout;
  outcomes: RowOutcome[];
  events: NormalisedEvent[];
}

function parse(relative: string, options: NormaliseOptions = {}): Parsed {
  const records = readTabRecords(sharedData(relative));
  const first = records[0];
  if (first === undefined) throw new Error(`${relative} is empty`);
  const layout = gdeltFormat.detectLayout(first);
  if (isFormatProblem(layout)) throw new Error(layout.problem);
  const outcomes = records.map((r) => gdeltFormat.normalise(r, layout, options));
  const events = outcomes.flatMap((o) => (o.kind === 'event' ? [o.event] : []));
  return { records, layout, outcomes, events };
}

/** An event's raw cells by GDELT column name. */
const rawOf = (e: NormalisedEvent, layout: GdeltLayout) => rawRecord(gdeltFormat.columns(layout), e.raw);

const countBy = <T>(items: readonly T[], key: (item: T) => string): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
};

const byId = (events: readonly NormalisedEvent[], id: string): NormalisedEvent => {
  const event = events.find((e) => e.sourceId === id);
  if (event === undefined) throw new Error(`no event ${id}`);
  return event;
};

describeWithSharedData('gdeltFormat on the GDELT 2.0 export 20180101000000.export.CSV', () => {
  let parsed: Parsed;
  beforeAll(() => {
    parsed = parse('events/gdelt/20180101000000.export.CSV');
  });

  it('detects 2.0 and turns all 2,362 rows of 61 columns into events, none rejected', () => {
    expect(parsed.layout).toEqual({ version: '2.0' });
    expect(parsed.records.every((r) => r.length === 61)).toBe(true);
    expect(countBy(parsed.outcomes, (o) => o.kind)).toEqual({ event: 2362 });
  });

  it('counts the rows per Tocsin category, 336 of them from roots 18, 19 and 20', () => {
    expect(countBy(parsed.events, (e) => e.category)).toEqual({
      other: 1984,
      'state-based': 129,
      'non-state': 130,
      'one-sided': 74,
      'remote-violence': 3,
      riots: 9,
      protests: 33,
    });
    expect(parsed.events.filter((e) => ['18', '19', '20'].includes(rawOf(e, parsed.layout).EventRootCode ?? '')).length).toBe(
      336,
    );
  });

  it('keeps the 378 rows of roots 14, 18, 19 and 20 with cameoRoots and skips the other 1,984', () => {
    const filtered = parse('events/gdelt/20180101000000.export.CSV', { cameoRoots: ['14', '18', '19', '20'] });
    expect(countBy(filtered.outcomes, (o) => o.kind)).toEqual({ event: 378, skipped: 1984 });
  });

  it('resolves every ActionGeo country except GDELT open-sea code OS (4 rows, kept without a country)', () => {
    const unresolved = parsed.events
      .filter((e) => e.countryIso3 === null)
      .map((e) => rawOf(e, parsed.layout).ActionGeo_CountryCode);
    expect(countBy(unresolved, (c) => c ?? '')).toEqual({ OS: 4 });
  });

  it('normalises the first row field by field', () => {
    const e = byId(parsed.events, '719024869');
    expect(e).toMatchObject({
      source: 'gdelt',
      dateStart: '2017-01-01',
      dateEnd: '2017-01-01',
      datePrecision: 'day',
      countryIso3: 'USA',
      admin1: 'USMN',
      admin2: null,
      location: 'Minnesota, United States',
      latitude: 45.7326,
      longitude: -93.9196,
      locationPrecision: 'admin1',
      category: 'other',
      sourceCategory: 'CAMEO 061',
      perpetrator: { name: 'FARMER', isState: false, isCivilian: true },
      target: { name: 'CANADA', isState: false, isCivilian: false },
      fatalitiesBest: null,
      description: 'FARMER — CAMEO 061 (material cooperation) — CANADA',
      citations: ['http://www.kansas.com/news/business/article192357844.html'],
      goldsteinScale: 6.4,
      avgTone: -2.67786272298116,
      numMentions: 6,
      numSources: 3,
      numArticles: 6,
    });
    expect(e.raw).toHaveLength(61);
    expect(rawOf(e, parsed.layout).EventCode).toBe('061');
  });

  it('reads violent rows: assault on civilians, a riot, fighting with no known actor 1, open sea', () => {
    const pick = (id: string) => {
      const e = byId(parsed.events, id);
      return [e.dateStart, e.countryIso3, e.category, e.sourceCategory, e.goldsteinScale, e.avgTone, e.numMentions];
    };
    expect(pick('719025543')).toEqual(['2018-01-01', 'IRN', 'one-sided', 'CAMEO 181', -9, -6.83090705487122, 10]);
    expect(pick('719026347')).toEqual(['2018-01-01', 'IRN', 'riots', 'CAMEO 145', -7.5, -6.48769574944072, 7]);
    expect(pick('719024914')).toEqual(['2018-01-01', 'GBR', 'non-state', 'CAMEO 190', -10, -2.51488095238096, 20]);
    expect(pick('719024903')).toEqual(['2018-01-01', null, 'other', 'CAMEO 043', 2.8, -1.83333333333333, 10]);
    expect(byId(parsed.events, '719025543').admin2).toBe('41031');
    expect(byId(parsed.events, '719024914').description).toBe('unknown actor — CAMEO 190 (fighting) — SYDNEY');
  });
});

describeWithSharedData('gdeltFormat on the GDELT 1.0 sample gdelt1_events_sample.csv', () => {
  let parsed: Parsed;
  beforeAll(() => {
    parsed = parse('events/gdelt/gdelt1_events_sample.csv');
  });

  it('detects 1.0 and turns all 710 rows into events: 509 of 58 columns, 201 of 57', () => {
    expect(parsed.layout).toEqual({ version: '1.0' });
    expect(countBy(parsed.outcomes, (o) => o.kind)).toEqual({ event: 710 });
    expect(countBy(parsed.events, (e) => String(e.raw.length))).toEqual({ '58': 509, '57': 201 });
    expect(parsed.events.filter((e) => e.citations.length === 1).length).toBe(509);
    expect(parsed.events.every((e) => e.admin2 === null)).toBe(true);
  });

  it('counts the rows per category and resolves every country code', () => {
    expect(countBy(parsed.events, (e) => e.category)).toEqual({
      other: 646,
      'state-based': 23,
      'non-state': 17,
      'one-sided': 14,
      'remote-violence': 2,
      riots: 1,
      protests: 7,
    });
    expect(parsed.events.filter((e) => rawOf(e, parsed.layout).ActionGeo_CountryCode !== '' && e.countryIso3 === null)).toEqual(
      [],
    );
  });

  it('reads the stray \\x91 of the 1982 backfile as ‘ in the location and keeps the raw text untouched', () => {
    const e = byId(parsed.events, '1553129');
    expect(e.location).toBe("Sanaa, San‘a', Yemen");
    expect(rawOf(e, parsed.layout).ActionGeo_FullName).toBe("Sanaa, San\u0091a', Yemen");
    expect([
      e.dateStart,
      e.countryIso3,
      e.admin1,
      e.category,
      e.sourceCategory,
      e.goldsteinScale,
      e.avgTone,
      e.numMentions,
    ]).toEqual(['1982-01-02', 'YEM', 'YM16', 'other', 'CAMEO 046', 7, 4.49339207048458, 5]);
    expect(e.perpetrator).toEqual({ name: 'DEFENSE MINIST', isState: true, isCivilian: false });
    expect(e.citations).toEqual([]);
  });

  it('reads a 58-column row with its source URL and a 1982 fight against villagers as one-sided', () => {
    const first = byId(parsed.events, '564111644');
    expect([first.dateStart, first.countryIso3, first.category, first.goldsteinScale, first.avgTone, first.numMentions]).toEqual([
      '2006-07-31',
      'USA',
      'other',
      0,
      -0.34188034188034,
      2,
    ]);
    expect(first.citations).toEqual([
      'http://wtop.com/lifestyle/2016/07/deepest-darkest-secrets-now-display-national-postal-museum/',
    ]);
    const last = byId(parsed.events, '230523753');
    expect([last.dateStart, last.countryIso3, last.category, last.locationPrecision, last.goldsteinScale, last.avgTone]).toEqual([
      '1982-12-31',
      'VNM',
      'one-sided',
      'country',
      -10,
      2.06185567010309,
    ]);
  });
});
