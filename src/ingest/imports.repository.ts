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
}

/** Import batches, newest first. */
export async function listImportBatches(db: Queryable, limit = 50): Promise<ImportBatchRow[]> {
  return db.query<ImportBatchRow>(
    `SELECT id, source, format, file_name AS "fileName", file_sha256 AS "fileSha256", status, message,
            rows_read AS "rowsRead", inserted, updated, unchanged, rejected, skipped,
            to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "startedAt",
            to_char(finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "finishedAt"
     FROM import_batches ORDER BY id DESC LIMIT $1`,
    [limit],
  );
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
