import { TocsinError } from '../../core/errors.js';

/**
 * Area under the ROC curve of `scores` against 0/1 `labels`, by the Mann-Whitney statistic with
 * average ranks for ties (the same number `pROC::roc` reports): the probability that a random
 * positive scores above a random negative, ties counting one half.
 */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = scores.length;
  if (labels.length !== n) throw new TocsinError('invalid_input', `${n} scores but ${labels.length} labels`);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let positives = 0;
  let rankSum = 0;
  for (let start = 0; start < n;) {
    let end = start + 1;
    while (end < n && scores[order[end]!] === scores[order[start]!]) end++;
    const averageRank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) {
      const label = labels[order[k]!];
      if (label !== 0 && label !== 1) throw new TocsinError('invalid_input', `label ${label} is not 0 or 1`);
      if (label === 1) {
        positives++;
        rankSum += averageRank;
      }
    }
    start = end;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
