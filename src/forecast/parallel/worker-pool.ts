import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { TocsinError, type ErrorCode } from '../../core/errors.js';
import { startWorker } from '../../core/start-worker.js';
import type { ModelRefitTask } from '../backtest/model-backtest.js';
import type { RefitOutcome, RefitTask } from '../backtest/refit.js';
import type { EnsembleRecipe } from '../models/backtest-models.js';
import type { ElasticNetPath } from '../elastic-net/elastic-net-path.js';
import type { PathFitTask } from '../elastic-net/cross-validate.js';

/** A job for a worker, and what it answers. */
export type WorkerJob =
  | { kind: 'refit'; task: RefitTask }
  | { kind: 'path'; task: PathFitTask }
  | { kind: 'model-refit'; recipe: EnsembleRecipe; task: ModelRefitTask };
type Answer<J extends WorkerJob> = J extends { kind: 'refit' }
  ? RefitOutcome
  : J extends { kind: 'path' }
    ? ElasticNetPath
    : Float64Array;
/** What a worker posts back: the answer, or the error the job threw (the worker lives on). */
export type WorkerReply =
  { ok: true; value: RefitOutcome | ElasticNetPath | Float64Array | undefined } | { ok: false; code: ErrorCode; message: string };

/** Worker threads to use by default: one per core, at most 8. */
export const defaultThreads = (): number => Math.max(1, Math.min(8, availableParallelism()));

/** Worker threads fed from one queue: each takes the next job when it finishes one. */
export interface WorkerPool {
  readonly threads: number;
  run<J extends WorkerJob>(job: J): Promise<Answer<J>>;
  close(): Promise<void>;
}

/**
 * Starts `threads` worker threads running `forecast-worker`. Jobs are pure functions of their
 * data, so results do not depend on which thread runs them. Close the pool when done.
 */
export function createWorkerPool(threads: number): WorkerPool {
  if (!Number.isInteger(threads) || threads < 1)
    throw new TocsinError('invalid_input', `threads must be a positive integer, got ${threads}`);
  const idle: Worker[] = Array.from({ length: threads }, startForecastWorker);
  const all = [...idle];
  const waiting: Array<() => void> = [];
  const take = async (): Promise<Worker> => {
    while (idle.length === 0) await new Promise<void>((resolve) => waiting.push(resolve));
    return idle.pop()!;
  };
  const release = (w: Worker) => {
    idle.push(w);
    waiting.shift()?.();
  };
  return {
    threads,
    async run<J extends WorkerJob>(job: J): Promise<Answer<J>> {
      const worker = await take();
      try {
        return await send<Answer<J>>(worker, job);
      } finally {
        release(worker);
      }
    },
    async close() {
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
}

/** A worker running `forecast-worker` (see `startWorker` for the TypeScript sources). */
const startForecastWorker = (): Worker => startWorker(import.meta.url, 'forecast-worker');

function send<T>(worker: Worker, job: WorkerJob): Promise<T> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
    };
    const onMessage = (reply: WorkerReply) => {
      cleanup();
      if (reply.ok) resolve(reply.value as T);
      else reject(new TocsinError(reply.code, reply.message));
    };
    const onError = (e: Error) => {
      cleanup();
      reject(new TocsinError('internal', `forecast worker failed: ${e.message}`, undefined, { cause: e }));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.postMessage(job);
  });
}
