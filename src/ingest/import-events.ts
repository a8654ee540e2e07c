import { basename } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { TocsinError } from '../core/errors.js';
import type { Db } from '../db/database.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import type { NormalisedEvent } from '../events/event.js';
import {
  copyNewEvents,
  noteChange,
  upsertEvents,
  type ChangedSince,
  type UpsertCounts,
} from '../events/events-writer.repository.js';
import { refreshSurveillance, type SurveillanceReport } from '../surveillance/refresh-surveillance.js';
import {
  finishImportBatch,
  insertRejections,
  startImportBatch,
  updateBatchCounts,
  type BatchCounts,
  type Rejection,
} from './import-batches.repository.js';
import { precheckFile } from './precheck.js';
import { isEmptyRecord, readRecords, type ReadSummary } from './read-records.js';
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
}

export interface ImportReport extends BatchCounts {
  batchId: number;
  source: string;
  format: string;
  file: string;
  bytes: number;
  sha256: string;
  /** Rejections grouped by column and reason, most frequent first. */
  rejectionsByReason: { column: string | null; reason: string; count: number; firstLine: number }[];
  /** The surveillance step: roll-ups rebuilt and signals detected for the countries whose events changed. */
  surveillance: SurveillanceReport | null;
}

const MAX_RECORD_TEXT = 4_000;

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
  const byReason = new Map<string, ImportReport['rejectionsByReason'][number]>();
  let pending = new Map<string, NormalisedEvent>();
  let rejections: Rejection[] = [];
  let summary: ReadSummary | undefined;
  let bytesRead = 0;
  const changed: ChangedSince = new Map();
  let surveillance: SurveillanceReport | null = null;

  // Bulk mode: while the store holds no event of this source, a batch's rows are new and go in by
  // COPY (2.4x the upsert's SQL on PGlite). A row that is not new after all (the same id earlier in
  // the file, or another import of the source running at the same time) fails the COPY, and that
  // batch is written again by the upsert, which handles it. Any other COPY failure ends bulk mode.
  let bulk = !(await sourceHasEvents(db, format.source));

  // At most one batch is being written while the next is read and normalised: with a PostgreSQL
  // server the two run on different cores. Batches are still written in file order.
  let writing: Promise<void> = Promise.resolve();
  const writeBatch = async (
    events: NormalisedEvent[],
    rej: Rejection[],
    read: Omit<BatchCounts, keyof UpsertCounts>,
    copy: boolean,
  ) => {
    // Counted only once the transaction commits: a failed COPY leaves them for the upsert to count.
    const inBatch: ChangedSince = new Map();
    const c = await db.transaction(async (tx) => {
      const c: UpsertCounts = copy
        ? { inserted: await copyNewEvents(tx, batchId, events, format.version, inBatch), updated: 0, unchanged: 0 }
        : await upsertEvents(tx, batchId, events, format.version, inBatch);
      await insertRejections(tx, batchId, rej);
      await updateBatchCounts(tx, batchId, {
        ...read,
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
  const flush = async () => {
    await writing;
    const events = [...pending.values()];
    const rej = rejections;
    const read = { rowsRead: counts.rowsRead, rejected: counts.rejected, skipped: counts.skipped };
    pending = new Map();
    rejections = [];
    writing = (async () => {
      if (bulk) {
        try {
          return await writeBatch(events, rej, read, true);
        } catch (e) {
          if (!isUniqueViolation(e)) bulk = false;
        }
      }
      await writeBatch(events, rej, read, false);
    })();
    writing.catch(() => undefined); // the error surfaces at the next `await writing`
  };
  const reject = (line: number, record: readonly string[], column: string | null, reason: string) => {
    counts.rejected++;
    const text = record.join(format.csv.delimiter);
    rejections.push({
      line,
      column,
      reason,
      record: text.length > MAX_RECORD_TEXT ? `${text.slice(0, MAX_RECORD_TEXT)}…` : text,
    });
    const key = `${column ?? ''}\u0000${reason}`;
    const g = byReason.get(key);
    if (g) g.count++;
    else byReason.set(key, { column, reason, count: 1, firstLine: line });
  };

  try {
    let isHeader = format.csv.header;
    for await (const chunk of readRecords(
      file,
      format.csv,
      (s) => (summary = s),
      (b) => (bytesRead = b),
    )) {
      for (let i = 0; i < chunk.records.length; i++) {
        const record = chunk.records[i]!;
        if (isEmptyRecord(record)) continue;
        if (isHeader) {
          isHeader = false;
          continue;
        }
        counts.rowsRead++;
        // Give the event loop a turn now and then, so the batch being written actually leaves for a
        // PostgreSQL server while this one is normalised (+25% measured, docs/benchmarks.md).
        if ((counts.rowsRead & 255) === 0) await yieldToEventLoop();
        const problem = chunk.problems.get(i);
        if (problem !== undefined) {
          reject(chunk.lineOf(i), record, null, `malformed CSV: ${problem}`);
          continue;
        }
        if (widths.length > 0 && !widths.includes(record.length)) {
          reject(chunk.lineOf(i), record, null, `expected ${widths.join(' or ')} columns, found ${record.length}`);
          continue;
        }
        const outcome = format.normalise(record, layout, options);
        if (outcome.kind === 'rejected') reject(chunk.lineOf(i), record, outcome.column, outcome.reason);
        else if (outcome.kind === 'skipped') counts.skipped++;
        else {
          const id = outcome.event.sourceId;
          if (pending.has(id)) await flush(); // the same id twice in a file: the later row wins
          pending.set(id, outcome.event);
          if (pending.size >= batchSize) await flush();
        }
      }
      if (rejections.length >= batchSize) await flush();
      req.onProgress?.({ bytesRead, totalBytes, rowsRead: counts.rowsRead });
    }
    await flush();
    await writing;
    // PGlite runs no autovacuum: without fresh statistics the planner picks slow plans for the API.
    if (counts.inserted + counts.updated > 0) await db.exec('ANALYZE events');
  } catch (e) {
    await writing.catch(() => undefined);
    const message = e instanceof Error ? e.message : String(e);
    await finishImportBatch(db, batchId, { status: 'failed', message, sha256: null, bytes: bytesRead }).catch(() => undefined);
    throw e;
  }
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
    rejectionsByReason: [...byReason.values()].sort((a, b) => b.count - a.count),
    surveillance,
  };
}
