/**
 * Area under the ROC curve as the Mann-Whitney statistic (pure): the probability that a random
 * positive scores above a random negative, a tie counting one half (the number `pROC::roc` and
 * scikit-learn's `roc_auc_score` report). Computed from average ranks, so tied scores are handled
 * exactly and the cost is O(n log n). Shared by the forecast back-test and the speech evaluation.
 */

/** 1-based ranks of the values, tied values sharing the mean of their ranks. */
export function averageRanks(values: ArrayLike<number>): number[] {
  const order = Array.from({ length: values.length }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && values[order[end + 1]!] === values[order[start]!]) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k]!] = rank;
    start = end + 1;
  }
  return ranks;
}

/** AUROC of `scores` for the `positive` items; null when there is no positive or no negative. */
export function auroc(scores: ArrayLike<number>, positive: ArrayLike<boolean>): number | null {
  if (scores.length !== positive.length) throw new RangeError(`${scores.length} scores but ${positive.length} labels`);
  for (let i = 0; i < scores.length; i++) if (Number.isNaN(scores[i])) throw new RangeError(`score ${i + 1} is NaN`);
  const ranks = averageRanks(scores);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < ranks.length; i++) {
    if (positive[i]) {
      positives++;
      rankSum += ranks[i]!;
    }
  }
  const negatives = scores.length - positives;
  if (positives === 0 || negatives === 0) return null;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
