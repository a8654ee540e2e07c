import { TocsinError } from '../../core/errors.js';
import type { DesignMatrix } from './design-matrix.js';
import { fitElasticNetPath, type ElasticNetOptions, type ElasticNetPath } from './elastic-net-path.js';

/** An intercept and one coefficient per predictor, on the original scale. */
export interface ElasticNetCoefficients {
  readonly names: readonly string[];
  readonly lambda: number;
  readonly intercept: number;
  readonly coefficients: Float64Array;
}

/**
 * The coefficients at `lambda`, as glmnet's `coef(fit, s = lambda)` gives them (`lambda.interp`):
 * a path entry when lambda is one, else the linear interpolation (on the lambda scale) between the
 * two neighbouring entries; lambdas outside the path are clamped to its ends. The fraction is
 * computed on glmnet's normalised scale, (lambda_1 - s) / (lambda_1 - lambda_k), as R does.
 */
export function coefficientsAt(path: ElasticNetPath, lambda: number): ElasticNetCoefficients {
  if (!(lambda >= 0)) throw new TocsinError('invalid_input', `lambda must be a non-negative number, got ${lambda}`);
  const { left, right, frac } = interpolationPoint(path.lambdas, lambda);
  const p = path.names.length;
  const coefficients = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    coefficients[j] = path.coefficients[left * p + j]! * frac + path.coefficients[right * p + j]! * (1 - frac);
  }
  return {
    names: path.names,
    lambda,
    intercept: path.intercepts[left]! * frac + path.intercepts[right]! * (1 - frac),
    coefficients,
  };
}

/** glmnet's `lambda.interp`: the two path entries around `s` and the weight of the left (larger) one. */
export function interpolationPoint(lambdas: Float64Array, s: number): { left: number; right: number; frac: number } {
  const k = lambdas.length;
  if (k === 1) return { left: 0, right: 0, frac: 1 };
  const first = lambdas[0]!;
  const span = first - lambdas[k - 1]!;
  if (!(span > 0)) return { left: 0, right: 0, frac: 1 };
  const at = (m: number): number => (first - lambdas[m]!) / span;
  const target = Math.min(Math.max((first - s) / span, at(0)), at(k - 1));
  let left = 0;
  while (left < k - 1 && at(left + 1) <= target) left++;
  if (at(left) === target || left === k - 1) return { left, right: left, frac: 1 };
  const right = left + 1;
  if (Math.abs(at(left) - at(right)) < Number.EPSILON) return { left, right, frac: 1 };
  return { left, right, frac: (target - at(right)) / (at(left) - at(right)) };
}

/**
 * Fits at one lambda the way glmnet does: along the data's own path from lambda_max down, with
 * warm starts, then reads off (or interpolates) the entry at `lambda`. Fitting the single value
 * directly would start cold and land elsewhere within glmnet's convergence tolerance.
 */
export function fitElasticNetAt(
  x: DesignMatrix,
  y: ArrayLike<number>,
  lambda: number,
  options: Omit<ElasticNetOptions, 'lambdas'>,
): ElasticNetCoefficients {
  return coefficientsAt(fitElasticNetPath(x, y, options), lambda);
}
