import type { GlmWorkspace } from './glm-workspace.js';

/** `glm.control()` defaults of R: convergence tolerance and iteration limit. */
export const EPSILON = 1e-8;
export const MAX_ITERATIONS = 25;
/** R's `.Machine$double.eps`: the log link's inverse and derivative are floored at it. */
export const DBL_EPSILON = 2.220446049250313e-16;

/** R's test: |dev - dev_old| / (|dev| + 0.1) < epsilon. */
export const isConverging = (dev: number, devOld: number): boolean => Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < EPSILON;

/** Deviance of R's starting values mu = y + 0.1, prior-weighted. */
export function startingDeviance(ws: GlmWorkspace, n: number): number {
  const { y, yLogY, logStart, prior } = ws;
  let dev = 0;
  for (let i = 0; i < n; i++) {
    const yi = y[i]!;
    const m = yi + 0.1;
    dev += 2 * prior[i]! * (yi > 0 ? yLogY[i]! - yi * logStart[i]! - (yi - m) : m);
  }
  return dev;
}
