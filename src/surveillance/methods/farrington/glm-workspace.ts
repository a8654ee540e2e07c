/** Sums of one least-squares step with trend, per group: w, w t, w z, w t^2, w t z. */
export interface StepSums {
  readonly s: Float64Array;
  readonly t: Float64Array;
  readonly z: Float64Array;
  readonly tt: Float64Array;
  readonly tz: Float64Array;
}

const createStepSums = (groups: number): StepSums => ({
  s: new Float64Array(groups),
  t: new Float64Array(groups),
  z: new Float64Array(groups),
  tt: new Float64Array(groups),
  tz: new Float64Array(groups),
});

/**
 * Buffers and results of the quasi-Poisson fits of one baseline (see quasi-poisson-fit.ts), allocated
 * once per series so that the weekly fits allocate nothing.
 */
export interface GlmWorkspace {
  readonly y: Float64Array;
  /** Time of each row, centred on the week being predicted (so the prediction is at t = 0). */
  readonly t: Float64Array;
  readonly group: Int32Array;
  /** log(y + 0.1), R's starting linear predictor; y log y (0 for y = 0), for the deviance. */
  readonly logStart: Float64Array;
  readonly yLogY: Float64Array;
  /** y^(2/3), for the Anscombe residuals. */
  readonly yTwoThirds: Float64Array;
  /** Prior weights (R's `weights =`); all 1 for an unweighted fit. */
  readonly prior: Float64Array;
  readonly eta: Float64Array;
  readonly mu: Float64Array;
  /** Working weights of the last least-squares step (R's `model$weights` before any overwrite). */
  w: Float64Array;
  /** Working weights of the step being prepared (with trend; swapped with w). */
  wNext: Float64Array;
  /** Sums of the current and the next least-squares step (with trend). */
  readonly sums: readonly [StepSums, StepSums];
  /** Per group: sum of working weights, their weighted mean time and response, level (log scale). */
  readonly sumW: Float64Array;
  readonly tBar: Float64Array;
  readonly zBar: Float64Array;
  readonly level: Float64Array;
  readonly levelOld: Float64Array;
  /** Per group, for fits without trend: sum of prior weights, of p y, of p y log y. */
  readonly sumPrior: Float64Array;
  readonly sumPriorY: Float64Array;
  readonly sumPriorYLogY: Float64Array;
  /** Per group, without trend: the fitted mean, and the mean the last step started from. */
  readonly muLevel: Float64Array;
  readonly muStep: Float64Array;
}

export function createGlmWorkspace(capacity: number, maxGroups: number): GlmWorkspace {
  const rows = () => new Float64Array(capacity);
  const groups = () => new Float64Array(maxGroups);
  return {
    y: rows(),
    t: rows(),
    group: new Int32Array(capacity),
    logStart: rows(),
    yLogY: rows(),
    yTwoThirds: rows(),
    prior: rows(),
    eta: rows(),
    mu: rows(),
    w: rows(),
    wNext: rows(),
    sums: [createStepSums(maxGroups), createStepSums(maxGroups)],
    sumW: groups(),
    tBar: groups(),
    zBar: groups(),
    level: groups(),
    levelOld: groups(),
    sumPrior: groups(),
    sumPriorY: groups(),
    sumPriorYLogY: groups(),
    muLevel: groups(),
    muStep: groups(),
  };
}

/** The summary of a fit that the Farrington method reads; the workspace holds the rest. */
export interface GlmFit {
  converged: boolean;
  /** Time-trend coefficient (0 without trend). */
  slope: number;
  /** sum w (t - tBar_group)^2, so 1 / q is the unscaled variance of the slope; Infinity without trend. */
  q: number;
  /** Pearson dispersion sum w r^2 / df with the working weights, as `summary.glm()` (not floored at 1). */
  dispersion: number;
  /**
   * The same sum with the prior weights in place of the working weights: what `summary.glm()` returns
   * once `algo.farrington.fitGLM.flexible` has overwritten `model$weights` with the outbreak weights.
   */
  priorWeightedDispersion: number;
  /** Residual degrees of freedom n - rank. */
  df: number;
}

export const createGlmFit = (): GlmFit => ({
  converged: false,
  slope: 0,
  q: Number.POSITIVE_INFINITY,
  dispersion: Number.NaN,
  priorWeightedDispersion: Number.NaN,
  df: 0,
});

/** Leverage h_ii of row i in the last least-squares step: w_i x_i' (X'WX)^-1 x_i. */
export function hatValue(ws: GlmWorkspace, i: number, fit: GlmFit): number {
  const g = ws.group[i]!;
  const dt = ws.t[i]! - ws.tBar[g]!;
  const trendPart = Number.isFinite(fit.q) ? (dt * dt) / fit.q : 0;
  return ws.w[i]! * (1 / ws.sumW[g]! + trendPart);
}

/** Unscaled variance x0' (X'WX)^-1 x0 of the linear predictor at t = 0 in `group`. */
export function predictionVariance(ws: GlmWorkspace, group: number, fit: GlmFit): number {
  const tb = ws.tBar[group]!;
  return 1 / ws.sumW[group]! + (Number.isFinite(fit.q) ? (tb * tb) / fit.q : 0);
}

/** Sets the dispersion estimates and degrees of freedom from the final mu and the last working weights. */
export function setDispersion(ws: GlmWorkspace, n: number, rank: number, fit: GlmFit): void {
  const { y, mu, w, prior } = ws;
  let pearson = 0;
  let priorWeighted = 0;
  for (let i = 0; i < n; i++) {
    const r = (y[i]! - mu[i]!) / mu[i]!; // working residual, R's model$residuals
    pearson += w[i]! * r * r;
    priorWeighted += prior[i]! * r * r;
  }
  fit.df = n - rank;
  fit.dispersion = fit.df > 0 ? pearson / fit.df : Number.NaN;
  fit.priorWeightedDispersion = fit.df > 0 ? priorWeighted / fit.df : Number.NaN;
}
