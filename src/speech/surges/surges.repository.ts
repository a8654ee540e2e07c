import type { IsoDate, Iso3 } from '../../core/brand.js';
import type { Queryable } from '../../db/database.js';
import { ALL_GROUPS, type HatefulCount } from './daily-series.js';
import type { SurgeAlarm } from './find-surges.js';

const MAX_ITEM_IDS = 1000;
const ALARMS_PER_STATEMENT = 1000;

/** The newest speech model (highest id, as loadSpeechModel picks it): its scores are the ones counted. */
export async function newestSpeechModel(db: Queryable): Promise<number | null> {
  const [m] = await db.query<{ id: number }>('SELECT id FROM speech_models ORDER BY id DESC LIMIT 1');
  return m?.id ?? null;
}

/** The first and last UTC day of the posts in the store (of one country with `country`), or null when it has none. */
export async function daysCovered(db: Queryable, country?: Iso3): Promise<{ first: IsoDate; last: IsoDate } | null> {
  const [r] = await db.query<{ first: IsoDate | null; last: IsoDate | null }>(
    `SELECT min((posted_at AT TIME ZONE 'UTC')::date) AS first, max((posted_at AT TIME ZONE 'UTC')::date) AS last
     FROM speech_items WHERE posted_at IS NOT NULL ${country ? 'AND country_iso3 = $1' : ''}`,
    country ? [country] : [],
  );
  return r?.first && r.last ? { first: r.first, last: r.last } : null;
}

/**
 * Hateful items (label `hatespeech` under `modelId`) per country, UTC day of posting and target
 * group, and per country and day for all groups together. Items without a country or a posting
 * time cannot be placed on a series and are not counted.
 */
export async function readHatefulCounts(db: Queryable, modelId: number, country?: Iso3): Promise<HatefulCount[]> {
  return db.query<HatefulCount>(
    `WITH h AS (
       SELECT i.country_iso3 AS country, (i.posted_at AT TIME ZONE 'UTC')::date AS day, s.targets
       FROM speech_items i JOIN speech_scores s ON s.item_id = i.id AND s.model_id = $1
       WHERE s.label = 'hatespeech' AND i.country_iso3 IS NOT NULL AND i.posted_at IS NOT NULL
         ${country ? 'AND i.country_iso3 = $3' : ''}
     )
     SELECT country, $2::text AS "group", day, count(*)::int AS count FROM h GROUP BY country, day
     UNION ALL
     SELECT h.country, t.target AS "group", h.day, count(*)::int AS count
     FROM h CROSS JOIN LATERAL unnest(h.targets) AS t(target) GROUP BY h.country, t.target, h.day`,
    country ? [modelId, ALL_GROUPS, country] : [modelId, ALL_GROUPS],
  );
}

/**
 * Stores surge alarms as daily `hateful-posts` signals, each with the hateful items counted that
 * day (`speech_item_ids`). An alarm stored before keeps its id and its triage; its figures are
 * refreshed. Untriaged surge signals in scope (the country, days from `since`) that no longer alarm
 * are withdrawn; triaged ones stay on the record. Run it inside one transaction (`now()` marks this run).
 */
export async function storeSurgeSignals(
  db: Queryable,
  alarms: readonly SurgeAlarm[],
  scope: { modelId: number; since?: IsoDate | undefined; country?: Iso3 | undefined },
): Promise<{ ids: number[]; withdrawn: number }> {
  const ids: number[] = [];
  for (let i = 0; i < alarms.length; i += ALARMS_PER_STATEMENT) {
    const out = await db.query<{ id: number }>(
      `INSERT INTO signals (country_iso3, category, measure, frequency, week, method, observed, upperbound, speech_item_ids, detected_at)
       SELECT a.country, a.category, 'hateful-posts', 'daily', a.day, a.method, a.observed, a.upperbound,
              ARRAY(SELECT i.id FROM speech_items i JOIN speech_scores s ON s.item_id = i.id AND s.model_id = $2
                    WHERE i.country_iso3 = a.country AND s.label = 'hatespeech'
                      AND i.posted_at >= a.day::timestamp AT TIME ZONE 'UTC'
                      AND i.posted_at < (a.day + 1)::timestamp AT TIME ZONE 'UTC'
                      AND (a."group" = $3 OR a."group" = ANY(s.targets))
                    ORDER BY i.id LIMIT ${MAX_ITEM_IDS}),
              now()
       FROM json_to_recordset($1::json) AS a(country text, category text, "group" text, day date, method text,
            observed double precision, upperbound double precision)
       ON CONFLICT ON CONSTRAINT signals_alarm DO UPDATE
         SET observed = EXCLUDED.observed, upperbound = EXCLUDED.upperbound, speech_item_ids = EXCLUDED.speech_item_ids,
             detected_at = EXCLUDED.detected_at
       RETURNING id`,
      [JSON.stringify(alarms.slice(i, i + ALARMS_PER_STATEMENT)), scope.modelId, ALL_GROUPS],
    );
    ids.push(...out.map((r) => Number(r.id)));
  }
  const params: unknown[] = [];
  const where = [`measure = 'hateful-posts'`, `status = 'new'`, 'detected_at <> now()'];
  if (scope.country) where.push(`country_iso3 = $${params.push(scope.country)}`);
  if (scope.since) where.push(`week >= $${params.push(scope.since)}::date`);
  const withdrawn = await db.query(`DELETE FROM signals WHERE ${where.join(' AND ')} RETURNING id`, params);
  return { ids, withdrawn: withdrawn.length };
}
