import { TocsinError } from '../../core/errors.js';
import type { ProbabilityModel } from './probability-model.js';
import { splitByTime } from './time-split-tuned.js';

const logit = (p: number): number => {
  const q = Math.min(1 - 1e-9, Math.max(1e-9, p));
  return Math.log(q / (1 - q));
};

/** Platt's map p -> 1 / (1 + exp(-(a + b logit p))). */
export interface PlattMap {
  readonly a: number;
  readonly b: number;
}

/** Fits a and b by maximum likelihood (Newton's method on the two-parameter logistic regression). */
export function fitPlatt(p: ArrayLike<number>, y: ArrayLike<number>): PlattMap {
  const n = p.length;
  if (y.length !== n || n === 0) throw new TocsinError('invalid_input', `${n} forecasts and ${y.length} outcomes`);
  const z = Array.from(p, logit);
  let a = 0;
  let b = 1;
  for (let iter = 0; iter < 50; iter++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-9;
    let hab = 0;
    let hbb = 1e-9;
    for (let i = 0; i < n; i++) {
      const q = 1 / (1 + Math.exp(-(a + b * z[i]!)));
      const r = y[i]! - q;
      const w = q * (1 - q);
      ga += r;
      gb += r * z[i]!;
      haa += w;
      hab += w * z[i]!;
      hbb += w * z[i]! * z[i]!;
    }
    const det = haa * hbb - hab * hab;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a += da;
    b += db;
    if (Math.abs(da) + Math.abs(db) < 1e-10) break;
  }
  return { a, b };
}

export const applyPlatt = (m: PlattMap, p: number): number => 1 / (1 + Math.exp(-(m.a + m.b * logit(p))));

/**
 * Platt-calibrates a model inside its own training window: the model is fitted on the training
 * rows up to `validationYears` before the window's last year, its forecasts for the remaining
 * (later) training rows fit Platt's map, and the model refitted on every training row is mapped
 * through it. Only training rows are used, so nothing is tuned on the years a back-test scores.
 * Without a positive in the validation rows, the map is the identity.
 */
export function plattCalibrated(model: ProbabilityModel, validationYears = 6): ProbabilityModel {
  return {
    name: `Platt-calibrated on the last ${validationYears} training years (${model.name})`,
    fit: async (data) => {
      const { inner, held } = splitByTime(data, validationYears);
      let map: PlattMap = { a: 0, b: 1 };
      if (held.y.some((v) => v === 1) && inner.y.some((v) => v === 1)) {
        map = fitPlatt((await model.fit(inner))(held.x), held.y);
      }
      const full = await model.fit(data);
      return (x) => full(x).map((p) => applyPlatt(map, p));
    },
  };
}
