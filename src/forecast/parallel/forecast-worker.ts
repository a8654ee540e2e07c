import { parentPort } from 'node:worker_threads';
import { isTocsinError } from '../../core/errors.js';
import { runRefit } from '../backtest/refit.js';
import { fitPathsInProcess } from '../elastic-net/cross-validate.js';
import { modelFromRecipe } from '../models/backtest-models.js';
import type { WorkerJob, WorkerReply } from './worker-pool.js';

/** Worker-thread entry of `worker-pool.ts`: runs each job it is sent and posts the result (or the error) back. */
const port = parentPort;
if (!port) throw new Error('forecast-worker.ts must run as a worker thread');
const fail = (e: unknown): void => {
  const code = isTocsinError(e) ? e.code : 'internal';
  port.postMessage({ ok: false, code, message: e instanceof Error ? e.message : String(e) } satisfies WorkerReply);
};
port.on('message', (job: WorkerJob) => {
  try {
    switch (job.kind) {
      case 'refit': {
        const outcome = runRefit(job.task);
        port.postMessage(
          { ok: true, value: outcome } satisfies WorkerReply,
          outcome.ok ? [outcome.risk.buffer as ArrayBuffer] : [],
        );
        break;
      }
      case 'path':
        port.postMessage({ ok: true, value: fitPathsInProcess([job.task])[0] } satisfies WorkerReply);
        break;
      case 'model-refit':
        modelFromRecipe(job.recipe)
          .fit(job.task.train)
          .then((predict) => {
            const risk = predict(job.task.forecastX);
            port.postMessage({ ok: true, value: risk } satisfies WorkerReply, [risk.buffer as ArrayBuffer]);
          })
          .catch(fail);
        break;
    }
  } catch (e) {
    fail(e);
  }
});
