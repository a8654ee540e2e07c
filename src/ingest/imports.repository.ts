import type { Queryable } from '../db/database.js';

export interface ImportBatchRow {
  id: number;
  source: string;
  format: string;
  fileName: string;
  fileSha256: string | null;
  status: string;
  message: string | null;
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  skipped: number;
  startedAt: string;
  finishedAt: string | null;
  /** Who ran the import (null for imports run from the command line without a user). */
  userName: string | null;
}

const BATCH_COLUMNS = `b.id, b.source, b.format, b.file_name AS "fileName", b.file_sha256 AS "fileSha256", b.status, b.message,
  b.rows_read AS "rowsRead", b.inserted, b.updated, b.unchanged, b.rejected, b.skipped,
  to_char(b.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "startedAt",
  to_char(b.finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "finishedAt",
  u.username AS "userName"`;

/** Import batches, newest first. */
export async function listImportBatches(db: Queryable, limit = 50): Promise<ImportBatchRow[]> {
  return db.query<ImportBatchRow>(
    `SELECT ${BATCH_COLUMNS} FROM import_batches b LEFT JOIN users u ON u.id = b.user_id ORDER BY b.id DESC LIMIT $1`,
    [limit],
  );
}

/** One import batch, or null. */
export async function findImportBatch(db: Queryable, id: number): Promise<ImportBatchRow | null> {
  const [row] = await db.query<ImportBatchRow>(
    `SELECT ${BATCH_COLUMNS} FROM import_batches b LEFT JOIN users u ON u.id = b.user_id WHERE b.id = $1`,
    [id],
  );
  return row ?? null;
}

export interface RejectionRow {
  line: number;
  column: string | null;
  reason: string;
  record: string;
}

/** The quarantined rows of one batch, by line. */
export async function listRejections(db: Queryable, batchId: number, limit = 1000): Promise<RejectionRow[]> {
  return db.query<RejectionRow>(
    `SELECT line, column_name AS "column", reason, record FROM import_rejections WHERE batch_id = $1 ORDER BY line LIMIT $2`,
    [batchId, limit],
  );
}
