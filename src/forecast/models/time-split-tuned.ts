import { TocsinError } from '../../core/errors.js';
import { selectRows } from '../elastic-net/design-matrix.js';
import type { ProbabilityModel, TrainingData } from './probability-model.js';

/** Mean binomial deviance (log loss) of probabilities, clamped to [1e-5, 1 - 1e-5] as cv.glmnet does. */
export function logLoss(p: ArrayLike<number>, y: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < p.length; i++) {
    const q = Math.min(1 - 1e-5, Math.max(1e-5, p[i]!));
    sum -= y[i] === 1 ? Math.log(q) : Math.log(1 - q);
  }
  return sum / p.length;
}

/** Splits training data into the rows up to `validationYears` before its last year and the rest. */
export function splitByTime(data: TrainingData, validationYears: number): { inner: TrainingData; held: TrainingData } {
  const last = data.years.reduce((m, v) => Math.max(m, v), -Infinity);
  const inner: number[] = [];
  const held: number[] = [];
  data.years.forEach((year, i) => (year <= last - validationYears ? inner : held).push(i));
  const part = (idx: number[]): TrainingData => ({
    x: selectRows(data.x, idx),
    y: Float64Array.from(idx, (i) => data.y[i]!),
    years: Int32Array.from(idx, (i) => data.years[i]!),
    seed: data.seed,
  });
  return { inner: part(inner), held: part(held) };
}

/**
 * Chooses among candidate models inside the training window (a nested time split): each is fitted
 * on the training rows up to `validationYears` before the window's last year and scored by log loss
 * on the later training rows; the best (the first on ties) is refitted on every training row. The
 * years a back-test scores are never seen. `onChoice` reports each choice (for the record).
 */
export function timeSplitTuned(
  candidates: readonly ProbabilityModel[],
  validationYears = 6,
  onChoice?: (lastYear: number, chosen: number, losses: number[]) => void,
): ProbabilityModel {
  if (candidates.length === 0) throw new TocsinError('invalid_input', 'no candidate models to tune over');
  return {
    name: `tuned by log loss on the last ${validationYears} training years over [${candidates.map((m) => m.name).join('; ')}]`,
    fit: async (data) => {
      const { inner, held } = splitByTime(data, validationYears);
      let chosen = 0;
      const losses: number[] = [];
      if (inner.x.rows > 0 && held.x.rows > 0 && inner.y.some((v) => v === 1)) {
        for (const m of candidates) losses.push(logLoss((await m.fit(inner))(held.x), held.y));
        chosen = losses.indexOf(Math.min(...losses));
      }
      onChoice?.(
        data.years.reduce((m, v) => Math.max(m, v), -Infinity),
        chosen,
        losses,
      );
      return candidates[chosen]!.fit(data);
    },
  };
}
