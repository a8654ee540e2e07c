import { TocsinError } from '../../core/errors.js';
import type { DesignMatrix } from './design-matrix.js';
import { GLMNET_DEFAULTS } from './glmnet-control.js';
import { fitLognetPath, type LambdaSchedule } from './lognet.js';

/** Settings of an elastic-net logistic fit; the defaults are `glmnet()`'s. */
export interface ElasticNetOptions {
  /** Mixing: 1 is the lasso, 0 ridge; the Early Warning Project uses 0.5. */
  readonly alpha: number;
  /** Fit at these lambdas (sorted decreasing) instead of the data's own path. */
  readonly lambdas?: readonly number[];
  readonly nLambda?: number;
  /** Smallest lambda as a fraction of lambda_max (default 1e-4 when rows > columns, else 1e-2). */
  readonly minRatio?: number;
  readonly thresh?: number;
  readonly maxPasses?: number;
}

/** A fitted path on the original scale of the predictors, one entry per lambda. */
export interface ElasticNetPath {
  readonly names: readonly string[];
  readonly alpha: number;
  readonly lambdas: Float64Array;
  readonly intercepts: Float64Array;
  /** Row-major: the coefficients at lambda m are [m * p, (m + 1) * p). */
  readonly coefficients: Float64Array;
  /** Share of the null deviance explained at each lambda. */
  readonly devRatio: Float64Array;
  /** Null deviance (2 x the negative log-likelihood of the intercept-only model). */
  readonly nullDeviance: number;
  readonly observations: number;
  /** Coordinate-descent passes used (glmnet's `npasses`). */
  readonly passes: number;
}

/**
 * Fits an elastic-net logistic regression along a lambda path with glmnet's semantics (see
 * `lognet.ts`): unit weights 1/n, predictors centred and divided by their population standard
 * deviation (divide by n), columns that never vary left out, an unpenalised intercept, and
 * coefficients returned on the original scale. As in R, the first lambda of a computed path
 * (internally infinite) is reported as lambda_2^2 / lambda_3, i.e. lambda_max.
 */
export function fitElasticNetPath(x: DesignMatrix, y: ArrayLike<number>, options: ElasticNetOptions): ElasticNetPath {
  const n = x.rows;
  const p = x.names.length;
  checkInputs(x, y, options);
  const w = new Float64Array(n).fill(1 / n);
  const include = new Uint8Array(p);
  const means = new Float64Array(p);
  const scales = new Float64Array(p);
  const z = new Float64Array(x.values);
  for (let j = 0; j < p; j++) {
    const off = j * n;
    const first = z[off]!;
    for (let i = 1; i < n && !include[j]; i++) if (z[off + i] !== first) include[j] = 1;
    if (!include[j]) continue;
    let mean = 0;
    for (let i = 0; i < n; i++) mean += w[i]! * z[off + i]!;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      const c = z[off + i]! - mean;
      z[off + i] = c;
      ss += w[i]! * c * c;
    }
    const sd = Math.sqrt(ss);
    for (let i = 0; i < n; i++) z[off + i] = z[off + i]! / sd;
    means[j] = mean;
    scales[j] = sd;
  }
  const schedule: LambdaSchedule = options.lambdas
    ? { kind: 'given', values: Float64Array.from(options.lambdas) }
    : {
        kind: 'path',
        count: options.nLambda ?? GLMNET_DEFAULTS.nLambda,
        minRatio: options.minRatio ?? (n > p ? GLMNET_DEFAULTS.minRatioTall : GLMNET_DEFAULTS.minRatioWide),
      };
  const fit = fitLognetPath(
    { n, p, x: z, y: Float64Array.from(y), w, include, penalty: new Float64Array(p).fill(1) },
    {
      alpha: options.alpha,
      lambdas: schedule,
      thresh: options.thresh ?? GLMNET_DEFAULTS.thresh,
      maxPasses: options.maxPasses ?? GLMNET_DEFAULTS.maxPasses,
    },
  );

  const coefficients = new Float64Array(fit.betas.length);
  const intercepts = new Float64Array(fit.fitted);
  for (let m = 0; m < fit.fitted; m++) {
    let a0 = fit.intercepts[m]!;
    for (let j = 0; j < p; j++) {
      const beta = fit.betas[m * p + j]!;
      if (beta === 0) continue;
      const original = beta / scales[j]!;
      coefficients[m * p + j] = original;
      a0 -= original * means[j]!;
    }
    intercepts[m] = a0;
  }
  const lambdas = fit.lambdas;
  if (schedule.kind === 'path' && fit.fitted > 2) {
    lambdas[0] = Math.exp(2 * Math.log(lambdas[1]!) - Math.log(lambdas[2]!));
  }
  return {
    names: x.names,
    alpha: options.alpha,
    lambdas,
    intercepts,
    coefficients,
    devRatio: fit.devRatio,
    nullDeviance: 2 * n * fit.nullDeviance,
    observations: n,
    passes: fit.passes,
  };
}

function checkInputs(x: DesignMatrix, y: ArrayLike<number>, options: ElasticNetOptions): void {
  const fail = (message: string): never => {
    throw new TocsinError('invalid_input', `elastic net: ${message}`);
  };
  if (y.length !== x.rows) fail(`${x.rows} rows of predictors but ${y.length} outcomes`);
  if (x.values.length !== x.rows * x.names.length) fail('the predictor matrix does not match its dimensions');
  if (!(options.alpha >= 0 && options.alpha <= 1)) fail(`alpha must be within [0, 1], got ${options.alpha}`);
  let ones = 0;
  for (let i = 0; i < y.length; i++) {
    const yi = y[i]!;
    if (yi !== 0 && yi !== 1) fail(`outcome of row ${i + 1} must be 0 or 1, got ${yi}`);
    ones += yi;
  }
  // glmnet refuses a class with fewer than two observations.
  if (ones < 2 || y.length - ones < 2) fail(`each outcome class needs at least 2 rows (${ones} ones, ${y.length - ones} zeros)`);
  for (let k = 0; k < x.values.length; k++) {
    if (!Number.isFinite(x.values[k]))
      fail(`predictor ${x.names[Math.floor(k / x.rows)]} row ${(k % x.rows) + 1} is not a finite number`);
  }
  const given = options.lambdas;
  if (given) {
    if (given.length === 0) fail('no lambda given');
    given.forEach((l, i) => {
      if (!(l >= 0) || !Number.isFinite(l)) fail(`lambda ${l} is not a non-negative number`);
      if (i > 0 && l > given[i - 1]!) fail('lambdas must be given in decreasing order');
    });
  } else if (options.nLambda !== undefined && !(Number.isInteger(options.nLambda) && options.nLambda >= 3)) {
    fail(`nLambda must be an integer >= 3, got ${options.nLambda}`);
  }
}
