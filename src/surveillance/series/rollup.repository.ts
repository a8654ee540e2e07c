import type { IsoDate, Iso3 } from '../../core/brand.js';
import type { Db, Queryable } from '../../db/database.js';
import { clusterEvents, type CorroborationEvent } from '../corroboration/cluster-events.js';
import type { CorroborationRule } from '../corroboration/corroboration-rule.js';
import { mondayOf, monthOf } from './periods.js';

/** Date precisions fine enough to place an incident in a week, and in a month. */
const WEEKLY_PRECISIONS = `('day', 'days', 'week')`;
const MONTHLY_PRECISIONS = `('day', 'days', 'week', 'month')`;

type EventForRollup = [
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
  /** Events re-clustered (those from the cut on). */
  events: number;
  incidents: number;
  /** Where re-clustering started: null when the whole history was redone. */
  cut: IsoDate | null;
}

const DAY_MS = 86_400_000;
const minusDays = (d: IsoDate, days: number): IsoDate =>
  new Date(Date.parse(d) - days * DAY_MS).toISOString().slice(0, 10) as IsoDate;

/**
 * Where to start re-clustering a country whose events changed from `since` on: early enough that no
 * changed event can reach an incident before it, and at a gap, where no stored incident has members
 * on both sides. Clustering is one pass in date order, so everything before such a cut is what a
 * full re-clustering would find again, and everything after it is redone: the result is exactly that
 * of a full rebuild, at the cost of the recent weeks only.
 */
async function findCut(db: Queryable, iso3: Iso3, since: IsoDate, rule: CorroborationRule): Promise<IsoDate> {
  let cut = minusDays(since, rule.windowDays + rule.maxDateRangeDays + 1);
  for (;;) {
    const [r] = await db.query<{ day: IsoDate | null }>(
      'SELECT min(day) AS day FROM event_clusters WHERE country_iso3 = $1 AND day < $2 AND last_day >= $2',
      [iso3, cut],
    );
    if (!r?.day) return cut;
    cut = r.day;
  }
}

/**
 * Re-clusters one country's events into incidents and rebuilds its weekly and monthly roll-ups, in
 * one transaction: from the cut before `since` (see `findCut`), or over the whole history when
 * `since` is null. Weekly rows count incidents dated to the day, days or week; monthly rows also
 * count month-dated ones; year-dated incidents stay out of both, so they cannot fake a spike in the
 * first period of their year.
 */
export async function rebuildCountryRollup(
  db: Db,
  iso3: Iso3,
  rule: CorroborationRule,
  since: IsoDate | null,
): Promise<RollupCounts> {
  return db.transaction(async (tx) => {
    const cut = since === null ? null : await findCut(tx, iso3, since, rule);
    // One JSON text for all rows: far cheaper to move out of PGlite than row by row.
    const [r] = await tx.query<{ rows: string | null }>(
      `SELECT json_agg(json_build_array(id, source, date_start, date_end, date_precision, admin1, latitude, longitude,
              location_precision, category, fatalities_best))::text AS rows
       FROM events WHERE country_iso3 = $1 ${cut ? 'AND date_start >= $2' : ''}`,
      cut ? [iso3, cut] : [iso3],
    );
    const rows = r?.rows ? (JSON.parse(r.rows) as EventForRollup[]) : [];
    const clustering = clusterEvents(
      rows.map(
        ([id, source, dateStart, dateEnd, , admin1, latitude, longitude, locationPrecision, category, fatalitiesBest]) => ({
          id,
          source,
          dateStart,
          dateEnd,
          countryIso3: iso3,
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
    const byId = new Map(rows.map((row) => [row[0], row]));
    const clusters = clustering.clusters.map((c) => {
      let last = c.date;
      for (const id of c.memberIds) if (byId.get(id)![2] > last) last = byId.get(id)![2];
      return [
        c.anchorId,
        c.admin1 ?? '',
        c.category,
        c.date,
        last,
        byId.get(c.anchorId)![4],
        c.fatalities,
        c.memberIds.length,
        c.sources,
      ];
    });
    const members = rows.map(([id]) => [id, clustering.anchorOf.get(id)!]);
    const from = cut ? 'AND day >= $2' : '';
    const params = cut ? [iso3, cut] : [iso3];
    await tx.query(
      `DELETE FROM event_cluster_members m USING event_clusters c
       WHERE m.anchor_id = c.anchor_id AND c.country_iso3 = $1 ${cut ? 'AND c.day >= $2' : ''}`,
      params,
    );
    await tx.query(`DELETE FROM event_clusters WHERE country_iso3 = $1 ${from}`, params);
    if (clusters.length > 0)
      await tx.query(
        `INSERT INTO event_clusters (anchor_id, country_iso3, admin1, category, day, last_day, date_precision, fatalities, members, sources)
         SELECT (c->>0)::bigint, $2, c->>1, c->>2, (c->>3)::date, (c->>4)::date, c->>5, (c->>6)::integer, (c->>7)::integer,
                ARRAY(SELECT json_array_elements_text(c->8))
         FROM json_array_elements($1::json) AS c`,
        [JSON.stringify(clusters), iso3],
      );
    // Pairs [event id, anchor id]. An event whose date moved across the cut may still have a row.
    if (members.length > 0)
      await tx.query(
        `INSERT INTO event_cluster_members (event_id, anchor_id, country_iso3)
         SELECT (m->>0)::bigint, (m->>1)::bigint, $2 FROM json_array_elements($1::json) AS m
         ON CONFLICT (event_id) DO UPDATE SET anchor_id = EXCLUDED.anchor_id, country_iso3 = EXCLUDED.country_iso3`,
        [JSON.stringify(members), iso3],
      );
    await rebuildPeriods(tx, iso3, cut);
    return { events: rows.length, incidents: clusters.length, cut };
  });
}

/** Rebuilds the roll-up rows of the periods from the one holding `cut` on (all of them when null). */
async function rebuildPeriods(tx: Queryable, iso3: Iso3, cut: IsoDate | null): Promise<void> {
  for (const [table, period, unit, precisions, start] of [
    ['event_series_weekly', 'week', 'week', WEEKLY_PRECISIONS, cut && mondayOf(cut)],
    ['event_series_monthly', 'month', 'month', MONTHLY_PRECISIONS, cut && monthOf(cut)],
  ] as const) {
    const params = start ? [iso3, start] : [iso3];
    await tx.query(`DELETE FROM ${table} WHERE country_iso3 = $1 ${start ? `AND ${period} >= $2` : ''}`, params);
    await tx.query(
      `INSERT INTO ${table} (country_iso3, admin1, category, ${period}, incidents, fatalities)
       SELECT country_iso3, admin1, category, date_trunc('${unit}', day::timestamp)::date, count(*), coalesce(sum(fatalities), 0)
       FROM event_clusters WHERE country_iso3 = $1 AND date_precision IN ${precisions} ${start ? 'AND day >= $2' : ''}
       GROUP BY 1, 2, 3, 4`,
      params,
    );
  }
}
