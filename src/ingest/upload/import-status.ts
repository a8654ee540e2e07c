import type { ImportBatchRow } from '../imports.repository.js';
import type { ImportJob } from './import-jobs.js';

/** Where an import stands, for a page that polls it. */
export interface ImportStatus extends ImportBatchRow {
  state: 'running' | 'completed' | 'failed';
  /** While running: reading rows, or the surveillance step after the rows are stored. */
  step: 'reading' | 'surveillance' | null;
  bytesRead: number | null;
  totalBytes: number | null;
  signalsStored: number | null;
}

/**
 * Joins the stored batch with the server's live view of it. The batch is marked completed once
 * its rows are stored, but the import goes on with the surveillance step: until the job ends it
 * is still running. A failure after the rows were stored (the surveillance step) is a failure.
 * Without a job (an import run from the command line, or before a restart) the batch speaks alone.
 */
export function importStatus(batch: ImportBatchRow, job: ImportJob | undefined): ImportStatus {
  const live = job && !job.finished;
  const state =
    (job?.error ?? null) !== null || batch.status === 'failed' || batch.status === 'refused'
      ? 'failed'
      : live || batch.status === 'running'
        ? 'running'
        : 'completed';
  return {
    ...batch,
    rowsRead: Math.max(batch.rowsRead, job?.rowsRead ?? 0),
    message: job?.error ?? batch.message,
    state,
    step: state !== 'running' ? null : batch.status === 'completed' ? 'surveillance' : 'reading',
    bytesRead: job ? job.bytesRead : null,
    totalBytes: job ? job.totalBytes : null,
    signalsStored: job?.signalsStored ?? null,
  };
}
