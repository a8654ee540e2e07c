import { coefficientsAt } from '../elastic-net/coefficients-at.js';
import { crossValidateElasticNet, type LambdaRule } from '../elastic-net/cross-validate.js';
import type { DesignMatrix } from '../elastic-net/design-matrix.js';
import { predictProbability } from '../elastic-net/predict.js';

/** One refit of a back-test: everything a worker needs, as plain transferable data. */
export interface RefitTask {
  readonly trainedThrough: number;
  readonly forecastYear: number;
  readonly train: DesignMatrix;
  readonly y: Float64Array;
  readonly foldIds: Int32Array;
  readonly forecast: DesignMatrix;
  readonly alpha: number;
  readonly lambdaRule: LambdaRule;
}

/** What a refit produced: the chosen lambda and one risk per forecast row, or why it failed. */
export type RefitOutcome =
  | {
      readonly ok: true;
      readonly trainedThrough: number;
      readonly lambda: number;
      /** 1-based position of the chosen lambda on the path, as R reports `index`. */
      readonly lambdaIndex: number;
      readonly pathLength: number;
      readonly nonZero: number;
      readonly risk: Float64Array;
    }
  | { readonly ok: false; readonly trainedThrough: number; readonly error: string };

/** Cross-validates on the training rows, refits at the chosen lambda and forecasts. Never throws. */
export function runRefit(task: RefitTask): RefitOutcome {
  try {
    const cv = crossValidateElasticNet(task.train, task.y, task.foldIds, { alpha: task.alpha });
    const index = task.lambdaRule === 'lambda.min' ? cv.indexMin : cv.index1se;
    const model = coefficientsAt(cv.path, cv.path.lambdas[index]!);
    return {
      ok: true,
      trainedThrough: task.trainedThrough,
      lambda: model.lambda,
      lambdaIndex: index + 1,
      pathLength: cv.path.lambdas.length,
      nonZero: model.coefficients.filter((b) => b !== 0).length,
      risk: predictProbability(model, task.forecast),
    };
  } catch (e) {
    return { ok: false, trainedThrough: task.trainedThrough, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Runs refits one after another in this thread. */
export const runRefitsInProcess = (tasks: readonly RefitTask[]): Promise<RefitOutcome[]> => Promise.resolve(tasks.map(runRefit));
