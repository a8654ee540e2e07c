/**
 * Multi-class scores from true and predicted class indices (pure). A ratio with a zero denominator
 * is 0, as scikit-learn's `zero_division=0`, so a class never predicted scores precision 0.
 */
export interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
  /** Number of true members of the class. */
  support: number;
}

const ratio = (num: number, den: number): number => (den === 0 ? 0 : num / den);

export const f1Score = (precision: number, recall: number): number => ratio(2 * precision * recall, precision + recall);

/** matrix[t][p] = number of items of true class t predicted as p. */
export function confusionMatrix(truth: readonly number[], predicted: readonly number[], classes: number): number[][] {
  if (truth.length !== predicted.length) throw new RangeError(`${truth.length} true labels but ${predicted.length} predictions`);
  const m = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  truth.forEach((t, i) => {
    const row = m[t];
    const p = predicted[i]!;
    if (row === undefined || p < 0 || p >= classes) throw new RangeError(`class index out of [0, ${classes}) at item ${i}`);
    row[p]! += 1;
  });
  return m;
}

export function accuracy(truth: readonly number[], predicted: readonly number[]): number {
  if (truth.length !== predicted.length) throw new RangeError(`${truth.length} true labels but ${predicted.length} predictions`);
  return ratio(truth.filter((t, i) => t === predicted[i]).length, truth.length);
}

export function perClassScores(truth: readonly number[], predicted: readonly number[], classes: number): ClassScores[] {
  const m = confusionMatrix(truth, predicted, classes);
  return m.map((row, c) => {
    const tp = row[c]!;
    const support = row.reduce((a, b) => a + b, 0);
    const predictedAs = m.reduce((a, r) => a + r[c]!, 0);
    const precision = ratio(tp, predictedAs);
    const recall = ratio(tp, support);
    return { precision, recall, f1: f1Score(precision, recall), support };
  });
}

/** Unweighted mean of the per-class F1 over the given classes (all by default). */
export function macroF1(scores: readonly ClassScores[]): number {
  return ratio(
    scores.reduce((a, s) => a + s.f1, 0),
    scores.length,
  );
}
