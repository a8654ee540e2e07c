import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IsoDate, Iso3 } from '../../core/brand.js';
import { EVENT_SOURCES, LOCATION_PRECISIONS, type EventSource } from '../../events/event.js';
import { VIOLENCE_CATEGORIES } from '../../events/violence-category.js';
import { clusterEvents, isNearer } from './cluster-events.js';
import {
  compileRule,
  matchEvents,
  prepareEvent,
  type AnchorMatch,
  type CorroborationEvent,
  type PreparedEvent,
} from './corroboration-match.js';
import { parseCorroborationRule, type CorroborationRule } from './corroboration-rule.js';
import { syntheticReports } from './synthetic-reports.js';

/** The clustering of `clusterEvents` by brute force: every earlier anchor is tried, no window, no index. */
function referenceAnchors(events: readonly CorroborationEvent[], rule: CorroborationRule): Map<number, number> {
  const compiled = compileRule(rule);
  const prepared = events
    .map((e) => prepareEvent(e, compiled))
    .sort((a, b) => a.dayStart - b.dayStart || a.event.id - b.event.id);
  const clusters: { anchor: PreparedEvent; sources: Set<EventSource> }[] = [];
  const anchorOf = new Map<number, number>();
  for (const event of prepared) {
    let best: { cluster: (typeof clusters)[number]; match: AnchorMatch } | undefined;
    for (const cluster of clusters) {
      if (cluster.sources.has(event.event.source) && !compiled.sameSource.has(event.event.source)) continue;
      const match = matchEvents(cluster.anchor, event, compiled);
      if (match && (!best || isNearer(match, cluster, best.match, best.cluster))) best = { cluster, match };
    }
    if (best) best.cluster.sources.add(event.event.source);
    else clusters.push({ anchor: event, sources: new Set([event.event.source]) });
    anchorOf.set(event.event.id, best ? best.cluster.anchor.event.id : event.event.id);
  }
  return anchorOf;
}

const isoDay = (day: number): IsoDate => new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10) as IsoDate;

/** Reports crowded into a few days and places, near the equator, the antimeridian and a pole. */
const reportArb = fc.record({
  source: fc.constantFrom(...EVENT_SOURCES),
  day: fc.integer({ min: 0, max: 6 }),
  length: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 10 })),
  country: fc.constantFrom('COD', 'COD', 'COD', 'UGA', null),
  admin1: fc.constantFrom('Ituri', 'ituri', 'Nord-Kivu', null),
  place: fc.constantFrom(
    { latitude: 0.5, longitude: 29.5 },
    { latitude: -16.8, longitude: 179.9 },
    { latitude: 89.6, longitude: 0 },
  ),
  dLat: fc.double({ min: -0.4, max: 0.4, noNaN: true }),
  dLon: fc.double({ min: -0.4, max: 0.4, noNaN: true }),
  locationPrecision: fc.oneof(fc.constant('exact' as const), fc.constantFrom(...LOCATION_PRECISIONS)),
  category: fc.oneof(fc.constantFrom('one-sided' as const, 'remote-violence' as const), fc.constantFrom(...VIOLENCE_CATEGORIES)),
  fatalitiesBest: fc.option(fc.integer({ min: 0, max: 60 }), { freq: 1 }),
});

type ReportValue = typeof reportArb extends fc.Arbitrary<infer T> ? T : never;

const toEvents = (reports: readonly ReportValue[]): CorroborationEvent[] =>
  reports.map((r, i) => ({
    id: 1000 - i,
    source: r.source,
    dateStart: isoDay(r.day),
    dateEnd: isoDay(r.day + r.length),
    countryIso3: r.country as Iso3 | null,
    admin1: r.admin1,
    latitude: Math.max(-90, Math.min(90, r.place.latitude + r.dLat)),
    longitude: ((r.place.longitude + r.dLon + 540) % 360) - 180,
    locationPrecision: r.locationPrecision,
    category: r.category,
    fatalitiesBest: r.fatalitiesBest,
  }));

describe('AnchorWindow', () => {
  it('finds exactly the anchors a brute-force search finds, near the antimeridian and a pole too', () => {
    let joined = 0;
    fc.assert(
      fc.property(
        fc.array(reportArb, { minLength: 20, maxLength: 80 }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 0, max: 4 }),
        (reports, radiusKm, windowDays) => {
          const events = toEvents(reports);
          const rule = parseCorroborationRule({ radiusKm, windowDays, sameSourceMatches: ['gdelt', 'report'] });
          const { anchorOf } = clusterEvents(events, rule);
          expect(anchorOf).toEqual(referenceAnchors(events, rule));
          joined += [...anchorOf].filter(([id, anchor]) => id !== anchor).length;
        },
      ),
      { numRuns: 300 },
    );
    expect(joined).toBeGreaterThan(1000); // the reports did corroborate each other, often
  });

  it('agrees with brute force on a larger made-up country', () => {
    const events = syntheticReports({ reports: 1500, seed: 11, days: 90 });
    const rule = parseCorroborationRule({});
    expect(clusterEvents(events, rule).anchorOf).toEqual(referenceAnchors(events, rule));
  });
});
