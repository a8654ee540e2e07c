import { basename } from 'node:path';
import { TocsinError } from '../core/errors.js';
import type { Db } from '../db/database.js';
import { deferForBulkLoad, restoreAfterBulkLoad } from '../db/event-bulk-load.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import { noteChange, type ChangedSince } from '../events/changed-since.js';
import { copyNewEvents, upsertEvents, type UpsertCounts } from '../events/events-writer.repository.js';
import { refreshSurveillance, type SurveillanceReport } from '../surveillance/refresh-surveillance.js';
import {
  finishImportBatch,
  insertRejections,
  startImportBatch,
  updateBatchCounts,
  type BatchCounts,
} from './import-batches.repository.js';
import { precheckFile } from './precheck.js';
import { readEventBatches, type ReadItem, type ReadSpec, type RejectionGroup } from './read-event-batches.js';
import { canReadInWorker, readEventBatchesInWorker } from './read-event-batches-in-worker.js';
import type { NormaliseOptions, SourceFormat } from './source-format.js';

export interface ImportProgress {
  bytesRead: number;
  totalBytes: number;
  rowsRead: number;
}

export interface ImportRequest {
  format: SourceFormat;
  file: string;
  options?: NormaliseOptions;
  userId?: number | null;
  /** Rows per transaction (default 5,000). */
  batchSize?: number;
  onProgress?: (p: ImportProgress) => void;
  /** Called once the file has passed the precheck and its batch is open (uploads answer with this id). */
  onBatchStarted?: (batchId: number) => void;
  /**
   * Parse and normalise in a worker thread (on another core than the writes). Default: for files
   * of LARGE_FILE_BYTES or more in a built-in format.
   */
  readInWorker?: boolean;
  /**
   * Into an empty store, load without the two listing indexes and the two batch foreign keys, and
   * restore them at the end (`event-bulk-load.ts`). Default: for files of LARGE_FILE_BYTES or more.
   */
  deferForBulkLoad?: boolean;
}

/**
 * From this size on, an import reads its file in a worker thread (starting one costs tens of ms) and,
 * into an empty store, builds the listing indexes and checks the batch keys after loading.
 */
export const LARGE_FILE_BYTES = 4 << 20;

export interface ImportReport extends BatchCounts {
  batchId: number;
  source: string;
  format: string;
  file: string;
  bytes: number;
  sha256: string;
  /** Rejections grouped by column and reason, most frequent first. */
  rejectionsByReason: RejectionGroup[];
  /** The surveillance step: roll-ups rebuilt and signals detected for the countries whose events changed. */
  surveillance: SurveillanceReport | null;
}

const storeIsEmpty = async (db: Db): Promise<boolean> =>
  (await db.query<{ none: boolean }>('SELECT NOT EXISTS (SELECT 1 FROM events) AS none'))[0]!.none;

const sourceHasEvents = async (db: Db, source: string): Promise<boolean> =>
  (await db.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM events WHERE source = $1) AS any', [source]))[0]!.any;

/**
 * The ingestion chain for one file: precheck (refuses a wrong or truncated file before any
 * write) -> read -> parse -> normalise (the source format, pure) -> load, one transaction per
 * batch. Bad rows are quarantined with their line, column and reason; a row seen before is
 * replaced only when it changed, so importing the same file twice adds nothing. Then the
 * surveillance step: roll-ups and signals of the countries whose events changed.
 */
export async function importEventFile(db: Db, req: ImportRequest): Promise<ImportReport> {
  const { format, file } = req;
  const options = req.options ?? {};
  const batchSize = req.batchSize ?? 5_000;
  const { layout, widths, size: totalBytes } = await precheckFile(file, format);
  const batchId = await startImportBatch(db, {
    source: format.source,
    format: format.name,
    version: format.version,
    fileName: basename(file),
    columns: format.columns(layout),
    options,
    userId: req.userId ?? null,
  });
  req.onBatchStarted?.(batchId);

  const counts: BatchCounts = { rowsRead: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, skipped: 0 };
  const changed: ChangedSince = new Map();
  let surveillance: SurveillanceReport | null = null;
  let end: Extract<ReadItem, { kind: 'end' }> | undefined;
  let bytesRead = 0;

  // Bulk mode: while the store holds no event of this source, a batch's rows are new and go in by
  // COPY (2.4x the upsert's SQL on PGlite). A row that is not new after all (the same id earlier in
  // the file, or another import of the source running at the same time) fails the COPY, and that
  // batch is written again by the upsert, which handles it. Any other COPY failure ends bulk mode.
  let bulk = !(await sourceHasEvents(db, format.source));
  // Into an empty store, a big file loads without the listing indexes and the batch keys (restored once at the end).
  const deferred = bulk && (req.deferForBulkLoad ?? totalBytes >= LARGE_FILE_BYTES) && (await storeIsEmpty(db));

  const writeBatch = async (batch: Extract<ReadItem, { kind: 'batch' }>, copy: boolean) => {
    // Counted only once the transaction commits: a failed COPY leaves them for the upsert to count.
    const inBatch: ChangedSince = new Map();
    const c = await db.transaction(async (tx) => {
      const c: UpsertCounts = copy
        ? { inserted: await copyNewEvents(tx, batch.events, inBatch), updated: 0, unchanged: 0 }
        : await upsertEvents(tx, batch.events, inBatch);
      await insertRejections(tx, batchId, batch.rejections);
      await updateBatchCounts(tx, batchId, {
        ...batch.read,
        inserted: counts.inserted + c.inserted,
        updated: counts.updated + c.updated,
        unchanged: counts.unchanged + c.unchanged,
      });
      return c;
    });
    counts.inserted += c.inserted;
    counts.updated += c.updated;
    counts.unchanged += c.unchanged;
    for (const [country, since] of inBatch) noteChange(changed, country, since);
  };
  const write = async (batch: Extract<ReadItem, { kind: 'batch' }>) => {
    if (bulk) {
      try {
        return await writeBatch(batch, true);
      } catch (e) {
        if (!isUniqueViolation(e)) bulk = false;
      }
    }
    await writeBatch(batch, false);
  };

  const spec: ReadSpec = { file, layout, widths, options, batchSize, batchId };
  const inWorker = req.readInWorker ?? (totalBytes >= LARGE_FILE_BYTES && canReadInWorker(format));
  // At most one batch is being written while the next is read and normalised (in a worker, or in
  // this thread between the writes' turns): batches are still written in file order.
  let writing: Promise<void> = Promise.resolve();
  try {
    if (deferred) await deferForBulkLoad(db);
    for await (const item of inWorker ? readEventBatchesInWorker(format, spec) : readEventBatches(format, spec, true)) {
      if (item.kind === 'progress') {
        bytesRead = item.bytesRead;
        req.onProgress?.({ bytesRead, totalBytes, rowsRead: item.rowsRead });
      } else if (item.kind === 'batch') {
        await writing;
        Object.assign(counts, item.read);
        writing = write(item);
        writing.catch(() => undefined); // the error surfaces at the next `await writing`
      } else end = item;
    }
    await writing;
    if (deferred) await restoreAfterBulkLoad(db);
    // PGlite runs no autovacuum: without fresh statistics the planner picks slow plans for the API.
    if (counts.inserted + counts.updated > 0) await db.exec('ANALYZE events');
  } catch (e) {
    await writing.catch(() => undefined);
    if (deferred) await restoreAfterBulkLoad(db).catch(() => undefined); // else the next start restores them
    const message = e instanceof Error ? e.message : String(e);
    await finishImportBatch(db, batchId, { status: 'failed', message, sha256: null, bytes: bytesRead }).catch(() => undefined);
    throw e;
  }
  const summary = end?.summary ?? null;
  await finishImportBatch(db, batchId, {
    status: 'completed',
    message: null,
    sha256: summary?.sha256 ?? null,
    bytes: summary?.bytes ?? totalBytes,
  });
  // The events are stored whatever happens next: a failed surveillance step is re-run on its own.
  if (changed.size > 0)
    surveillance = await refreshSurveillance(db, changed, batchId).catch((e: unknown) => {
      throw new TocsinError(
        'internal',
        `the events are stored, but the surveillance step failed (${e instanceof Error ? e.message : String(e)}); run \`tocsin signals detect\` to redo it`,
        { batchId },
        { cause: e },
      );
    });
  return {
    batchId,
    source: format.source,
    format: format.name,
    file,
    bytes: summary?.bytes ?? totalBytes,
    sha256: summary?.sha256 ?? '',
    ...counts,
    rejectionsByReason: end?.rejectionsByReason ?? [],
    surveillance,
  };
}
