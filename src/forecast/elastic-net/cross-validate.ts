import { TocsinError } from '../../core/errors.js';
import { coefficientsAt } from './coefficients-at.js';
import { selectRows, type DesignMatrix } from './design-matrix.js';
import { fitElasticNetPath, type ElasticNetOptions, type ElasticNetPath } from './elastic-net-path.js';
import { linearPredictor } from './predict.js';

/** Which lambda the cross-validation recommends. */
export type LambdaRule = 'lambda.min' | 'lambda.1se';

/** k-fold cross-validation of an elastic-net path, as `cv.glmnet(type.measure = "deviance")` reports it. */
export interface CrossValidation {
  /** The fit on all rows; the folds are scored at its lambdas. */
  readonly path: ElasticNetPath;
  readonly folds: number;
  /** Mean held-out binomial deviance per lambda (`cvm`), and its standard error (`cvsd`). */
  readonly cvm: Float64Array;
  readonly cvsd: Float64Array;
  readonly lambdaMin: number;
  readonly lambda1se: number;
  readonly indexMin: number;
  readonly index1se: number;
}

/** One fold's result: the mean held-out deviance at each lambda of the full path, and its row count. */
export interface FoldDeviance {
  readonly fold: number;
  readonly rows: number;
  readonly meanDeviance: Float64Array;
}

/** One path to fit: the rows, their outcomes and the settings. */
export interface PathFitTask {
  readonly x: DesignMatrix;
  readonly y: Float64Array;
  readonly options: Omit<ElasticNetOptions, 'lambdas'>;
}

/** Fits paths in this thread. */
export const fitPathsInProcess = (tasks: readonly PathFitTask[]): ElasticNetPath[] =>
  tasks.map((t) => fitElasticNetPath(t.x, t.y, t.options));

/** Probabilities are clamped to [1e-5, 1 - 1e-5] before the deviance, as in cv.glmnet (`cv.lognet`). */
const PROB_MIN = 1e-5;

/**
 * Cross-validates as glmnet 4.1's `cv.glmnet` (grouped folds, default `alignment = "lambda"`): fits
 * the full path and each fold's own path on the other folds, then scores each fold's held-out rows
 * at the full path's lambdas, the fold's coefficients interpolated there. `foldIds` holds a fold
 * 0..k-1 per row (see `assignFolds`).
 */
export function crossValidateElasticNet(
  x: DesignMatrix,
  y: ArrayLike<number>,
  foldIds: Int32Array,
  options: Omit<ElasticNetOptions, 'lambdas'>,
): CrossValidation {
  const plan = planCrossValidation(x, y, foldIds, options);
  return plan.score(fitPathsInProcess(plan.tasks));
}

/**
 * The same cross-validation in two steps, so that its k + 1 independent path fits can run
 * elsewhere (worker threads): `tasks` (the full fit first), then `score` with their paths.
 */
export function planCrossValidation(
  x: DesignMatrix,
  y: ArrayLike<number>,
  foldIds: Int32Array,
  options: Omit<ElasticNetOptions, 'lambdas'>,
): { tasks: PathFitTask[]; score: (paths: readonly ElasticNetPath[]) => CrossValidation } {
  const k = countFolds(foldIds, x.rows);
  const outcomes = Float64Array.from(y);
  const train = Array.from({ length: k }, () => [] as number[]);
  const test = Array.from({ length: k }, () => [] as number[]);
  foldIds.forEach((f, i) => {
    test[f]!.push(i);
    for (let g = 0; g < k; g++) if (g !== f) train[g]!.push(i);
  });
  const tasks: PathFitTask[] = [
    { x, y: outcomes, options },
    ...train.map((rows) => ({ x: selectRows(x, rows), y: Float64Array.from(rows, (i) => outcomes[i]!), options })),
  ];
  const score = (paths: readonly ElasticNetPath[]): CrossValidation => {
    const full = paths[0]!;
    const results = test.map((rows, fold) =>
      scoreFold(
        fold,
        paths[fold + 1]!,
        selectRows(x, rows),
        rows.map((i) => outcomes[i]!),
        full.lambdas,
      ),
    );
    return summariseFolds(full, results);
  };
  return { tasks, score };
}

/** The mean binomial deviance of a fold's held-out rows at each of the full path's lambdas. */
export function scoreFold(
  fold: number,
  foldPath: ElasticNetPath,
  held: DesignMatrix,
  heldY: readonly number[],
  lambdas: Float64Array,
): FoldDeviance {
  const meanDeviance = new Float64Array(lambdas.length);
  for (let m = 0; m < lambdas.length; m++) {
    const eta = linearPredictor(coefficientsAt(foldPath, lambdas[m]!), held);
    let total = 0;
    for (let t = 0; t < held.rows; t++) {
      const prob = Math.min(Math.max(1 / (1 + Math.exp(-eta[t]!)), PROB_MIN), 1 - PROB_MIN);
      total += heldY[t] === 1 ? -2 * Math.log(prob) : -2 * Math.log(1 - prob);
    }
    meanDeviance[m] = total / held.rows;
  }
  return { fold, rows: held.rows, meanDeviance };
}

/** cvm, cvsd and the two recommended lambdas from the folds' results (glmnet's `cvcompute`, `getOptcv.glmnet`). */
export function summariseFolds(path: ElasticNetPath, results: readonly FoldDeviance[]): CrossValidation {
  const L = path.lambdas.length;
  const totalRows = results.reduce((s, r) => s + r.rows, 0);
  const cvm = new Float64Array(L);
  const cvsd = new Float64Array(L);
  for (let m = 0; m < L; m++) {
    let mean = 0;
    for (const r of results) mean += (r.rows * r.meanDeviance[m]!) / totalRows;
    let spread = 0;
    for (const r of results) spread += (r.rows * (r.meanDeviance[m]! - mean) ** 2) / totalRows;
    cvm[m] = mean;
    cvsd[m] = Math.sqrt(spread / (results.length - 1));
  }
  // The largest lambda reaching the minimum, then the largest within one standard error of it.
  let indexMin = 0;
  for (let m = 1; m < L; m++) if (cvm[m]! < cvm[indexMin]!) indexMin = m;
  const bound = cvm[indexMin]! + cvsd[indexMin]!;
  let index1se = 0;
  while (cvm[index1se]! > bound) index1se++;
  return {
    path,
    folds: results.length,
    cvm,
    cvsd,
    lambdaMin: path.lambdas[indexMin]!,
    lambda1se: path.lambdas[index1se]!,
    indexMin,
    index1se,
  };
}

function countFolds(foldIds: Int32Array, rows: number): number {
  if (foldIds.length !== rows) throw new TocsinError('invalid_input', `${foldIds.length} fold ids for ${rows} rows`);
  let k = 0;
  for (const f of foldIds) {
    if (!Number.isInteger(f) || f < 0) throw new TocsinError('invalid_input', `fold ids must be 0..k-1, got ${f}`);
    k = Math.max(k, f + 1);
  }
  const sizes = new Int32Array(k);
  for (const f of foldIds) sizes[f]!++;
  if (k < 3 || sizes.some((s) => s === 0)) {
    throw new TocsinError('invalid_input', `need at least 3 non-empty folds (sizes ${sizes.join(', ')})`);
  }
  return k;
}
