import { TocsinError, type ErrorCode } from '../core/errors.js';
import { startWorker } from '../core/start-worker.js';
import { FORMATS } from './formats.js';
import type { ReadItem, ReadSpec } from './read-event-batches.js';
import type { SourceFormat } from './source-format.js';

/** Batches the worker may have read and posted before the writer takes them. */
export const BATCHES_AHEAD = 2;

/** What the import worker posts: the items of `readEventBatches`, or the error that ended it. */
export type WorkerMessage =
  ReadItem | { kind: 'failed'; code: ErrorCode; message: string; details: Readonly<Record<string, unknown>> | undefined };

/** Whether `format` can be read in a worker: the worker finds it by name among the built-in formats. */
export const canReadInWorker = (format: SourceFormat): boolean =>
  Object.hasOwn(FORMATS, format.source) && FORMATS[format.source as keyof typeof FORMATS] === format;

/**
 * `readEventBatches` in a worker thread: parsing and normalising (about a third of a first import's
 * time on PGlite) run on another core while this thread writes. Yields the same items in the same
 * order. The worker stops when the last item is taken, on an error, or when the caller stops early.
 */
export async function* readEventBatchesInWorker(format: SourceFormat, spec: ReadSpec): AsyncGenerator<ReadItem, void, undefined> {
  if (!canReadInWorker(format)) throw new TocsinError('internal', `the format ${format.name} cannot be read in a worker`);
  const worker = startWorker(import.meta.url, 'import-worker', { source: format.source, spec });
  const inbox: WorkerMessage[] = [];
  let wake: (() => void) | null = null;
  const deliver = (m: WorkerMessage) => {
    inbox.push(m);
    wake?.();
    wake = null;
  };
  worker.on('message', deliver);
  worker.on('error', (e: Error) =>
    deliver({ kind: 'failed', code: 'internal', message: `import worker failed: ${e.message}`, details: undefined }),
  );
  worker.on('exit', (code) =>
    deliver({ kind: 'failed', code: 'internal', message: `import worker stopped early (exit code ${code})`, details: undefined }),
  );
  try {
    for (;;) {
      while (inbox.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const m = inbox.shift()!;
      if (m.kind === 'failed') throw new TocsinError(m.code, m.message, m.details ? { ...m.details } : undefined);
      yield m;
      if (m.kind === 'end') return;
      if (m.kind === 'batch') worker.postMessage('more');
    }
  } finally {
    worker.removeAllListeners();
    await worker.terminate();
  }
}
