import type { GlmFit, GlmWorkspace, StepSums } from './glm-workspace.js';
import { isConverging, MAX_ITERATIONS } from './irls-common.js';

function clear(sums: StepSums, groups: number): void {
  sums.s.fill(0, 0, groups);
  sums.t.fill(0, 0, groups);
  sums.z.fill(0, 0, groups);
  sums.tt.fill(0, 0, groups);
  sums.tz.fill(0, 0, groups);
}

/**
 * Sets levels, slope, q, sumW and tBar from a step's sums. The slope's normal equation is solved on
 * the sums centred per group: q = sum (tt - s tBar^2), v = sum (tz - s tBar zBar).
 */
function solve(ws: GlmWorkspace, sums: StepSums, groups: number, fit: GlmFit): void {
  let q = 0;
  let v = 0;
  for (let g = 0; g < groups; g++) {
    const s = sums.s[g]!;
    const tBar = sums.t[g]! / s;
    const zBar = sums.z[g]! / s;
    ws.sumW[g] = s;
    ws.tBar[g] = tBar;
    ws.zBar[g] = zBar;
    q += sums.tt[g]! - s * tBar * tBar;
    v += sums.tz[g]! - s * tBar * zBar;
  }
  const slope = v / q;
  for (let g = 0; g < groups; g++) ws.level[g] = ws.zBar[g]! - slope * ws.tBar[g]!;
  fit.slope = slope;
  fit.q = q;
}

/**
 * The first pass, from R's starting values mu = y + 0.1, eta = log(y + 0.1): the starting deviance
 * and the sums of the first least-squares step. Working weight w = p mu and response
 * z = eta + (y - mu) / mu; only w z = p (mu eta + y - mu) is summed, no division needed.
 */
function startingPass(ws: GlmWorkspace, n: number, next: StepSums): number {
  const { y, t, group, prior, logStart, yLogY, wNext } = ws;
  const { s, t: st, z: sz, tt: stt, tz: stz } = next;
  let dev = 0;
  for (let i = 0; i < n; i++) {
    const g = group[i]!;
    const ti = t[i]!;
    const yi = y[i]!;
    const p = prior[i]!;
    const e = logStart[i]!;
    const m = yi + 0.1;
    dev += 2 * p * (yLogY[i]! - yi * e - (yi - m)); // y log(y / mu) - (y - mu), which is mu for y = 0
    const w = p * m;
    const wz = p * (m * e + (yi - m));
    wNext[i] = w;
    s[g]! += w;
    st[g]! += w * ti;
    sz[g]! += wz;
    stt[g]! += w * ti * ti;
    stz[g]! += wz * ti;
  }
  return dev;
}

/**
 * One pass over the rows: eta and mu from the coefficients, the deviance, and the sums of the next
 * least-squares step. exp() runs once per run of consecutive weeks of a group; within a run mu is
 * multiplied by e^slope week by week (a few ulps from R's exp of each eta, far below the 1e-8 of the
 * convergence test). Written with locals only: this loop is where the Farrington method spends its time.
 */
function pass(ws: GlmWorkspace, n: number, slope: number, next: StepSums): number {
  const { y, t, group, prior, eta, mu, level, yLogY, wNext } = ws;
  const { s: sumS, t: sumT, z: sumZ, tt: sumTT, tz: sumTZ } = next;
  const floor = 2.220446049250313e-16; // R's .Machine$double.eps, the floor of mu
  const logFloor = -36.04365338911715; // log(floor)
  const growth = Math.exp(slope);
  let dev = 0;
  let raw = 0;
  let runGroup = -1;
  let s = 0,
    st = 0,
    sz = 0,
    stt = 0,
    stz = 0;
  for (let i = 0; i < n; i++) {
    const g = group[i]!;
    const ti = t[i]!;
    if (g !== runGroup) {
      if (runGroup >= 0) {
        sumS[runGroup]! += s;
        sumT[runGroup]! += st;
        sumZ[runGroup]! += sz;
        sumTT[runGroup]! += stt;
        sumTZ[runGroup]! += stz;
      }
      s = st = sz = stt = stz = 0;
      runGroup = g;
    }
    const yi = y[i]!;
    const p = prior[i]!;
    const e = level[g]! + slope * ti;
    const continues = i > 0 && group[i - 1] === g && ti === t[i - 1]! + 1 && raw > 0 && raw < Infinity;
    raw = continues ? raw * growth : Math.exp(e);
    const m = raw > floor ? raw : floor;
    const logMu = raw > floor ? e : logFloor;
    eta[i] = e;
    mu[i] = m;
    dev += 2 * p * (yi > 0 ? yLogY[i]! - yi * logMu - (yi - m) : m);
    const w = p * m;
    const wz = p * (m * e + (yi - m));
    wNext[i] = w;
    s += w;
    st += w * ti;
    sz += wz;
    stt += w * ti * ti;
    stz += wz * ti;
  }
  if (runGroup >= 0) {
    sumS[runGroup]! += s;
    sumT[runGroup]! += st;
    sumZ[runGroup]! += sz;
    sumTT[runGroup]! += stt;
    sumTZ[runGroup]! += stz;
  }
  return dev;
}

/**
 * IRLS for log E[y] = level[group] + slope t, as R's `glm.fit()`. On return eta, mu hold the final fit
 * and w, sumW, tBar, q the last least-squares step. Returns false where R stops with an error.
 */
export function fitWithTrend(ws: GlmWorkspace, n: number, groups: number, fit: GlmFit): boolean {
  let [current, next] = ws.sums;
  clear(current, groups);
  let devOld = startingPass(ws, n, current);
  const levelOld = ws.levelOld;
  let slopeOld = 0;
  fit.converged = false;
  for (let iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
    if (iteration > 1) {
      const solved = next;
      next = current;
      current = solved;
    }
    // The weights of the step solved now become ws.w.
    const weights = ws.wNext;
    ws.wNext = ws.w;
    ws.w = weights;
    solve(ws, current, groups, fit);
    clear(next, groups);
    let dev = pass(ws, n, fit.slope, next);
    for (let halvings = 1; !Number.isFinite(dev); halvings++) {
      if (iteration === 1 || halvings > MAX_ITERATIONS) return false;
      for (let g = 0; g < groups; g++) ws.level[g] = (ws.level[g]! + levelOld[g]!) / 2;
      fit.slope = (fit.slope + slopeOld) / 2;
      clear(next, groups);
      dev = pass(ws, n, fit.slope, next);
    }
    if (isConverging(dev, devOld)) {
      fit.converged = true;
      break;
    }
    devOld = dev;
    for (let g = 0; g < groups; g++) levelOld[g] = ws.level[g]!;
    slopeOld = fit.slope;
  }
  return true;
}
