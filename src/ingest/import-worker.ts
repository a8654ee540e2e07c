import { parentPort, workerData } from 'node:worker_threads';
import { isTocsinError } from '../core/errors.js';
import { FORMATS, type FormatName } from './formats.js';
import { readEventBatches, type ReadSpec } from './read-event-batches.js';
import { BATCHES_AHEAD, type WorkerMessage } from './read-event-batches-in-worker.js';

/**
 * Worker-thread entry of `readEventBatchesInWorker`: reads the file and posts each item. It runs
 * at most BATCHES_AHEAD batches ahead of the writer, which sends a message for each batch it takes.
 */
const port = parentPort;
if (!port) throw new Error('import-worker.ts must run as a worker thread');
const { source, spec } = workerData as { source: FormatName; spec: ReadSpec };

let credits = BATCHES_AHEAD;
let wake: (() => void) | null = null;
port.on('message', () => {
  credits++;
  wake?.();
  wake = null;
});

try {
  for await (const item of readEventBatches(FORMATS[source], spec, false)) {
    if (item.kind === 'batch') {
      while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
      credits--;
    }
    port.postMessage(item satisfies WorkerMessage);
  }
} catch (e) {
  const failure: WorkerMessage = {
    kind: 'failed',
    code: isTocsinError(e) ? e.code : 'internal',
    message: e instanceof Error ? e.message : String(e),
    details: isTocsinError(e) ? e.details : undefined,
  };
  port.postMessage(failure);
}
