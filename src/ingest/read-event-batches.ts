import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { toEventCopyBatch, type EventCopyBatch } from '../events/event-copy.js';
import type { NormalisedEvent } from '../events/event.js';
import type { Rejection } from './import-batches.repository.js';
import { isEmptyRecord, readRecords, type ReadSummary } from './read-records.js';
import type { NormaliseOptions, SourceFormat } from './source-format.js';

/**
 * The reading half of an import, free of the database: read -> parse -> normalise -> batches of
 * COPY lines with their rejected rows. `importEventFile` writes what this yields, in its own thread
 * or from a worker (`read-event-batches-in-worker.ts`), so everything yielded is plain data.
 */

/** What an import reads once it has passed the precheck (all plain data, so a worker can be sent it). */
export interface ReadSpec {
  file: string;
  /** The layout the format detected on the first record. */
  layout: unknown;
  /** Column counts a record may have (empty: any). */
  widths: readonly number[];
  options: NormaliseOptions;
  /** Events per batch (a batch is also cut when as many rejections wait, or a source id repeats). */
  batchSize: number;
  /** The import batch the COPY lines name. */
  batchId: number;
}

/** Rows counted so far; every batch carries the running totals. */
export interface ReadCounts {
  rowsRead: number;
  rejected: number;
  skipped: number;
}

export interface RejectionGroup {
  column: string | null;
  reason: string;
  count: number;
  firstLine: number;
}

export type ReadItem =
  | { kind: 'batch'; events: EventCopyBatch; rejections: Rejection[]; read: ReadCounts }
  | { kind: 'progress'; bytesRead: number; rowsRead: number }
  | {
      kind: 'end';
      read: ReadCounts;
      /** Rejections grouped by column and reason, most frequent first. */
      rejectionsByReason: RejectionGroup[];
      summary: ReadSummary | null;
      bytesRead: number;
    };

/** A rejected row's text is cut to this many characters in the quarantine. */
const MAX_RECORD_TEXT = 4_000;

/**
 * Reads `spec.file` in `format`, yielding batches in file order, progress after each chunk of
 * the file, and last an `end` item. Within a batch no two events share a source id: a repeated
 * id closes the batch, so the later row is written after (and wins over) the earlier one.
 * `shareThread`: give the event loop a turn every 256 rows, so a batch being written can leave for
 * a PostgreSQL server meanwhile (+25% measured when reading in the writer's thread).
 */
export async function* readEventBatches(
  format: SourceFormat,
  spec: ReadSpec,
  shareThread: boolean,
): AsyncGenerator<ReadItem, void, undefined> {
  const read: ReadCounts = { rowsRead: 0, rejected: 0, skipped: 0 };
  const byReason = new Map<string, RejectionGroup>();
  let pending = new Map<string, NormalisedEvent>();
  let rejections: Rejection[] = [];
  let summary: ReadSummary | null = null;
  let bytesRead = 0;

  const cut = (): ReadItem => {
    const item: ReadItem = {
      kind: 'batch',
      events: toEventCopyBatch([...pending.values()], format.version, spec.batchId),
      rejections,
      read: { ...read },
    };
    pending = new Map();
    rejections = [];
    return item;
  };
  const reject = (line: number, record: readonly string[], column: string | null, reason: string) => {
    read.rejected++;
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

  let isHeader = format.csv.header;
  for await (const chunk of readRecords(
    spec.file,
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
      read.rowsRead++;
      if (shareThread && (read.rowsRead & 255) === 0) await yieldToEventLoop();
      const problem = chunk.problems.get(i);
      if (problem !== undefined) {
        reject(chunk.lineOf(i), record, null, `malformed CSV: ${problem}`);
        continue;
      }
      if (spec.widths.length > 0 && !spec.widths.includes(record.length)) {
        reject(chunk.lineOf(i), record, null, `expected ${spec.widths.join(' or ')} columns, found ${record.length}`);
        continue;
      }
      const outcome = format.normalise(record, spec.layout, spec.options);
      if (outcome.kind === 'rejected') reject(chunk.lineOf(i), record, outcome.column, outcome.reason);
      else if (outcome.kind === 'skipped') read.skipped++;
      else {
        const id = outcome.event.sourceId;
        if (pending.has(id)) yield cut(); // the same id twice in a file: the later row wins
        pending.set(id, outcome.event);
        if (pending.size >= spec.batchSize) yield cut();
      }
    }
    if (rejections.length >= spec.batchSize) yield cut();
    yield { kind: 'progress', bytesRead, rowsRead: read.rowsRead };
  }
  yield cut();
  yield {
    kind: 'end',
    read: { ...read },
    rejectionsByReason: [...byReason.values()].sort((a, b) => b.count - a.count),
    summary,
    bytesRead,
  };
}
