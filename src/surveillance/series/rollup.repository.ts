import type { IsoDate, Iso3 } from '../../core/brand.js';
import type { Db, Queryable } from '../../db/database.js';
import { clusterEvents, type CorroborationEvent } from '../corroboration/cluster-events.js';
import type { CorroborationRule } from '../corroboration/corroboration-rule.js';

/** Date precisions fine enough to place an incident in a week, and in a month. */
const WEEKLY_PRECISIONS = `('day', 'days', 'week')`;
const MONTHLY_PRECISIONS = `('day', 'days', 'week', 'month')`;

type EventForRollup = [
  country: Iso3,
  id: number,
  source: CorroborationEvent['source'],
  dateStart: IsoDate,
  dateEnd: IsoDate,
  datePrecision: string,
  admin1: string | null,
  latitude: number | null,
  longitude: number | null,
  locationPrecision: CorroborationEvent['locationPrecision'],
  category: CorroborationEvent['category'],
  fatalitiesBest: number | null,
];

export interface RollupCounts {
  /** Events re-clustered (those from each country's cut on). */
  events: number;
  incidents: number;
}

const DAY_MS = 86_400_000;
const minusDays = (d: IsoDate, days: number): IsoDate =>
  new Date(Date.parse(d) - days * DAY_MS).toISOString().slice(0, 10) as IsoDate;

/** No incident spans more days than this: a member starts at most windowDays (<= 30) after its anchor ends, and events span at most maxDateRangeDays (<= 31). */
const MAX_INCIDENT_DAYS = 90;

/** Countries and where each one's re-clustering starts (null: its whole history), as one JSON parameter. */
type Cuts = Map<Iso3, IsoDate | null>;
const cutsJson = (cuts: Cuts) => JSON.stringify([...cuts].map(([country, cut]) => ({ country, cut })));
const CUTS = `json_to_recordset($1::json) AS k(country text, cut date)`;

/**
 * Where to start re-clustering each country whose events changed from `since` on: early enough that
 * no changed event can reach an incident before it, and at a gap, where no stored incident has
 * members on both sides. Clustering is one pass in date order, so everything before such a cut is
 * what a full re-clustering would find again, and everything after it is redone: the result is that
 * of a full rebuild, at the cost of the recent weeks only.
 */
async function findCuts(db: Queryable, changedSince: ReadonlyMap<Iso3, IsoDate>, rule: CorroborationRule): Promise<Cuts> {
  const margin = rule.windowDays + rule.maxDateRangeDays + 1;
  const cuts: Cuts = new Map([...changedSince].map(([c, since]) => [c, minusDays(since, margin)]));
  for (;;) {
    const crossing = await db.query<{ country: Iso3; day: IsoDate }>(
      `SELECT k.country, c.day FROM ${CUTS} CROSS JOIN LATERAL (
         SELECT min(day) AS day FROM event_clusters c
         WHERE c.country_iso3 = k.country AND c.day < k.cut AND c.day >= k.cut - ${MAX_INCIDENT_DAYS} AND c.last_day >= k.cut) AS c
       WHERE c.day IS NOT NULL`,
      [cutsJson(cuts)],
    );
    if (crossing.length === 0) return cuts;
    for (const r of crossing) cuts.set(r.country, r.day);
  }
}

/**
 * Re-clusters the events of the given countries into incidents and rebuilds their weekly and
 * monthly roll-ups, in one transaction with a handful of statements whatever the number of
 * countries: from the cut before each country's first change (see `findCuts`), or over the whole
 * history with `wholeHistory`. Weekly rows count incidents dated to the day, days or week; monthly
 * rows also count month-dated ones; year-dated incidents stay out of both, so they cannot fake a
 * spike in the first period of their year. `noStoredMembers`: the caller has seen that no incident
 * membership row is stored at all, so none can be stale. Membership rows are kept only for events
 * counted under another event's incident: an anchor is a member of its own incident by definition.
 */
export async function rebuildRollups(
  db: Db,
  changedSince: ReadonlyMap<Iso3, IsoDate>,
  rule: CorroborationRule,
  wholeHistory: boolean,
  noStoredMembers = false,
): Promise<RollupCounts> {
  if (changedSince.size === 0) return { events: 0, incidents: 0 };
  return db.transaction(async (tx) => {
    const cuts: Cuts = wholeHistory
      ? new Map([...changedSince.keys()].map((c) => [c, null]))
      : await findCuts(tx, changedSince, rule);
    const k = [cutsJson(cuts)];
    const solo = await singleSourceCountries(tx, cuts, rule);
    const mixed = [cutsJson(new Map([...cuts].filter(([c]) => !solo.has(c))))];
    // One JSON text for all rows: far cheaper to move out of PGlite than row by row.
    const [r] = await tx.query<{ rows: string | null }>(
      `SELECT json_agg(json_build_array(e.country_iso3, e.id, e.source, e.date_start, e.date_end, e.date_precision, e.admin1,
              e.latitude, e.longitude, e.location_precision, e.category, e.fatalities_best))::text AS rows
       FROM ${CUTS} CROSS JOIN LATERAL (
         SELECT * FROM events e WHERE e.country_iso3 = k.country AND e.date_start >= coalesce(k.cut, '-infinity'::date) OFFSET 0) AS e`,
      mixed,
    );
    const rows = r?.rows ? (JSON.parse(r.rows) as EventForRollup[]) : [];
    const byCountry = new Map<Iso3, EventForRollup[]>();
    for (const row of rows) {
      const list = byCountry.get(row[0]);
      if (list) list.push(row);
      else byCountry.set(row[0], [row]);
    }
    const clusters: unknown[][] = [];
    const members: unknown[][] = [];
    for (const [country, list] of byCountry) {
      const clustering = clusterEvents(
        list.map(
          ([, id, source, dateStart, dateEnd, , admin1, latitude, longitude, locationPrecision, category, fatalitiesBest]) => ({
            id,
            source,
            dateStart,
            dateEnd,
            countryIso3: country,
            admin1,
            latitude,
            longitude,
            locationPrecision,
            category,
            fatalitiesBest,
          }),
        ),
        rule,
      );
      const byId = new Map(list.map((row) => [row[1], row]));
      for (const c of clustering.clusters) {
        let last = c.date;
        for (const id of c.memberIds) if (byId.get(id)![3] > last) last = byId.get(id)![3];
        const anchor = byId.get(c.anchorId)!;
        clusters.push([
          c.anchorId,
          country,
          c.admin1 ?? '',
          c.category,
          c.date,
          last,
          anchor[5],
          c.fatalities,
          c.memberIds.length,
          c.sources,
        ]);
      }
      for (const [, id] of list) {
        const anchor = clustering.anchorOf.get(id)!;
        if (anchor !== id) members.push([id, anchor, country]);
      }
    }
    // The stale incidents. LATERAL ... OFFSET 0 (not flattened into a join), one index range per
    // country: a plain join of the cut list leaves the planner blind to the date bound, and it
    // scans whole tables (measured: 150 ms against a few ms for a week's update).
    const stale = `SELECT c.anchor_id FROM ${CUTS} CROSS JOIN LATERAL (
        SELECT anchor_id FROM event_clusters c WHERE c.country_iso3 = k.country AND c.day >= coalesce(k.cut, '-infinity'::date) OFFSET 0) AS c`;
    await tx.query(`DELETE FROM event_cluster_members WHERE anchor_id IN (${stale})`, k);
    await tx.query(`DELETE FROM event_clusters WHERE anchor_id IN (${stale})`, k);
    if (clusters.length > 0)
      await tx.query(
        `INSERT INTO event_clusters (anchor_id, country_iso3, admin1, category, day, last_day, date_precision, fatalities, members, sources)
         SELECT (c->>0)::bigint, c->>1, c->>2, c->>3, (c->>4)::date, (c->>5)::date, c->>6, (c->>7)::integer, (c->>8)::integer,
                ARRAY(SELECT json_array_elements_text(c->9))
         FROM json_array_elements($1::json) AS c`,
        [JSON.stringify(clusters)],
      );
    // An event whose date moved across the cut may still have a row: it is re-pointed, or removed
    // when the event now anchors an incident of its own.
    if (clusters.length > 0 && !noStoredMembers)
      await tx.query('DELETE FROM event_cluster_members WHERE event_id = ANY($1::bigint[])', [clusters.map((c) => c[0])]);
    if (members.length > 0)
      await tx.query(
        `INSERT INTO event_cluster_members (event_id, anchor_id, country_iso3)
         SELECT (m->>0)::bigint, (m->>1)::bigint, m->>2 FROM json_array_elements($1::json) AS m
         ON CONFLICT (event_id) DO UPDATE SET anchor_id = EXCLUDED.anchor_id, country_iso3 = EXCLUDED.country_iso3`,
        [JSON.stringify(members)],
      );
    const single = solo.size
      ? await insertSingleEventIncidents(tx, cutsJson(new Map([...cuts].filter(([c]) => solo.has(c)))), noStoredMembers)
      : 0;
    await rebuildPeriods(tx, k[0]!);
    return { events: rows.length + single, incidents: clusters.length + single };
  });
}

/**
 * Countries whose events from the cut on all come from one source that never reports an incident
 * twice (not in `sameSourceMatches`): no two of them can be one incident (a cluster holds at most one
 * report per such source), so each event is its own incident and SQL can write them without a trip
 * through JavaScript. A store of UCDP GED alone is all such countries.
 */
async function singleSourceCountries(tx: Queryable, cuts: Cuts, rule: CorroborationRule): Promise<Set<Iso3>> {
  const selfMatching = new Set<string>(rule.sameSourceMatches);
  // A store of one source (most stores after their first import) answers for every country at
  // once, from the distinct sources of the (source, source_id) index: a handful of index probes
  // where the per-country question reads every event (0.6 s for a first import of 200,000).
  const stored = await tx.query<{ source: string }>(
    `WITH RECURSIVE s AS (
       (SELECT source FROM events ORDER BY source LIMIT 1)
       UNION ALL
       SELECT (SELECT e.source FROM events e WHERE e.source > s.source ORDER BY e.source LIMIT 1) FROM s WHERE s.source IS NOT NULL)
     SELECT source FROM s WHERE source IS NOT NULL`,
  );
  if (stored.length <= 1 && !stored.some((r) => selfMatching.has(r.source))) return new Set(cuts.keys());
  const rows = await tx.query<{ country: Iso3; sources: string[] | null }>(
    `SELECT k.country, s.sources FROM ${CUTS} CROSS JOIN LATERAL (
       SELECT array_agg(DISTINCT source) AS sources FROM events e
       WHERE e.country_iso3 = k.country AND e.date_start >= coalesce(k.cut, '-infinity'::date) OFFSET 0) AS s`,
    [cutsJson(cuts)],
  );
  return new Set(
    rows
      .filter((r) => (r.sources ?? []).length <= 1 && !(r.sources ?? []).some((x) => selfMatching.has(x)))
      .map((r) => r.country),
  );
}

/**
 * Each event from the cut on as an incident of its own (see `singleSourceCountries`); returns how
 * many. No membership row is written: an incident's anchor is its member by definition. Rows left
 * from an earlier clustering of those events (when the country had more sources) are removed.
 */
async function insertSingleEventIncidents(tx: Queryable, cuts: string, noStoredMembers: boolean): Promise<number> {
  const events = `${CUTS} CROSS JOIN LATERAL (
      SELECT * FROM events e WHERE e.country_iso3 = k.country AND e.date_start >= coalesce(k.cut, '-infinity'::date) OFFSET 0) AS e`;
  const [r] = await tx.query<{ n: number }>(
    `WITH c AS (
       INSERT INTO event_clusters (anchor_id, country_iso3, admin1, category, day, last_day, date_precision, fatalities, members, sources)
       SELECT e.id, e.country_iso3, coalesce(e.admin1, ''), e.category, e.date_start, e.date_start, e.date_precision, e.fatalities_best,
              1, ARRAY[e.source] FROM ${events}
       RETURNING 1)
     SELECT count(*)::integer AS n FROM c`,
    [cuts],
  );
  if (!noStoredMembers)
    await tx.query(
      `DELETE FROM event_cluster_members m USING ${CUTS}, events e
       WHERE m.country_iso3 = k.country AND e.id = m.event_id AND e.date_start >= coalesce(k.cut, '-infinity'::date)`,
      [cuts],
    );
  return r?.n ?? 0;
}

/** Events per transaction of `rebuildRollupsInGroups`: bounds memory (JSON in and out of the database). */
const GROUP_EVENTS = 50_000;

/**
 * `rebuildRollups` over countries grouped so that each transaction handles about `GROUP_EVENTS`
 * events (a country larger than that is a group of its own): a first import of a million events
 * would otherwise hold every event, incident and membership in memory at once.
 */
export async function rebuildRollupsInGroups(
  db: Db,
  changedSince: ReadonlyMap<Iso3, IsoDate>,
  rule: CorroborationRule,
  wholeHistory: boolean,
): Promise<RollupCounts> {
  // Counted up to GROUP_EVENTS only: a country with more is a group of its own either way, and the
  // full count read every event of a first import (3.9 s of its surveillance step at 1M events).
  const counts = await db.query<{ country: Iso3; n: number }>(
    `SELECT k.country, e.n FROM json_to_recordset($1::json) AS k(country text, since date) CROSS JOIN LATERAL (
       SELECT count(*)::integer AS n FROM (
         SELECT 1 FROM events e WHERE e.country_iso3 = k.country AND e.date_start >= coalesce(k.since, '-infinity'::date)
         LIMIT ${GROUP_EVENTS}) AS e) AS e`,
    [JSON.stringify([...changedSince].map(([country, since]) => ({ country, since: wholeHistory ? null : since })))],
  );
  // With no incident membership row stored at all (a store of one source, or a first import), none
  // can be stale: the statements that remove them are skipped. The groups hold disjoint countries,
  // so this stays true throughout.
  const [empty] = await db.query<{ none: boolean }>('SELECT NOT EXISTS (SELECT 1 FROM event_cluster_members) AS none');
  const noStoredMembers = empty?.none === true;
  const total = { events: 0, incidents: 0 };
  let group = new Map<Iso3, IsoDate>();
  let size = 0;
  const flush = async () => {
    if (group.size === 0) return;
    const r = await rebuildRollups(db, group, rule, wholeHistory, noStoredMembers);
    total.events += r.events;
    total.incidents += r.incidents;
    group = new Map();
    size = 0;
  };
  for (const { country, n } of counts.sort((a, b) => a.country.localeCompare(b.country))) {
    if (size > 0 && size + n > GROUP_EVENTS) await flush();
    group.set(country, changedSince.get(country)!);
    size += n;
  }
  await flush();
  return total;
}

/** Rebuilds the roll-up rows from the period holding each country's cut on (all of them when null). */
async function rebuildPeriods(tx: Queryable, cuts: string): Promise<void> {
  for (const [table, period, precisions] of [
    ['event_series_weekly', 'week', WEEKLY_PRECISIONS],
    ['event_series_monthly', 'month', MONTHLY_PRECISIONS],
  ] as const) {
    const start = `coalesce(date_trunc('${period}', k.cut::timestamp)::date, '-infinity'::date)`;
    await tx.query(`DELETE FROM ${table} s USING ${CUTS} WHERE s.country_iso3 = k.country AND s.${period} >= ${start}`, [cuts]);
    await tx.query(
      `INSERT INTO ${table} (country_iso3, admin1, category, ${period}, incidents, fatalities)
       SELECT c.country_iso3, c.admin1, c.category, date_trunc('${period}', c.day::timestamp)::date, count(*), coalesce(sum(c.fatalities), 0)
       FROM ${CUTS} CROSS JOIN LATERAL (
         SELECT * FROM event_clusters c WHERE c.country_iso3 = k.country AND c.day >= ${start} OFFSET 0) AS c
       WHERE c.date_precision IN ${precisions}
       GROUP BY 1, 2, 3, 4`,
      [cuts],
    );
  }
}
