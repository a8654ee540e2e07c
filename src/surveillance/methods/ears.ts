import { createMethodOutput, NO_ALARM_VALUE, type MethodOutput } from './method-output.js';
import { normalQuantile } from './normal-quantile.js';

/** Parameters of the EARS methods (`earsC` of R package surveillance 1.20.3), resolved. */
export interface EarsParameters {
  from: number;
  to: number;
  alpha: number;
  /** Baseline length (7). */
  baseline: number;
  /** Floor of the standard deviation (0). */
  minSigma: number;
}

/** Mean and sample standard deviation (n - 1) of a window, written to `stats` [mean, sd]: two passes, as R. */
function windowStats(y: Float64Array, start: number, length: number, stats: Float64Array): void {
  let sum = 0;
  for (let i = start; i < start + length; i++) sum += y[i]!;
  let mean = sum / length;
  let correction = 0;
  for (let i = start; i < start + length; i++) correction += y[i]! - mean;
  mean += correction / length;
  let squares = 0;
  for (let i = start; i < start + length; i++) squares += (y[i]! - mean) * (y[i]! - mean);
  stats[0] = mean;
  stats[1] = Math.sqrt(squares / (length - 1));
}

/**
 * Mean and sd of the EARS baseline of week t (1-based): the `baseline` weeks ending `guard` weeks
 * before t - 1 (C1: t-7..t-1, guard 0; C2 and C3: t-9..t-3, guard 2).
 */
export function earsBaseline(y: Float64Array, t: number, baseline: number, guard: number, stats: Float64Array): void {
  windowStats(y, t - 1 - guard - baseline, baseline, stats);
}

function earsBound(y: Float64Array, p: EarsParameters, guard: number): MethodOutput {
  const out = createMethodOutput(p.from, p.to);
  const z = normalQuantile(1 - p.alpha);
  const stats = new Float64Array(2);
  for (let t = p.from; t <= p.to; t++) {
    earsBaseline(y, t, p.baseline, guard, stats);
    const upper = stats[0]! + z * Math.max(stats[1]!, p.minSigma);
    out.upperbound[t - p.from] = upper;
    out.alarm[t - p.from] = Number.isNaN(upper) ? NO_ALARM_VALUE : y[t - 1]! > upper ? 1 : 0;
  }
  return out;
}

/**
 * EARS C1 (Hutwagner et al. 2003; `earsC(method = "C1")`): U = m + z max(s, minSigma) over the
 * 7 weeks t-7..t-1, z the normal quantile at 1 - alpha; alarm when y(t) > U.
 */
export const earsC1 = (y: Float64Array, p: EarsParameters): MethodOutput => earsBound(y, p, 0);

/** EARS C2: as C1 with the baseline t-9..t-3 (a two-week guard band). */
export const earsC2 = (y: Float64Array, p: EarsParameters): MethodOutput => earsBound(y, p, 2);

/**
 * Standardised C2 departure of week t: (y - m) / max(s, minSigma) over the C2 baseline. Where the
 * baseline is constant (denominator 0) it is 0 when y = m and +/-Infinity otherwise, the limits of the
 * score as s -> 0, where R's 0 / 0 gives NaN.
 */
function c2Score(y: Float64Array, t: number, p: EarsParameters, stats: Float64Array): number {
  earsBaseline(y, t, p.baseline, 2, stats);
  const departure = y[t - 1]! - stats[0]!;
  const sd = Math.max(stats[1]!, p.minSigma);
  return departure === 0 ? 0 : departure / sd;
}

/**
 * EARS C3 as the CDC defines it (Hutwagner et al. 2003), not as R's `earsC(method = "C3")` computes it:
 * C3(t) = sum over i = t-2..t of max(0, C2'(i) - 1), with C2'(i) each week's own C2 score; alarm when
 * C3(t) >= z. The R code (surveillance 1.20.3) never uses the current week's score: it alarms when the
 * two previous weeks alone exceed z and reports U = y(t) + s(t) (z - A(t)).
 * Here U is the count that makes C3(t) reach z: m(t) + s(t) (1 + z - A(t)), A(t) the part of the two
 * previous weeks, or 0 when A(t) >= z already (every count alarms). Alarms are read from C3 itself.
 */
export function earsC3(y: Float64Array, p: EarsParameters): MethodOutput {
  const out = createMethodOutput(p.from, p.to);
  const z = normalQuantile(1 - p.alpha);
  const stats = new Float64Array(2);
  const part = (score: number) => Math.max(0, score - 1);
  let lag2 = part(c2Score(y, p.from - 2, p, stats));
  let lag1 = part(c2Score(y, p.from - 1, p, stats));
  for (let t = p.from; t <= p.to; t++) {
    const current = part(c2Score(y, t, p, stats)); // leaves week t's baseline in stats
    const previous = lag2 + lag1;
    const upper = previous < z ? stats[0]! + Math.max(stats[1]!, p.minSigma) * (1 + z - previous) : 0;
    const c3 = previous + current;
    out.upperbound[t - p.from] = upper;
    out.alarm[t - p.from] = Number.isNaN(c3) ? NO_ALARM_VALUE : c3 >= z ? 1 : 0;
    lag2 = lag1;
    lag1 = current;
  }
  return out;
}
