import type { Iso3 } from '../../core/brand.js';
import type { Db, Queryable } from '../../db/database.js';
import { clusterEvents } from '../corroboration/cluster-events.js';
import type { CorroborationEvent } from '../corroboration/cluster-events.js';
import type { CorroborationRule } from '../corroboration/corroboration-rule.js';

/** Date precisions fine enough to place an incident in a week, and in a month. */
const WEEKLY_PRECISIONS = `('day', 'days', 'week')`;
const MONTHLY_PRECISIONS = `('day', 'days', 'week', 'month')`;

interface EventForRollup {
  id: number;
  source: CorroborationEvent['source'];
  date_start: string;
  date_end: string;
  date_precision: string;
  admin1: string | null;
  latitude: number | null;
  longitude: number | null;
  location_precision: CorroborationEvent['locationPrecision'];
  category: CorroborationEvent['category'];
  fatalities_best: number | null;
}

export interface RollupCounts {
  events: number;
  incidents: number;
}

/**
 * Rebuilds one country's corroborated incidents and its weekly and monthly roll-ups from its
 * events, in one transaction. A whole country is re-clustered because a new report can join or
 * split incidents anywhere in its history; the roll-up rows of other countries are untouched.
 * Weekly rows count incidents dated to the day, days or week; monthly rows also count month-dated
 * ones; year-dated incidents stay out of both, so they cannot fake a spike in their first period.
 */
export async function rebuildCountryRollup(db: Db, iso3: Iso3, rule: CorroborationRule): Promise<RollupCounts> {
  const rows = await db.query<EventForRollup>(
    `SELECT id, source, date_start, date_end, date_precision, admin1, latitude, longitude, location_precision,
            category, fatalities_best
     FROM events WHERE country_iso3 = $1`,
    [iso3],
  );
  const clustering = clusterEvents(
    rows.map((r) => ({
      id: r.id,
      source: r.source,
      dateStart: r.date_start,
      dateEnd: r.date_end,
      countryIso3: iso3,
      admin1: r.admin1,
      latitude: r.latitude,
      longitude: r.longitude,
      locationPrecision: r.location_precision,
      category: r.category,
      fatalitiesBest: r.fatalities_best,
    })) as CorroborationEvent[],
    rule,
  );
  const precisionOf = new Map(rows.map((r) => [r.id, r.date_precision]));
  const members = rows.map((r) => [r.id, clustering.anchorOf.get(r.id)!]);
  const clusters = clustering.clusters.map((c) => ({
    anchor_id: c.anchorId,
    admin1: c.admin1 ?? '',
    category: c.category,
    day: c.date,
    date_precision: precisionOf.get(c.anchorId),
    fatalities: c.fatalities,
    members: c.memberIds.length,
    sources: c.sources,
  }));
  await db.transaction(async (tx) => {
    await tx.query('DELETE FROM event_clusters WHERE country_iso3 = $1', [iso3]);
    if (clusters.length > 0)
      await tx.query(
        `INSERT INTO event_clusters (anchor_id, country_iso3, admin1, category, day, date_precision, fatalities, members, sources)
         SELECT anchor_id, $2, admin1, category, day, date_precision, fatalities, members, sources
         FROM json_to_recordset($1::json) AS c(anchor_id bigint, admin1 text, category text, day date,
              date_precision text, fatalities integer, members integer, sources text[])`,
        [JSON.stringify(clusters), iso3],
      );
    await tx.query('DELETE FROM event_cluster_members WHERE country_iso3 = $1', [iso3]);
    // Pairs [event id, anchor id] in one JSON array: compact for 100,000 events.
    if (members.length > 0)
      await tx.query(
        `INSERT INTO event_cluster_members (event_id, anchor_id, country_iso3)
         SELECT (m.pair->>0)::bigint, (m.pair->>1)::bigint, $2
         FROM (SELECT j.value AS pair FROM json_array_elements($1::json) AS j) AS m`,
        [JSON.stringify(members), iso3],
      );
    await rebuildPeriods(tx, iso3);
  });
  return { events: rows.length, incidents: clusters.length };
}

async function rebuildPeriods(tx: Queryable, iso3: Iso3): Promise<void> {
  await tx.query('DELETE FROM event_series_weekly WHERE country_iso3 = $1', [iso3]);
  await tx.query('DELETE FROM event_series_monthly WHERE country_iso3 = $1', [iso3]);
  await tx.query(
    `INSERT INTO event_series_weekly (country_iso3, admin1, category, week, incidents, fatalities)
     SELECT country_iso3, admin1, category, date_trunc('week', day::timestamp)::date, count(*), coalesce(sum(fatalities), 0)
     FROM event_clusters WHERE country_iso3 = $1 AND date_precision IN ${WEEKLY_PRECISIONS}
     GROUP BY 1, 2, 3, 4`,
    [iso3],
  );
  await tx.query(
    `INSERT INTO event_series_monthly (country_iso3, admin1, category, month, incidents, fatalities)
     SELECT country_iso3, admin1, category, date_trunc('month', day::timestamp)::date, count(*), coalesce(sum(fatalities), 0)
     FROM event_clusters WHERE country_iso3 = $1 AND date_precision IN ${MONTHLY_PRECISIONS}
     GROUP BY 1, 2, 3, 4`,
    [iso3],
  );
}
