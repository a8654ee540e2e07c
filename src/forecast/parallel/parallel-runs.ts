import type { RefitRunner } from '../backtest/backtest.js';
import { refitsInProcess, type ModelRefitRunner } from '../backtest/model-backtest.js';
import { modelFromRecipe, type EnsembleRecipe } from '../models/backtest-models.js';
import { runRefitsInProcess } from '../backtest/refit.js';
import { planCrossValidation, type CrossValidation } from '../elastic-net/cross-validate.js';
import type { DesignMatrix } from '../elastic-net/design-matrix.js';
import type { ElasticNetOptions } from '../elastic-net/elastic-net-path.js';
import { createWorkerPool, type WorkerPool } from './worker-pool.js';

/**
 * A back-test `RefitRunner` over `threads` worker threads (one refit per job, largest first: they
 * take longest). With one thread it runs in-process, with no worker at all.
 */
export function workerRefitRunner(threads: number): RefitRunner {
  if (threads === 1) return runRefitsInProcess;
  return async (tasks) => {
    const pool = createWorkerPool(Math.min(threads, Math.max(1, tasks.length)));
    try {
      const order = tasks.map((task, i) => ({ task, i })).sort((a, b) => b.task.train.rows - a.task.train.rows);
      const results = new Array<Awaited<ReturnType<RefitRunner>>[number]>(tasks.length);
      await Promise.all(order.map(async ({ task, i }) => (results[i] = await pool.run({ kind: 'refit', task }))));
      return results;
    } finally {
      await pool.close();
    }
  };
}

/**
 * A model back-test's `ModelRefitRunner` over `threads` worker threads, each building the model
 * from `recipe` (largest training set first). Same forecasts as in-process: each refit's seed
 * comes with its task. With one thread it runs in-process.
 */
export function workerModelRefitRunner(recipe: EnsembleRecipe, threads: number): ModelRefitRunner {
  if (threads === 1) return refitsInProcess(modelFromRecipe(recipe));
  return async (tasks) => {
    const pool = createWorkerPool(Math.min(threads, Math.max(1, tasks.length)));
    try {
      const order = tasks.map((task, i) => ({ task, i })).sort((a, b) => b.task.train.x.rows - a.task.train.x.rows);
      const risks = new Array<Float64Array>(tasks.length);
      await Promise.all(order.map(async ({ task, i }) => (risks[i] = await pool.run({ kind: 'model-refit', recipe, task }))));
      return risks;
    } finally {
      await pool.close();
    }
  };
}

/** `crossValidateElasticNet` with its k + 1 path fits spread over a worker pool; same result. */
export async function crossValidateInWorkers(
  pool: WorkerPool,
  x: DesignMatrix,
  y: ArrayLike<number>,
  foldIds: Int32Array,
  options: Omit<ElasticNetOptions, 'lambdas'>,
): Promise<CrossValidation> {
  const plan = planCrossValidation(x, y, foldIds, options);
  const paths = await Promise.all(plan.tasks.map((task) => pool.run({ kind: 'path', task })));
  return plan.score(paths);
}
