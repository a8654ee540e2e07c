import type { Queryable } from '../db/database.js';

export interface Rejection {
  line: number;
  column: string | null;
  reason: string;
  record: string;
}

export interface BatchCounts {
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  skipped: number;
}

/** Opens an import batch in state `running` and returns its id. */
export async function startImportBatch(
  db: Queryable,
  b: {
    source: string;
    format: string;
    version: number;
    fileName: string;
    columns: readonly string[];
    options: object;
    userId: number | null;
  },
): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO import_batches (source, format, format_version, file_name, columns, options, status, user_id)
     VALUES ($1, $2, $3, $4, $5, $6, 'running', $7) RETURNING id`,
    [b.source, b.format, b.version, b.fileName, b.columns, JSON.stringify(b.options), b.userId],
  );
  return row!.id;
}

/** Stores rejected rows of a batch (in the caller's transaction). */
export async function insertRejections(db: Queryable, batchId: number, rejections: readonly Rejection[]): Promise<void> {
  if (rejections.length === 0) return;
  await db.query(
    `INSERT INTO import_rejections (batch_id, line, column_name, reason, record)
     SELECT $1, line, column_name, reason, record
     FROM json_to_recordset($2::json) AS r(line integer, column_name text, reason text, record text)`,
    [
      batchId,
      JSON.stringify(rejections.map((r) => ({ line: r.line, column_name: r.column, reason: r.reason, record: r.record }))),
    ],
  );
}

/** Records the running counts of a batch (in the caller's transaction, beside its rows). */
export async function updateBatchCounts(db: Queryable, batchId: number, c: BatchCounts): Promise<void> {
  await db.query(
    `UPDATE import_batches SET rows_read = $2, inserted = $3, updated = $4, unchanged = $5, rejected = $6, skipped = $7
     WHERE id = $1`,
    [batchId, c.rowsRead, c.inserted, c.updated, c.unchanged, c.rejected, c.skipped],
  );
}

/** Closes a batch as completed or failed. */
export async function finishImportBatch(
  db: Queryable,
  batchId: number,
  f: { status: 'completed' | 'failed'; message: string | null; sha256: string | null; bytes: number | null },
): Promise<void> {
  await db.query(
    `UPDATE import_batches SET status = $2, message = $3, file_sha256 = $4, file_bytes = $5, finished_at = now() WHERE id = $1`,
    [batchId, f.status, f.message, f.sha256, f.bytes],
  );
}
