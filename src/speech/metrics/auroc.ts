/**
 * Area under the ROC curve as the Mann-Whitney statistic (pure): the probability that a random
 * positive scores above a random negative, a tie counting one half. Computed from average ranks, so
 * tied scores are handled exactly and the cost is O(n log n).
 */

/** 1-based ranks of the values, tied values sharing the mean of their ranks. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]![0] === order[start]![0]) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k]![1]] = rank;
    start = end + 1;
  }
  return ranks;
}

/** AUROC of `scores` for `positive` items; null when there is no positive or no negative. */
export function auroc(scores: readonly number[], positive: readonly boolean[]): number | null {
  if (scores.length !== positive.length) throw new RangeError(`${scores.length} scores but ${positive.length} labels`);
  if (scores.some((s) => Number.isNaN(s))) throw new RangeError('a score is NaN');
  const ranks = averageRanks(scores);
  let positives = 0;
  let rankSum = 0;
  positive.forEach((p, i) => {
    if (p) {
      positives++;
      rankSum += ranks[i]!;
    }
  });
  const negatives = scores.length - positives;
  if (positives === 0 || negatives === 0) return null;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * Macro AUROC one-vs-rest: for each class, the AUROC of its probability for its members against all
 * others, averaged over the classes where it is defined (null when it is defined for none).
 */
export function macroAuroc(probs: readonly (readonly number[])[], truth: readonly number[], classes: number): number | null {
  const per = Array.from({ length: classes }, (_, c) =>
    auroc(
      probs.map((p) => p[c]!),
      truth.map((t) => t === c),
    ),
  ).filter((a): a is number => a !== null);
  return per.length === 0 ? null : per.reduce((a, b) => a + b, 0) / per.length;
}
