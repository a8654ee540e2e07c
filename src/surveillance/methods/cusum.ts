import { createMethodOutput, NO_ALARM_VALUE, type MethodOutput } from './method-output.js';

/** Parameters of `cusum()` / `algo.cusum` (R package surveillance 1.20.3), `trans = "standard"`. */
export interface CusumParameters {
  from: number;
  to: number;
  /** Reference value (1.04). */
  k: number;
  /** Decision boundary (2.26). */
  h: number;
}

/**
 * CUSUM of standardised counts as `algo.cusum` with its defaults: m = mean of the weeks before the
 * range, z(t) = (y(t) - m) / sqrt(m), S(t) = max(0, S(t-1) + z(t) - k), S = 0 before the range; alarm
 * when S(t) >= h; U = ceiling(sqrt(m) (h + k - S(t-1)) + m), 0 where negative or undefined.
 * With m = 0, R's arithmetic is kept: 0/0 makes S undefined from then on, and the alarm NA.
 */
export function cusum(y: Float64Array, p: CusumParameters): MethodOutput {
  const out = createMethodOutput(p.from, p.to);
  let sum = 0;
  for (let i = 0; i < p.from - 1; i++) sum += y[i]!;
  let m = sum / (p.from - 1);
  let correction = 0;
  for (let i = 0; i < p.from - 1; i++) correction += y[i]! - m;
  m += correction / (p.from - 1);
  const root = Math.sqrt(m);
  let s = 0;
  for (let t = p.from; t <= p.to; t++) {
    const upper = Math.ceil(root * (p.h + p.k - s) + m);
    out.upperbound[t - p.from] = Number.isNaN(upper) || upper < 0 ? 0 : upper;
    s = Math.max(0, s + ((y[t - 1]! - m) / root - p.k));
    out.alarm[t - p.from] = Number.isNaN(s) ? NO_ALARM_VALUE : s >= p.h ? 1 : 0;
  }
  return out;
}
