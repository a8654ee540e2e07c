import { auroc } from '../../core/roc-auc.js';

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
