import type { IsoDate, Iso3 } from '../../core/brand.js';
import { TocsinError } from '../../core/errors.js';
import type { Queryable } from '../../db/database.js';
import { categoriesOf } from '../series/series.js';
import {
  STATUS_OF_DECISION,
  type Alarm,
  type Signal,
  type SignalFrequency,
  type SignalStatus,
  type TriageDecision,
} from './signal.js';

const MAX_EVENT_IDS = 1000;
const ALARMS_PER_STATEMENT = 1000;

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Stores alarms as signals in one statement, each with the events behind it (the members of the
 * incidents counted that week). An alarm stored before keeps its id and its triage; its figures
 * are refreshed. Untriaged signals of the same countries from `since` on that no longer alarm (a
 * duplicate merged, a count revised) are withdrawn; triaged ones stay on the record, and so do daily
 * signals (surges of hateful posts have their own refresh).
 * Run it inside one transaction: "detected in this run" is `now()`, the transaction's start.
 */
export async function storeSignals(
  db: Queryable,
  alarms: readonly Alarm[],
  scope: { since: ReadonlyMap<string, IsoDate>; batchId: number | null },
): Promise<{ stored: number; withdrawn: number }> {
  let stored = 0;
  // The methods and measures that alarm on one country, category and week share its events: they
  // are looked up once per week (sorted, so such alarms share a slice). On a first import of
  // 200,000 events this took the statement from 1.8 s to 0.4 s (docs/benchmarks.md).
  const sorted = [...alarms].sort((a, b) => cmp(a.country, b.country) || cmp(a.category, b.category) || cmp(a.week, b.week));
  // In slices: each alarm carries up to 1,000 event ids, and a first import can raise thousands.
  for (let i = 0; i < sorted.length; i += ALARMS_PER_STATEMENT) {
    const rows = sorted.slice(i, i + ALARMS_PER_STATEMENT).map((a) => ({ ...a, categories: categoriesOf(a.category) }));
    const out = await db.query<{ id: number }>(
      `WITH a AS (
         SELECT * FROM json_to_recordset($1::json) AS a(country text, category text, measure text, week date, method text,
              observed double precision, upperbound double precision, categories text[])),
       w AS MATERIALIZED (
         SELECT k.country, k.category, k.week,
                ARRAY(SELECT e.id FROM event_clusters c CROSS JOIN LATERAL (
                        SELECT c.anchor_id AS id UNION ALL SELECT m.event_id FROM event_cluster_members m WHERE m.anchor_id = c.anchor_id) AS e
                      WHERE c.country_iso3 = k.country AND c.category = ANY(k.categories)
                        AND c.day >= k.week AND c.day < k.week + 7 AND c.date_precision IN ('day', 'days', 'week')
                      ORDER BY e.id LIMIT ${MAX_EVENT_IDS}) AS event_ids
         FROM (SELECT DISTINCT country, category, week, categories FROM a) AS k)
       INSERT INTO signals (country_iso3, category, measure, week, method, observed, upperbound, event_ids, batch_id, detected_at)
       SELECT a.country, a.category, a.measure, a.week, a.method, a.observed, a.upperbound, w.event_ids, $2, now()
       FROM a JOIN w USING (country, category, week)
       ON CONFLICT ON CONSTRAINT signals_alarm DO UPDATE
         SET observed = EXCLUDED.observed, upperbound = EXCLUDED.upperbound, event_ids = EXCLUDED.event_ids,
             detected_at = EXCLUDED.detected_at
       RETURNING id`,
      [JSON.stringify(rows), scope.batchId],
    );
    stored += out.length;
  }
  const since = [...scope.since.entries()].map(([country, from]) => ({ country, from }));
  const withdrawn = since.length
    ? await db.query(
        // One index range per country (LATERAL … OFFSET 0): as a join, with the table's statistics
        // stale after a first import, the planner crossed every country with every signal (3.3 s
        // for a week of new events in a store of 204,674 signals).
        `DELETE FROM signals WHERE id IN (
           SELECT s.id FROM json_to_recordset($1::json) AS w(country text, "from" date) CROSS JOIN LATERAL (
             SELECT id FROM signals s
             WHERE s.country_iso3 = w.country AND s.week >= w."from" AND s.frequency = 'weekly' AND s.status = 'new'
               AND s.detected_at <> now() OFFSET 0) AS s)
         RETURNING id`,
        [JSON.stringify(since)],
      )
    : [];
  return { stored, withdrawn: withdrawn.length };
}

export interface SignalFilter {
  country?: Iso3 | undefined;
  category?: string | undefined;
  measure?: string | undefined;
  frequency?: SignalFrequency | undefined;
  method?: string | undefined;
  status?: SignalStatus | undefined;
  from?: IsoDate | undefined;
  to?: IsoDate | undefined;
}

interface SignalRow {
  id: number;
  country_iso3: Iso3;
  category: Signal['category'];
  measure: Signal['measure'];
  frequency: Signal['frequency'];
  week: IsoDate;
  method: string;
  observed: number;
  upperbound: number | null;
  event_ids: number[];
  speech_item_ids: number[];
  status: SignalStatus;
  triage_note: string | null;
  triaged_by: string | null;
  triaged_at: Date | string | null;
  detected_at: Date | string;
}

const iso = (t: Date | string | null): string | null => (t === null ? null : new Date(t).toISOString());

const toSignal = (r: SignalRow): Signal => ({
  id: r.id,
  country: r.country_iso3,
  category: r.category,
  measure: r.measure,
  frequency: r.frequency,
  week: r.week,
  method: r.method,
  observed: r.observed,
  upperbound: r.upperbound,
  eventIds: r.event_ids.map(Number),
  speechItemIds: r.speech_item_ids.map(Number),
  status: r.status,
  triageNote: r.triage_note,
  triagedBy: r.triaged_by,
  triagedAt: iso(r.triaged_at),
  detectedAt: iso(r.detected_at)!,
});

const SELECT = `SELECT s.id, s.country_iso3, s.category, s.measure, s.frequency, s.week, s.method, s.observed, s.upperbound,
  s.event_ids, s.speech_item_ids,
  s.status, s.triage_note, u.username AS triaged_by, s.triaged_at, s.detected_at
  FROM signals s LEFT JOIN users u ON u.id = s.triaged_by`;

/** Signals matching the filter, newest week first, one page at a time (`cursor` = the last id seen's week and id). */
export async function listSignals(
  db: Queryable,
  f: SignalFilter,
  page: { limit: number; cursor?: string | undefined },
): Promise<{ items: Signal[]; nextCursor: string | null }> {
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (sql: string, v: unknown) => where.push(sql.replace('?', `$${params.push(v)}`));
  if (f.country) add('s.country_iso3 = ?', f.country);
  if (f.category) add('s.category = ?', f.category);
  if (f.measure) add('s.measure = ?', f.measure);
  if (f.frequency) add('s.frequency = ?', f.frequency);
  if (f.method) add('s.method = ?', f.method);
  if (f.status) add('s.status = ?', f.status);
  if (f.from) add('s.week >= ?::date', f.from);
  if (f.to) add('s.week <= ?::date', f.to);
  if (page.cursor) {
    const m = /^(\d{4}-\d{2}-\d{2}),(\d+)$/.exec(page.cursor);
    if (!m) throw new TocsinError('invalid_input', 'cursor: not a cursor this API gave out', { field: 'cursor' });
    where.push(`(s.week, s.id) < ($${params.push(m[1])}::date, $${params.push(Number(m[2]))})`);
  }
  const rows = await db.query<SignalRow>(
    `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY s.week DESC, s.id DESC LIMIT $${params.push(page.limit + 1)}`,
    params,
  );
  const items = rows.slice(0, page.limit).map(toSignal);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > page.limit && last ? `${last.week},${last.id}` : null };
}

export async function getSignal(db: Queryable, id: number): Promise<Signal> {
  const [row] = await db.query<SignalRow>(`${SELECT} WHERE s.id = $1`, [id]);
  if (!row) throw new TocsinError('not_found', `no signal ${id}`);
  return toSignal(row);
}

/** Records an analyst's triage decision with its reason; a later decision replaces it, and every decision stays in the log. */
export async function triageSignal(
  db: Queryable,
  id: number,
  t: { decision: TriageDecision; note: string | null; userId: number | null },
): Promise<Signal> {
  const updated = await db.query(
    `WITH s AS (
       UPDATE signals SET status = $2, triage_note = $3, triaged_by = $4, triaged_at = now() WHERE id = $1 RETURNING id
     )
     INSERT INTO signal_triage_log (signal_id, status, note, user_id) SELECT id, $2, $3, $4 FROM s RETURNING signal_id`,
    [id, STATUS_OF_DECISION[t.decision], t.note, t.userId],
  );
  if (updated.length === 0) throw new TocsinError('not_found', `no signal ${id}`);
  return getSignal(db, id);
}
