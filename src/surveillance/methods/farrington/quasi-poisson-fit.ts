import { setDispersion, type GlmFit, type GlmWorkspace } from './glm-workspace.js';
import { fitWithoutTrend } from './irls-levels.js';
import { fitWithTrend } from './irls-trend.js';

/**
 * Quasi-Poisson GLM with log link fitted by iteratively reweighted least squares, step for step as
 * R's `glm.fit()` (R 4.2): start at mu = y + 0.1, stop when |dev - dev_old| / (|dev| + 0.1) < 1e-8
 * or after 25 iterations, halve the step while the deviance is not finite. The R package
 * `surveillance` 1.20.3 reads the working weights of the last least-squares step (hat values,
 * dispersion, standard errors) with the fitted means of the final coefficients, so replaying the
 * same iterations is what reproduces its bounds to 1e-6 and beyond.
 *
 * The model is one level per seasonal group (R: intercept + `seasgroups`, the same span) plus an
 * optional time trend. With each row in exactly one group X'WX is an arrow matrix: the least-squares
 * step, hat values and prediction variance have closed forms, O(n) per step, O(groups) without trend.
 * Fits `ws.y` with the prior weights `ws.prior`; returns false where R stops with an error.
 */
export function fitQuasiPoisson(ws: GlmWorkspace, n: number, groups: number, withTrend: boolean, fit: GlmFit): boolean {
  const ok = withTrend ? fitWithTrend(ws, n, groups, fit) : fitWithoutTrend(ws, n, groups, fit);
  if (ok) setDispersion(ws, n, groups + (withTrend ? 1 : 0), fit);
  return ok;
}
