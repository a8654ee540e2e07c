import type { IsoDate, Iso3 } from '../../core/brand.js';
import { TocsinError } from '../../core/errors.js';
import { EVENT_SOURCES, type EventSource } from '../../events/event.js';
import type { ViolenceCategory } from '../../events/violence-category.js';
import { AnchorWindow } from './anchor-window.js';
import {
  compileRule,
  matchEvents,
  prepareEvent,
  type AnchorMatch,
  type CompiledRule,
  type CorroborationEvent,
  type PreparedEvent,
} from './corroboration-match.js';
import { DEFAULT_CORROBORATION_RULE, type CorroborationRule } from './corroboration-rule.js';

export type { CorroborationEvent } from './corroboration-match.js';

/**
 * Categories from the most to the least severe, for a cluster whose reports disagree: violence
 * against civilians first (the atrocity signal must not be lost to a source that called it a battle),
 * then armed conflict, then the rest.
 */
export const CATEGORY_SEVERITY: readonly ViolenceCategory[] = [
  'one-sided',
  'state-based',
  'non-state',
  'remote-violence',
  'riots',
  'protests',
  'strategic',
  'other',
];

/** One incident: an anchor report and the reports that corroborate it. */
export interface CorroboratedCluster {
  /** The earliest member (by dateStart, then lowest id). */
  anchorId: number;
  /** Anchor first, then by dateStart and id. */
  memberIds: readonly number[];
  /** Distinct sources, in `EVENT_SOURCES` order. */
  sources: readonly EventSource[];
  /** Number of distinct sources: 1 for an uncorroborated report. */
  corroboration: number;
  countryIso3: Iso3 | null;
  /** The anchor's dateStart. */
  date: IsoDate;
  /** The most severe of the members' categories (see {@link CATEGORY_SEVERITY}). */
  category: ViolenceCategory;
  /** Every member's category, most severe first. */
  categories: readonly ViolenceCategory[];
  /** The largest known fatalitiesBest among the members; null if none is known. */
  fatalities: number | null;
  /** The anchor's admin1. */
  admin1: string | null;
}

export interface ClusterAssignment {
  /** Each event id -> the anchor id of its cluster (an anchor maps to itself). */
  anchorOf: ReadonlyMap<number, number>;
  /** Ordered by date, then anchor id. */
  clusters: readonly CorroboratedCluster[];
}

interface ClusterBuilder {
  anchor: PreparedEvent;
  members: PreparedEvent[];
  sources: Set<EventSource>;
}

/**
 * Groups reports of the same incident, so a surveillance series counts each incident once.
 *
 * Events are taken in (dateStart, id) order, so the result does not depend on the input order.
 * Each event either joins an existing cluster or starts one as its anchor. It may join a cluster
 * when it matches the cluster's ANCHOR under the rule (see `matchEvents`) — never merely another
 * member, so no chain of reports a day apart glues a month together — and the cluster holds no
 * report of the same source yet, unless that source is in `sameSourceMatches`. Among such
 * clusters it joins the nearest: smallest gap between date ranges, then between start dates, then
 * a distance match before an admin1 match and the shorter distance first, then the lowest anchor id.
 * An event that can match nothing stays alone (see `PreparedEvent.clusterable`): no country, a
 * date range longer than `maxDateRangeDays`, no place comparable by distance or admin1, or a
 * category in no compatible pair.
 *
 * Cost: a sliding window over the date-sorted events and a spatial index (see `AnchorWindow`),
 * O(n log n + n * k) for k anchors near in time and place. Ids must be unique.
 */
export function clusterEvents(
  events: readonly CorroborationEvent[],
  rule: CorroborationRule = DEFAULT_CORROBORATION_RULE,
): ClusterAssignment {
  const compiled = compileRule(rule);
  const prepared = events.map((e) => prepareEvent(e, compiled)).sort(byStartThenId);
  for (let i = 1; i < prepared.length; i++) {
    const id = prepared[i]!.event.id;
    if (id === prepared[i - 1]!.event.id) throw new TocsinError('invalid_input', `event id ${id} appears more than once`, { id });
  }
  const window = new AnchorWindow<ClusterBuilder>(rule.radiusKm, rule.windowDays);
  const builders: ClusterBuilder[] = [];
  for (const event of prepared) {
    const nearest = event.clusterable ? nearestCluster(event, window, compiled) : undefined;
    if (nearest !== undefined) {
      nearest.members.push(event);
      nearest.sources.add(event.event.source);
      continue;
    }
    const builder: ClusterBuilder = { anchor: event, members: [event], sources: new Set([event.event.source]) };
    builders.push(builder);
    if (event.clusterable) window.add(builder);
  }
  const anchorOf = new Map<number, number>();
  for (const b of builders) for (const m of b.members) anchorOf.set(m.event.id, b.anchor.event.id);
  return { anchorOf, clusters: builders.map(toCluster) };
}

/** The cluster `event` joins, if any: its anchor matches, its source is still free, and it is the nearest. */
function nearestCluster(
  event: PreparedEvent,
  window: AnchorWindow<ClusterBuilder>,
  rule: CompiledRule,
): ClusterBuilder | undefined {
  const candidates: ClusterBuilder[] = [];
  window.collect(event, candidates);
  const source = event.event.source;
  let best: { builder: ClusterBuilder; match: AnchorMatch } | undefined;
  for (const builder of candidates) {
    if (builder.sources.has(source) && !rule.sameSource.has(source)) continue;
    const match = matchEvents(builder.anchor, event, rule);
    if (match !== null && (best === undefined || isNearer(match, builder, best.match, best.builder))) best = { builder, match };
  }
  return best?.builder;
}

const byStartThenId = (a: PreparedEvent, b: PreparedEvent): number => a.dayStart - b.dayStart || a.event.id - b.event.id;

/** The ordering of candidate clusters described on {@link clusterEvents}; exported for tests. */
export function isNearer(
  a: AnchorMatch,
  aCluster: Pick<ClusterBuilder, 'anchor'>,
  b: AnchorMatch,
  bCluster: Pick<ClusterBuilder, 'anchor'>,
): boolean {
  if (a.gapDays !== b.gapDays) return a.gapDays < b.gapDays;
  if (a.startDiffDays !== b.startDiffDays) return a.startDiffDays < b.startDiffDays;
  const da = a.distanceKm ?? Infinity;
  const db = b.distanceKm ?? Infinity;
  if (da !== db) return da < db;
  return aCluster.anchor.event.id < bCluster.anchor.event.id;
}

function toCluster(builder: ClusterBuilder): CorroboratedCluster {
  const anchor = builder.anchor.event;
  const present = new Set(builder.members.map((m) => m.event.category));
  const categories = CATEGORY_SEVERITY.filter((c) => present.has(c));
  let fatalities: number | null = null;
  for (const m of builder.members) {
    const f = m.event.fatalitiesBest;
    if (f !== null && (fatalities === null || f > fatalities)) fatalities = f;
  }
  const sources = EVENT_SOURCES.filter((s) => builder.sources.has(s));
  return {
    anchorId: anchor.id,
    memberIds: builder.members.map((m) => m.event.id),
    sources,
    corroboration: sources.length,
    countryIso3: anchor.countryIso3,
    date: anchor.dateStart,
    category: categories[0] ?? anchor.category,
    categories,
    fatalities,
    admin1: anchor.admin1,
  };
}
