import { TocsinError } from '../../core/errors.js';
import { seededRandom } from '../../core/seeded-random.js';

/**
 * Random fold assignment for k-fold cross-validation, as cv.glmnet draws it
 * (`sample(rep(seq(nfolds), length = N))`): the fold numbers 0..k-1 repeated to length n, then
 * shuffled (Fisher-Yates) with a generator seeded by `seed`. Fold sizes differ by at most one.
 * The draw is ours, so the same seed gives other folds than R's `set.seed`.
 */
export function assignFolds(n: number, folds: number, seed: number): Int32Array {
  if (!Number.isInteger(folds) || folds < 3)
    throw new TocsinError('invalid_input', `folds must be an integer >= 3, got ${folds}`);
  if (n < folds) throw new TocsinError('invalid_input', `${n} rows cannot be split into ${folds} folds`);
  const ids = new Int32Array(n);
  for (let i = 0; i < n; i++) ids[i] = i % folds;
  const random = seededRandom(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = random.nextInt(i + 1);
    const t = ids[i]!;
    ids[i] = ids[j]!;
    ids[j] = t;
  }
  return ids;
}

/** Fold ids written by R (1-based) as our 0-based ids, checked. */
export function foldIdsFromR(ids: readonly number[]): Int32Array {
  const out = Int32Array.from(ids, (v) => v - 1);
  const k = out.reduce((m, v) => Math.max(m, v), 0) + 1;
  out.forEach((v, i) => {
    if (!Number.isInteger(v) || v < 0)
      throw new TocsinError('invalid_input', `fold id of row ${i + 1} must be 1..${k}, got ${ids[i]}`);
  });
  return out;
}
