import type { IsoDate, Iso3 } from '../core/brand.js';
import type { Queryable } from '../db/database.js';
import { noteChange, type ChangedSince } from './changed-since.js';
import { EVENT_COPY_COLUMNS, type EventCopyBatch } from './event-copy.js';
import { EVENT_ROW_COLUMNS } from './event-row.js';

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

const columnList = EVENT_ROW_COLUMNS.map(([c]) => c).join(', ');
const recordDef = EVENT_ROW_COLUMNS.map(([c, t]) => `${c} ${t}`).join(', ');
const updateSet = EVENT_ROW_COLUMNS.filter(([c]) => c !== 'source' && c !== 'source_id')
  .map(([c]) => `${c} = EXCLUDED.${c}`)
  .join(', ');

/**
 * An existing row (same source and source id) is replaced only when its raw cells or the
 * normaliser version changed; the rows back say which were inserted and where they happened.
 */
const ON_CONFLICT = `
ON CONFLICT (source, source_id) DO UPDATE
  SET ${updateSet}, import_batch_id = EXCLUDED.import_batch_id, updated_at = now()
  WHERE events.raw IS DISTINCT FROM EXCLUDED.raw OR events.normaliser_version <> EXCLUDED.normaliser_version
RETURNING id, (xmax = 0) AS inserted, country_iso3, date_start`;

/**
 * Wraps an upsert so that a replaced row also says where it was before: the statement's other parts
 * read the table as it was when the statement began, so `events` joined here is the old row. The
 * surveillance step must redo both places (a corrected date or country moves a report out of its
 * old incident).
 */
const withOldPlace = (upsert: string): string => `
WITH up AS (${upsert})
SELECT up.inserted, up.country_iso3, up.date_start, old.country_iso3 AS old_country_iso3, old.date_start AS old_date_start
FROM up LEFT JOIN events old ON old.id = up.id AND NOT up.inserted`;

/**
 * One statement per batch: the rows travel as a single JSON array parameter and are unpacked
 * server-side, which is the same SQL on PGlite and PostgreSQL and avoids 30 x N parameters.
 */
const UPSERT_SQL = withOldPlace(`
INSERT INTO events (${columnList}, first_batch_id, import_batch_id)
SELECT ${columnList}, $2::integer, $2::integer
FROM json_to_recordset($1::json) AS r(${recordDef})
${ON_CONFLICT}`);

type UpsertedRow = {
  inserted: boolean;
  country_iso3: Iso3 | null;
  date_start: IsoDate;
  old_country_iso3: Iso3 | null;
  old_date_start: IsoDate | null;
};

/** Counts the rows an upsert returned (inserted or changed) against the rows sent, and notes their countries, old and new. */
function countUpserted(out: readonly UpsertedRow[], sent: number, changed?: ChangedSince): UpsertCounts {
  let inserted = 0;
  for (const r of out) {
    if (r.inserted) inserted++;
    if (!changed) continue;
    if (r.country_iso3 !== null) noteChange(changed, r.country_iso3, r.date_start);
    if (r.old_country_iso3 !== null && r.old_date_start !== null) noteChange(changed, r.old_country_iso3, r.old_date_start);
  }
  return { inserted, updated: out.length - inserted, unchanged: sent - out.length };
}

/**
 * Upserts a batch of rows produced by `toEventRowJson` (single events written by hand: a verified
 * report, test fixtures; imports use `upsertEvents`). The caller guarantees that no two rows
 * of one batch share a source id (Postgres refuses to touch a row twice in one statement).
 * Countries of inserted or changed rows are added to `changed`, for the surveillance step.
 */
export async function upsertEventRows(
  db: Queryable,
  batchId: number,
  rows: readonly string[],
  changed?: ChangedSince,
): Promise<UpsertCounts> {
  if (rows.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
  const out = await db.query<UpsertedRow>(UPSERT_SQL, [`[${rows.join(',')}]`, batchId]);
  return countUpserted(out, rows.length, changed);
}

/** The staging table of `upsertEvents`: the COPY columns, private to the connection, emptied after each use. */
const STAGE = `CREATE TEMP TABLE IF NOT EXISTS events_stage AS
  SELECT ${EVENT_COPY_COLUMNS.join(', ')} FROM events WITH NO DATA`;
const STAGED_UPSERT_SQL = withOldPlace(`
INSERT INTO events (${EVENT_COPY_COLUMNS.join(', ')})
SELECT ${EVENT_COPY_COLUMNS.join(', ')} FROM events_stage
${ON_CONFLICT}`);

/**
 * The import's upsert: the batch goes by COPY into a staging table, then one INSERT … SELECT with
 * the same conflict rule as `upsertEventRows` (COPY's text is cheaper to read than JSON: +22% on a
 * re-import of unchanged rows, docs/benchmarks.md). Run it inside a transaction: the staging table
 * belongs to the connection, so its COPY and the INSERT must reach the same one. Build the batch
 * with `toEventCopyBatch`.
 */
export async function upsertEvents(tx: Queryable, batch: EventCopyBatch, changed?: ChangedSince): Promise<UpsertCounts> {
  if (batch.count === 0) return { inserted: 0, updated: 0, unchanged: 0 };
  await tx.exec(STAGE);
  await tx.copyFrom('events_stage', EVENT_COPY_COLUMNS, batch.lines);
  const out = await tx.query<UpsertedRow>(STAGED_UPSERT_SQL);
  await tx.exec('TRUNCATE events_stage');
  return countUpserted(out, batch.count, changed);
}

/**
 * Inserts events known to be new with COPY (no conflict handling, no rows back): the bulk path
 * for an import into a store that holds no event of the source yet. A source id already stored
 * fails the whole COPY with a unique violation; the caller then writes the batch with
 * `upsertEvents`. Countries are added to `changed` from the batch's own dates.
 */
export async function copyNewEvents(db: Queryable, batch: EventCopyBatch, changed?: ChangedSince): Promise<number> {
  if (batch.count === 0) return 0;
  await db.copyFrom('events', EVENT_COPY_COLUMNS, batch.lines);
  if (changed) for (const [country, since] of batch.earliestByCountry) noteChange(changed, country, since);
  return batch.count;
}
