import { TocsinError } from '../../core/errors.js';

/** Brier score: the mean squared difference between forecast probabilities and 0/1 outcomes. */
export function brierScore(probabilities: ArrayLike<number>, outcomes: ArrayLike<number>): number {
  const n = probabilities.length;
  if (outcomes.length !== n) throw new TocsinError('invalid_input', `${n} forecasts but ${outcomes.length} outcomes`);
  if (n === 0) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (probabilities[i]! - outcomes[i]!) ** 2;
  return sum / n;
}
