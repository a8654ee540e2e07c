import type { GlmFit, GlmWorkspace } from './glm-workspace.js';
import { DBL_EPSILON, isConverging, MAX_ITERATIONS, startingDeviance } from './irls-common.js';

/** Per-group sums of the prior weights: P, sum p y, sum p y log y. */
function levelSums(ws: GlmWorkspace, n: number, groups: number): void {
  const { y, group, prior, yLogY, sumPrior, sumPriorY, sumPriorYLogY } = ws;
  sumPrior.fill(0, 0, groups);
  sumPriorY.fill(0, 0, groups);
  sumPriorYLogY.fill(0, 0, groups);
  for (let i = 0; i < n; i++) {
    const g = group[i]!;
    sumPrior[g]! += prior[i]!;
    sumPriorY[g]! += prior[i]! * y[i]!;
    sumPriorYLogY[g]! += prior[i]! * yLogY[i]!;
  }
}

/** The first least-squares step, from mu = y + 0.1 row by row: level = weighted mean of z. */
function startingStep(ws: GlmWorkspace, n: number, groups: number): void {
  const { y, group, prior, logStart, w, sumW, zBar, tBar, level } = ws;
  sumW.fill(0, 0, groups);
  zBar.fill(0, 0, groups);
  for (let i = 0; i < n; i++) {
    const m = y[i]! + 0.1;
    const wi = prior[i]! * m;
    w[i] = wi;
    sumW[group[i]!]! += wi;
    zBar[group[i]!]! += wi * (logStart[i]! + (y[i]! - m) / m);
  }
  for (let g = 0; g < groups; g++) {
    tBar[g] = 0; // no trend: unused
    level[g] = zBar[g]! / sumW[g]!;
  }
}

/** A later step from the group means: with w = p mu, z averages to level + (Y - mu P) / (mu P). */
function levelStep(ws: GlmWorkspace, groups: number): void {
  const { level, muLevel, muStep, sumPrior, sumPriorY, sumW } = ws;
  for (let g = 0; g < groups; g++) {
    const m = muLevel[g]!;
    const s = m * sumPrior[g]!;
    muStep[g] = m;
    sumW[g] = s;
    level[g] = level[g]! + (sumPriorY[g]! - s) / s;
  }
}

/** mu per group from the levels; returns the deviance from the group sums. */
function levelUpdate(ws: GlmWorkspace, groups: number): number {
  const { level, muLevel, sumPrior, sumPriorY, sumPriorYLogY } = ws;
  let dev = 0;
  for (let g = 0; g < groups; g++) {
    const m = Math.max(Math.exp(level[g]!), DBL_EPSILON);
    muLevel[g] = m;
    dev += 2 * (sumPriorYLogY[g]! - sumPriorY[g]! * Math.log(m) - sumPriorY[g]! + m * sumPrior[g]!);
  }
  return dev;
}

/**
 * IRLS for log E[y] = level[group], as R's `glm.fit()`. The fitted mean is constant within a group,
 * so after the first step (from mu = y + 0.1) each step costs O(groups). On return eta, mu and w are
 * per row and sumW holds the last step.
 */
export function fitWithoutTrend(ws: GlmWorkspace, n: number, groups: number, fit: GlmFit): boolean {
  const { level, levelOld } = ws;
  levelSums(ws, n, groups);
  let devOld = startingDeviance(ws, n);
  let rowWeights = true; // whether the last step's weights are those of the first (per row)
  fit.converged = false;
  fit.slope = 0;
  fit.q = Number.POSITIVE_INFINITY;
  for (let iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
    if (iteration === 1) {
      startingStep(ws, n, groups);
    } else {
      levelStep(ws, groups);
      rowWeights = false;
    }
    let dev = levelUpdate(ws, groups);
    for (let halvings = 1; !Number.isFinite(dev); halvings++) {
      if (iteration === 1 || halvings > MAX_ITERATIONS) return false;
      for (let g = 0; g < groups; g++) level[g] = (level[g]! + levelOld[g]!) / 2;
      dev = levelUpdate(ws, groups);
    }
    if (isConverging(dev, devOld)) {
      fit.converged = true;
      break;
    }
    devOld = dev;
    for (let g = 0; g < groups; g++) levelOld[g] = level[g]!;
  }
  const { group, prior, eta, mu, w, muLevel, muStep } = ws;
  for (let i = 0; i < n; i++) {
    const g = group[i]!;
    eta[i] = level[g]!;
    mu[i] = muLevel[g]!;
    if (!rowWeights) w[i] = prior[i]! * muStep[g]!;
  }
  return true;
}
