import { join } from 'node:path';
import { SHARED_DIR } from '../../src/test-support/shared-data.js';
import { EWP_BACKTEST, runBacktest } from '../../src/forecast/backtest/backtest.js';
import { readCountryYears } from '../../src/forecast/country-years/read-country-years.js';
import { trainingRows } from '../../src/forecast/country-years/training-set.js';
import { crossValidateElasticNet } from '../../src/forecast/elastic-net/cross-validate.js';
import { fitElasticNetPath } from '../../src/forecast/elastic-net/elastic-net-path.js';
import { assignFolds } from '../../src/forecast/elastic-net/folds.js';
import { crossValidateInWorkers, workerRefitRunner } from '../../src/forecast/parallel/parallel-runs.js';
import { createWorkerPool, defaultThreads } from '../../src/forecast/parallel/worker-pool.js';
import { median } from '../lib/stats.js';

const EWP_FILE = join(SHARED_DIR, 'data', 'ewp', 'prepared2024predictors-2025-09-03.csv');

/**
 * R on the same machine (R 4.2.2, glmnet 4.1-6, one core; script kept outside the repository, see
 * docs/forecast.md): `cv.glmnet(x, y, family = "binomial", alpha = 0.5)` on the 8,970 training
 * rows (median of 7 per run), and the 31-refit back-test (cv.glmnet + predict per cutoff); the
 * middle of three runs (1.11-1.23 s and 20.5-22.7 s).
 */
export const R_REFERENCE = { cvGlmnetMs: 1204, backtestSeconds: 22.7, measured: '2026-11-24, 2 vCPU AMD EPYC' } as const;

export interface ElasticNetBenchResult {
  trainingRows: number;
  predictors: number;
  /** One glmnet path (alpha 0.5, 67 lambdas) on the training rows: median and fastest, ms. */
  pathMedianMs: number;
  /** One 10-fold cross-validation (full path + 10 fold paths + scoring), one thread. */
  cvFit: { medianMs: number; minMs: number; repetitions: number };
  /** The same with its 11 path fits spread over worker threads (pool started beforehand). */
  cvFitThreaded: { threads: number; medianMs: number; minMs: number; repetitions: number };
  /** The 31-refit back-test, in one thread and in worker threads. */
  backtest: { oneThreadSeconds: number; threads: number; threadedSeconds: number; auc: number; hits: number; onsets: number };
  rReference: typeof R_REFERENCE;
  /** How many times faster than R (R time / our time). */
  speedupOverR: { cvFit: number; cvFitThreaded: number; backtestOneThread: number; backtestThreaded: number };
}

const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** Times the elastic net on EWP's data: one path, one CV fit (median of 7 after warm-up, one thread and in workers), the back-test. */
export async function benchElasticNet(log: (s: string) => void = () => undefined): Promise<ElasticNetBenchResult> {
  const table = await readCountryYears(EWP_FILE);
  const train = trainingRows(table, 2022);
  const folds = assignFolds(train.rows.length, 10, EWP_BACKTEST.seed);
  const time = (f: () => unknown): number => {
    const t0 = performance.now();
    f();
    return performance.now() - t0;
  };

  for (let i = 0; i < 3; i++) fitElasticNetPath(train.x, train.y, { alpha: 0.5 }); // warm-up
  const paths = Array.from({ length: 15 }, () => time(() => fitElasticNetPath(train.x, train.y, { alpha: 0.5 })));
  const cvs = Array.from({ length: 7 }, () => time(() => crossValidateElasticNet(train.x, train.y, folds, { alpha: 0.5 })));
  const threads = Math.max(2, defaultThreads());
  const pool = createWorkerPool(threads);
  const threadedCvs: number[] = [];
  try {
    for (let i = 0; i < 9; i++) {
      const t0 = performance.now();
      await crossValidateInWorkers(pool, train.x, train.y, folds, { alpha: 0.5 });
      if (i >= 2) threadedCvs.push(performance.now() - t0); // the first two warm the workers up
    }
  } finally {
    await pool.close();
  }
  log(
    `elastic net: path ${median(paths).toFixed(1)} ms, 10-fold CV ${median(cvs).toFixed(0)} ms, ` +
      `${median(threadedCvs).toFixed(0)} ms in ${threads} threads (medians of 7)`,
  );

  const timeBacktest = async (threads: number) => {
    const t0 = performance.now();
    const result = await runBacktest(table, EWP_BACKTEST, workerRefitRunner(threads));
    return { seconds: (performance.now() - t0) / 1000, result };
  };
  const one = await timeBacktest(1);
  const many = await timeBacktest(threads);
  log(`elastic net: back-test ${one.seconds.toFixed(1)} s in one thread, ${many.seconds.toFixed(1)} s in ${threads}`);

  const cvMs = median(cvs);
  return {
    trainingRows: train.rows.length,
    predictors: train.x.names.length,
    pathMedianMs: round(median(paths), 1),
    cvFit: { medianMs: round(cvMs, 1), minMs: round(Math.min(...cvs), 1), repetitions: cvs.length },
    cvFitThreaded: {
      threads,
      medianMs: round(median(threadedCvs), 1),
      minMs: round(Math.min(...threadedCvs), 1),
      repetitions: threadedCvs.length,
    },
    backtest: {
      oneThreadSeconds: round(one.seconds, 2),
      threads,
      threadedSeconds: round(many.seconds, 2),
      auc: round(many.result.metrics.auc, 4),
      hits: many.result.metrics.hits,
      onsets: many.result.metrics.onsets,
    },
    rReference: R_REFERENCE,
    speedupOverR: {
      cvFit: round(R_REFERENCE.cvGlmnetMs / cvMs, 2),
      cvFitThreaded: round(R_REFERENCE.cvGlmnetMs / median(threadedCvs), 2),
      backtestOneThread: round(R_REFERENCE.backtestSeconds / one.seconds, 2),
      backtestThreaded: round(R_REFERENCE.backtestSeconds / many.seconds, 2),
    },
  };
}
