import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IsoDate, Iso3 } from '../../core/brand.js';
import { clusterEvents, type CorroborationEvent } from './cluster-events.js';
import { KM_PER_DEGREE } from './corroboration-match.js';
import { parseCorroborationRule } from './corroboration-rule.js';
import { syntheticReports } from './synthetic-reports.js';

/** Beni, North Kivu. */
const BENI = { latitude: 0.4911, longitude: 29.4731 };
const kmNorth = (km: number): number => BENI.latitude + km / KM_PER_DEGREE;

let nextId = 1;
/** A UCDP one-sided report at Beni on 2024-03-01 unless told otherwise. */
function report(overrides: Partial<CorroborationEvent> = {}): CorroborationEvent {
  const date = overrides.dateStart ?? ('2024-03-01' as IsoDate);
  return {
    id: nextId++,
    source: 'ucdp',
    dateStart: date,
    dateEnd: date,
    countryIso3: 'COD' as Iso3,
    admin1: 'Nord-Kivu',
    ...BENI,
    locationPrecision: 'exact',
    category: 'one-sided',
    fatalitiesBest: 12,
    ...overrides,
  };
}
const day = (d: number): IsoDate => `2024-03-${String(d).padStart(2, '0')}` as IsoDate;
const on = (d: number): Partial<CorroborationEvent> => ({ dateStart: day(d), dateEnd: day(d) });
const groups = (events: CorroborationEvent[]): number[][] => clusterEvents(events).clusters.map((c) => [...c.memberIds]);

describe('clusterEvents', () => {
  it('counts the same killing reported by UCDP, ACLED and GDELT a day apart within 10 km once, with the largest toll', () => {
    const ucdp = report({ ...on(1), fatalitiesBest: 12 });
    const acled = report({ ...on(2), source: 'acled', latitude: kmNorth(6), fatalitiesBest: 15 });
    const gdelt = report({ ...on(3), source: 'gdelt', latitude: kmNorth(9), fatalitiesBest: null, admin1: 'North Kivu' });
    const { clusters, anchorOf } = clusterEvents([gdelt, acled, ucdp]);
    expect(clusters).toEqual([
      {
        anchorId: ucdp.id,
        memberIds: [ucdp.id, acled.id, gdelt.id],
        sources: ['ucdp', 'acled', 'gdelt'],
        corroboration: 3,
        countryIso3: 'COD',
        date: '2024-03-01',
        category: 'one-sided',
        categories: ['one-sided'],
        fatalities: 15,
        admin1: 'Nord-Kivu',
      },
    ]);
    expect([...anchorOf.values()]).toEqual([ucdp.id, ucdp.id, ucdp.id]);
  });

  it('keeps reports 5 days apart, or 40 km apart, as separate incidents', () => {
    const a = report(on(1));
    expect(groups([a, report({ ...on(6), source: 'acled' })])).toHaveLength(2);
    expect(groups([a, report({ ...on(1), source: 'acled', latitude: kmNorth(40) })])).toHaveLength(2);
  });

  it('never merges two UCDP events, even on the same day at the same place: UCDP ids are one per event', () => {
    expect(groups([report(), report()])).toHaveLength(2);
  });

  it('merges several GDELT records of one incident (GDELT repeats itself)', () => {
    const records = [1, 1, 2].map((d) => report({ ...on(d), source: 'gdelt', fatalitiesBest: null }));
    const { clusters } = clusterEvents(records);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]).toMatchObject({ memberIds: records.map((r) => r.id), corroboration: 1, fatalities: null });
  });

  it('takes at most one report per source into a cluster unless the source may repeat itself', () => {
    const ucdp = report();
    const acled1 = report({ source: 'acled' });
    const acled2 = report({ source: 'acled' });
    expect(groups([ucdp, acled1, acled2])).toEqual([[ucdp.id, acled1.id], [acled2.id]]);
  });

  it('never matches a country centroid by distance, nor by admin1', () => {
    const exact = report();
    const centroid = report({ source: 'acled', locationPrecision: 'country' });
    expect(groups([exact, centroid])).toHaveLength(2);
    expect(groups([exact, report({ source: 'gdelt', locationPrecision: 'unknown' })])).toHaveLength(2);
  });

  it('matches an admin1-level report on the same admin1, whatever the distance, ignoring case and accents', () => {
    const exact = report({ admin1: 'Équateur' });
    const adm1 = report({ source: 'gdelt', locationPrecision: 'admin1', latitude: kmNorth(150), admin1: 'EQUATEUR' });
    expect(groups([exact, adm1])).toEqual([[exact.id, adm1.id]]);
    expect(groups([exact, { ...adm1, admin1: 'Tshopo' }])).toHaveLength(2);
    expect(groups([exact, { ...adm1, admin1: null }])).toHaveLength(2);
  });

  it('compares two located reports by distance only, not by their shared admin1', () => {
    expect(groups([report(), report({ source: 'acled', latitude: kmNorth(40) })])).toHaveLength(2);
  });

  it('does not let region-level reports match by default, but does when the rule allows it', () => {
    const events = [report(), report({ source: 'acled', locationPrecision: 'region', latitude: kmNorth(90) })];
    expect(groups(events)).toHaveLength(2);
    const rule = parseCorroborationRule({ admin1Precisions: ['exact', 'near', 'admin2', 'admin1', 'region'] });
    expect(clusterEvents(events, rule).clusters).toHaveLength(1);
  });

  it('never matches protests with one-sided violence, nor anything with other', () => {
    expect(groups([report(), report({ source: 'acled', category: 'protests' })])).toHaveLength(2);
    expect(groups([report({ category: 'other' }), report({ source: 'gdelt', category: 'other' })])).toHaveLength(2);
  });

  it('lets one-sided corroborate a battle, and names the incident by the most severe category', () => {
    const battle = report({ category: 'state-based' });
    const attack = report({ source: 'acled', category: 'one-sided' });
    const [cluster] = clusterEvents([battle, attack]).clusters;
    expect(cluster).toMatchObject({ anchorId: battle.id, category: 'one-sided', categories: ['one-sided', 'state-based'] });
    expect(groups([battle, report({ source: 'acled', category: 'non-state' })])).toHaveLength(2);
  });

  it.each([
    [2, 200, false],
    [10, 35, true],
    [10, 36, false],
    [0, 5, true],
    [0, 6, false],
    [null, 200, true],
    [null, null, true],
  ])('matches fatalities %s and %s: %s', (a, b, same) => {
    expect(groups([report({ fatalitiesBest: a }), report({ source: 'acled', fatalitiesBest: b })])).toHaveLength(same ? 1 : 2);
  });

  it('never matches across countries, and leaves reports without a country alone', () => {
    expect(groups([report(), report({ source: 'acled', countryIso3: 'UGA' as Iso3 })])).toHaveLength(2);
    const stateless = [report({ countryIso3: null, source: 'gdelt' }), report({ countryIso3: null, source: 'gdelt' })];
    expect(groups(stateless)).toHaveLength(2);
  });

  it('counts overlapping date ranges as 0 days apart, and leaves reports vaguer than a week alone', () => {
    const fighting = report({ dateStart: day(1), dateEnd: day(5) });
    expect(groups([fighting, report({ ...on(7), source: 'acled' })])).toHaveLength(1);
    const someday = report({ dateStart: day(1), dateEnd: day(20) });
    expect(groups([someday, report({ ...on(7), source: 'acled' })])).toHaveLength(2);
  });

  it('joins a report to its anchor only, so a chain a day or two apart does not glue A to C', () => {
    const a = report({ ...on(1), source: 'gdelt' });
    const b = report({ ...on(3), source: 'gdelt' });
    const c = report({ ...on(5), source: 'gdelt' });
    expect(groups([c, b, a])).toEqual([[a.id, b.id], [c.id]]);
  });

  it('joins the nearest anchor in time, then in distance', () => {
    const early = report(on(1));
    const late = report(on(2));
    const acled = report({ ...on(2), source: 'acled' });
    expect(clusterEvents([early, late, acled]).anchorOf.get(acled.id)).toBe(late.id);
    const here = report();
    const near = report({ latitude: kmNorth(5) });
    const gdelt = report({ source: 'gdelt', latitude: kmNorth(4) });
    expect(clusterEvents([here, near, gdelt]).anchorOf.get(gdelt.id)).toBe(near.id);
  });

  it('matches across the antimeridian', () => {
    const fiji = { countryIso3: 'FJI' as Iso3, latitude: -16.8, locationPrecision: 'exact' as const };
    const events = [report({ ...fiji, longitude: 179.95 }), report({ ...fiji, source: 'acled', longitude: -179.95 })];
    expect(groups(events)).toHaveLength(1);
  });

  it('refuses an id given twice', () => {
    const a = report();
    expect(() => clusterEvents([a, { ...a, source: 'acled' }])).toThrow(/event id \d+ appears more than once/);
  });

  it('gives the same clusters whatever the input order', () => {
    const events = syntheticReports({ reports: 400, seed: 7, days: 60 });
    const expected = clusterEvents(events);
    expect(expected.clusters.length).toBeLessThan(events.length);
    fc.assert(
      fc.property(fc.shuffledSubarray(events, { minLength: events.length }), (shuffled) => {
        expect(clusterEvents(shuffled)).toEqual(expected);
      }),
      { numRuns: 20 },
    );
  });

  it('handles an empty list', () => {
    expect(clusterEvents([])).toEqual({ anchorOf: new Map(), clusters: [] });
  });
});
