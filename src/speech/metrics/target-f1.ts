import { f1Score } from './classification.js';

/**
 * Multi-label target-group F1 (pure): each post has a set of true and of predicted groups; per group
 * the post is a true positive, false positive or false negative. Micro pools the counts of all
 * groups; macro averages the per-group F1 over the groups given.
 */
export interface GroupScores {
  precision: number;
  recall: number;
  f1: number;
  /** Posts that truly target the group. */
  support: number;
}

export interface TargetF1 {
  per_group: Record<string, GroupScores>;
  micro: GroupScores;
  macro_f1: number;
}

const ratio = (num: number, den: number): number => (den === 0 ? 0 : num / den);

function scores(tp: number, fp: number, fn: number): GroupScores {
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return { precision, recall, f1: f1Score(precision, recall), support: tp + fn };
}

export function targetF1(
  truth: readonly (readonly string[])[],
  predicted: readonly (readonly string[])[],
  groups: readonly string[],
): TargetF1 {
  if (truth.length !== predicted.length) throw new RangeError(`${truth.length} posts but ${predicted.length} predictions`);
  const perGroup: Record<string, GroupScores> = {};
  let tpAll = 0;
  let fpAll = 0;
  let fnAll = 0;
  for (const g of groups) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    truth.forEach((t, i) => {
      const isTrue = t.includes(g);
      const isPredicted = predicted[i]!.includes(g);
      if (isTrue && isPredicted) tp++;
      else if (isPredicted) fp++;
      else if (isTrue) fn++;
    });
    perGroup[g] = scores(tp, fp, fn);
    tpAll += tp;
    fpAll += fp;
    fnAll += fn;
  }
  const f1s = groups.map((g) => perGroup[g]!.f1);
  return {
    per_group: perGroup,
    micro: scores(tpAll, fpAll, fnAll),
    macro_f1: ratio(
      f1s.reduce((a, b) => a + b, 0),
      f1s.length,
    ),
  };
}
