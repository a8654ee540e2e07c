import { TocsinError } from '../../core/errors.js';
import { GLMNET_CONTROL } from './glmnet-control.js';
import { createSimdKernels, SIMD_BLOCK, type SimdKernels } from './simd-kernels.js';

/**
 * The two-class logistic elastic-net path solver of glmnet ("lognet": Friedman, Hastie & Tibshirani
 * 2010, J. Stat. Softw. 33(1); R package glmnet 4.1-6, whose C++ core glmnetpp replaced the Fortran
 * `lognet2n`), written from the algorithm's description in our own code. An outer IRLS (Newton)
 * loop builds a weighted least-squares approximation of the log-likelihood; cyclic coordinate
 * descent solves it, a full pass over the strong set, then passes over the active set until the
 * largest weighted squared change falls under thresh x null deviance; warm starts down the lambda
 * path, the sequential strong rule, and a KKT check on the columns left out. The order of every
 * update follows glmnet, so the path matches R's to about 1e-12 (the tolerance of glmnet itself is
 * far looser: a different but equally converged solver lands up to 1e-1 away on the intercept of
 * the EWP model, whose year and year^2 columns are nearly collinear).
 * Inputs are already standardised; `elastic-net-path.ts` does that and maps back.
 */

/** The standardised problem: x is column-major (n rows, p columns), w sums to 1. */
export interface LognetProblem {
  readonly n: number;
  readonly p: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly w: Float64Array;
  /** 1 where the column varies (glmnet's `ju`); constant columns never enter. */
  readonly include: Uint8Array;
  /** Relative penalty factors, scaled to sum to the number of columns (glmnet's `vp`). */
  readonly penalty: Float64Array;
}

/** Either glmnet's own geometric path from lambda_max, or the caller's decreasing values. */
export type LambdaSchedule =
  | { readonly kind: 'path'; readonly count: number; readonly minRatio: number }
  | { readonly kind: 'given'; readonly values: Float64Array };

export interface LognetSettings {
  readonly alpha: number;
  readonly lambdas: LambdaSchedule;
  /** Convergence threshold before scaling by the null deviance. */
  readonly thresh: number;
  readonly maxPasses: number;
}

/** The fitted path on the standardised scale; entry 0 of a computed path has lambda = `big`. */
export interface LognetPath {
  readonly fitted: number;
  readonly lambdas: Float64Array;
  readonly intercepts: Float64Array;
  /** Row-major: coefficients of lambda m at [m * p, (m + 1) * p). */
  readonly betas: Float64Array;
  readonly devRatio: Float64Array;
  /** Half the null deviance per unit weight (glmnet's `dev0` before its `2 * sw` scaling). */
  readonly nullDeviance: number;
  readonly passes: number;
}

let kernels: SimdKernels | undefined;

/** Fits the whole lambda path (see the module comment). Not re-entrant: one heap per thread. */
export function fitLognetPath(problem: LognetProblem, settings: LognetSettings): LognetPath {
  const { n, p, include, penalty } = problem;
  const { alpha, lambdas: schedule, maxPasses } = settings;
  const { pmin, big, eps, mnlam, fdev, devmax } = GLMNET_CONTROL;
  const vmin = (1 + pmin) * pmin * (1 - pmin);
  const given = schedule.kind === 'given';
  const nLambda = given ? schedule.values.length : schedule.count;
  const ratioStep = given ? 1 : Math.pow(Math.max(eps, schedule.minRatio), 1 / (nLambda - 1));

  // Heap layout (doubles; observations padded to a multiple of SIMD_BLOCK with zero weight):
  // x columns | v * x columns | r | v | w | y | q | eta.
  const N = Math.ceil(n / SIMD_BLOCK) * SIMD_BLOCK;
  const X = 0;
  const VX = p * N;
  const R = 2 * p * N;
  const V = R + N;
  const W = V + N;
  const Y = W + N;
  const Q = Y + N;
  const ETA = Q + N;
  kernels ??= createSimdKernels();
  const K = kernels;
  const h = K.reserve(ETA + N);
  for (let j = 0; j < p; j++) h.set(problem.x.subarray(j * n, (j + 1) * n), X + j * N);
  h.set(problem.w, W);
  h.set(problem.y, Y);

  let q0 = 0;
  for (let i = 0; i < n; i++) q0 += h[W + i]! * h[Y + i]!;
  if (q0 <= pmin || q0 >= 1 - pmin) {
    throw new TocsinError('invalid_input', 'elastic net: the outcome is (nearly) constant, all 0 or all 1');
  }
  const variance0 = q0 * (1 - q0);
  let b0 = Math.log(q0 / (1 - q0));
  for (let i = 0; i < n; i++) {
    h[V + i] = variance0 * h[W + i]!;
    h[R + i] = h[W + i]! * (h[Y + i]! - q0);
    h[Q + i] = q0;
  }
  let xmz = variance0;
  const dev1 = -(b0 * q0 + Math.log(1 - q0));
  let dev0 = dev1;
  for (let i = 0; i < n; i++) {
    const yi = h[Y + i]!;
    if (yi > 0) dev0 += h[W + i]! * yi * Math.log(yi);
    if (yi < 1) dev0 += h[W + i]! * (1 - yi) * Math.log(1 - yi);
  }
  const thr = settings.thresh * dev0;

  const b = new Float64Array(p);
  const bs = new Float64Array(p);
  const xv = new Float64Array(p);
  const absGrad = new Float64Array(p);
  const strong = new Uint8Array(p);
  const isActive = new Uint8Array(p);
  const active = new Int32Array(p);
  let nActive = 0;
  let passes = 0;
  for (let j = 0; j < p; j++) if (include[j]) absGrad[j] = Math.abs(K.dot(R, X + j * N, N));

  const out = {
    lambdas: new Float64Array(nLambda),
    intercepts: new Float64Array(nLambda),
    betas: new Float64Array(nLambda * p),
    devRatio: new Float64Array(nLambda),
  };
  let fitted = 0;
  let lambda = 0;
  let l1 = 0;
  let l2 = 0;
  let dlx = 0;

  // Residual updates are applied lazily: the update of one step runs in the same loop as the next
  // gradient (or residual sum). Each element gets the arithmetic of an eager update.
  let pendingFrom = 0;
  let pendingD = 0;
  const gradient = (col: number): number => {
    if (pendingD === 0) return K.dot(R, col, N);
    const g = K.updateThenDot(R, pendingFrom, col, N, pendingD);
    pendingD = 0;
    return g;
  };
  const residualSum = (): number => {
    const s = K.updateThenSum(R, pendingFrom, N, pendingD);
    pendingD = 0;
    return s;
  };
  /** One coordinate-descent step on column k: soft-threshold, then queue the residual update. */
  const step = (k: number, full: boolean): void => {
    const old = b[k]!;
    const u = gradient(X + k * N) + old * xv[k]!;
    const shrunk = Math.abs(u) - penalty[k]! * l1;
    const next = shrunk > 0 ? (u < 0 ? -shrunk : shrunk) / (xv[k]! + penalty[k]! * l2) : 0;
    b[k] = next;
    if (next === old) return;
    if (full && !isActive[k]) {
      isActive[k] = 1;
      active[nActive++] = k;
    }
    const d = next - old;
    dlx = Math.max(dlx, xv[k]! * d * d);
    pendingFrom = VX + k * N;
    pendingD = d;
  };
  /** The unpenalised intercept's step (its "column" is all ones, its curvature the sum of v). */
  const stepIntercept = (): void => {
    const d = residualSum() / xmz;
    if (d === 0) return;
    b0 += d;
    dlx = Math.max(dlx, xmz * d * d);
    pendingFrom = V;
    pendingD = d;
  };
  const countPass = (m: number): void => {
    if (++passes > maxPasses) throw noConvergence(maxPasses, m);
  };

  for (let m = 0; m < nLambda; m++) {
    let previous = lambda;
    if (given) lambda = schedule.values[m]!;
    else if (m > 1) lambda *= ratioStep;
    else if (m === 0) lambda = big;
    else {
      previous = 0;
      for (let j = 0; j < p; j++) if (include[j] && penalty[j]! > 0) previous = Math.max(previous, absGrad[j]! / penalty[j]!);
      previous /= Math.max(alpha, 1e-3);
      lambda = previous * ratioStep;
    }
    l1 = lambda * alpha;
    l2 = lambda * (1 - alpha);
    // Sequential strong rule (Tibshirani et al. 2012): screen with the gradient at the previous lambda.
    const screen = alpha * (2 * lambda - previous);
    for (let k = 0; k < p; k++) if (!strong[k] && include[k] && absGrad[k]! > screen * penalty[k]!) strong[k] = 1;

    for (;;) {
      if (passes > maxPasses) throw noConvergence(maxPasses, m);
      // Weighted least squares at the current quadratic approximation.
      const bs0 = b0;
      for (let a = 0; a < nActive; a++) bs[active[a]!] = b[active[a]!]!;
      for (let k = 0; k < p; k++) if (strong[k]) xv[k] = K.weightedSquares(V, X + k * N, VX + k * N, N);
      for (;;) {
        countPass(m);
        dlx = 0;
        for (let k = 0; k < p; k++) if (strong[k]) step(k, true);
        stepIntercept();
        if (dlx < thr) break;
        for (;;) {
          countPass(m);
          dlx = 0;
          for (let a = 0; a < nActive; a++) step(active[a]!, false);
          stepIntercept();
          if (dlx < thr) break;
        }
      }
      // New quadratic approximation (IRLS step); r is recomputed, so a queued update is dropped.
      pendingD = 0;
      h.fill(b0, ETA, ETA + n);
      let a = 0;
      for (; a + 3 < nActive; a += 4) {
        const [k1, k2, k3, k4] = [active[a]!, active[a + 1]!, active[a + 2]!, active[a + 3]!];
        K.addScaled4(ETA, [X + k1 * N, X + k2 * N, X + k3 * N, X + k4 * N], N, [b[k1]!, b[k2]!, b[k3]!, b[k4]!]);
      }
      for (; a < nActive; a++) K.addScaled(ETA, X + active[a]! * N, N, b[active[a]!]!);
      xmz = K.irlsWeights(ETA, W, Y, Q, V, R, N);
      if (xmz <= vmin) break;
      let moved = xmz * (b0 - bs0) * (b0 - bs0) > thr;
      for (let a = 0; a < nActive && !moved; a++) {
        const d = b[active[a]!]! - bs[active[a]!]!;
        moved = xv[active[a]!]! * d * d > thr;
      }
      if (moved) continue;
      // Converged: any column outside the strong set that violates the KKT conditions joins it.
      let violated = false;
      for (let k = 0; k < p; k++) {
        if (strong[k] || !include[k]) continue;
        absGrad[k] = Math.abs(K.dot(R, X + k * N, N));
        if (absGrad[k]! > l1 * penalty[k]!) {
          strong[k] = 1;
          violated = true;
        }
      }
      if (!violated) break;
    }

    out.lambdas[m] = lambda;
    out.intercepts[m] = b0;
    out.betas.set(b, m * p);
    out.devRatio[m] = (dev1 - binomialDeviance(h, W, Y, Q, n, pmin)) / dev0;
    fitted = m + 1;
    if (fitted < Math.min(mnlam, nLambda) || given) continue;
    const gain = out.devRatio[m]! - (m === 0 ? 0 : out.devRatio[m - 1]!);
    if (gain < fdev || out.devRatio[m]! > devmax || xmz <= vmin) break;
  }
  return {
    fitted,
    lambdas: out.lambdas.slice(0, fitted),
    intercepts: out.intercepts.slice(0, fitted),
    betas: out.betas.slice(0, fitted * p),
    devRatio: out.devRatio.slice(0, fitted),
    nullDeviance: dev0,
    passes,
  };
}

const noConvergence = (maxPasses: number, m: number): TocsinError =>
  new TocsinError('internal', `elastic net: no convergence after ${maxPasses} coordinate passes at lambda ${m + 1}`);

/**
 * Half the binomial deviance per unit weight, probabilities clamped to [pmin, 1 - pmin] (glmnet's
 * `dev2`). For a 0/1 outcome one of the two terms is an exact zero, so one logarithm per row gives
 * the same sum; proportions take both.
 */
function binomialDeviance(h: Float64Array, W: number, Y: number, Q: number, n: number, pmin: number): number {
  const pmax = 1 - pmin;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const pi = Math.min(Math.max(pmin, h[Q + i]!), pmax);
    const yi = h[Y + i]!;
    const term = yi === 1 ? Math.log(pi) : yi === 0 ? Math.log(1 - pi) : yi * Math.log(pi) + (1 - yi) * Math.log(1 - pi);
    s -= h[W + i]! * term;
  }
  return s;
}
