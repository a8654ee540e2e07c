import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auroc, averageRanks } from '../../core/roc-auc.js';
import { macroAuroc } from './auroc.js';
import { biasReport, generalisedMean, groupBias, type BiasItem } from './bias.js';
import { accuracy, confusionMatrix, macroF1, perClassScores } from './classification.js';
import { targetF1 } from './target-f1.js';

/** AUROC by counting every positive-negative pair, a tie counting one half. */
function bruteAuroc(scores: readonly number[], positive: readonly boolean[]): number | null {
  let wins = 0;
  let pairs = 0;
  scores.forEach((s, i) => {
    if (!positive[i]) return;
    scores.forEach((t, j) => {
      if (positive[j]) return;
      pairs++;
      wins += s > t ? 1 : s === t ? 0.5 : 0;
    });
  });
  return pairs === 0 ? null : wins / pairs;
}

describe('classification scores', () => {
  // truth    0 0 0 1 1 2
  // predicted 0 1 0 1 2 2  → class 0: P 2/2 R 2/3; class 1: P 1/2 R 1/2; class 2: P 1/2 R 1/1
  const truth = [0, 0, 0, 1, 1, 2];
  const predicted = [0, 1, 0, 1, 2, 2];
  it('counts the confusion matrix and accuracy', () => {
    expect(confusionMatrix(truth, predicted, 3)).toEqual([
      [2, 1, 0],
      [0, 1, 1],
      [0, 0, 1],
    ]);
    expect(accuracy(truth, predicted)).toBeCloseTo(4 / 6, 12);
  });
  it('computes per-class precision, recall, F1 and their macro mean by hand', () => {
    const s = perClassScores(truth, predicted, 3);
    expect(s.map((c) => [c.precision, c.recall, c.support])).toEqual([
      [1, 2 / 3, 3],
      [0.5, 0.5, 2],
      [0.5, 1, 1],
    ]);
    expect(s[0]!.f1).toBeCloseTo(0.8, 12);
    expect(s[2]!.f1).toBeCloseTo(2 / 3, 12);
    expect(macroF1(s)).toBeCloseTo((0.8 + 0.5 + 2 / 3) / 3, 12);
  });
  it('scores a class never predicted as 0 rather than NaN', () => {
    expect(perClassScores([0, 1], [0, 0], 2)[1]).toEqual({ precision: 0, recall: 0, f1: 0, support: 1 });
  });
});

describe('AUROC', () => {
  it('gives tied values their mean rank', () => {
    expect(averageRanks([0.3, 0.1, 0.3, 0.2])).toEqual([3.5, 1, 3.5, 2]);
  });
  it('matches a hand count with a tie: 3 of 4 pairs won, one tied', () => {
    // positives 0.9, 0.5; negatives 0.5, 0.1 → pairs: (0.9>0.5) (0.9>0.1) (0.5=0.5 → ½) (0.5>0.1) = 3.5/4
    expect(auroc([0.9, 0.5, 0.5, 0.1], [true, true, false, false])).toBe(0.875);
    expect(auroc([0.2, 0.4], [true, true])).toBeNull();
  });
  it('equals the brute-force pair count on any scores (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.boolean()), { minLength: 1, maxLength: 40 }), (rows) => {
        const scores = rows.map(([s]) => s / 6);
        const positive = rows.map(([, p]) => p);
        const fast = auroc(scores, positive);
        const brute = bruteAuroc(scores, positive);
        if (brute === null) expect(fast).toBeNull();
        else expect(fast).toBeCloseTo(brute, 12);
      }),
    );
  });
  it('averages one-vs-rest AUROC over the classes', () => {
    const probs = [
      [0.8, 0.1, 0.1],
      [0.3, 0.6, 0.1],
      [0.5, 0.2, 0.3],
      [0.1, 0.2, 0.7],
    ];
    // Each class's positive outscores every negative: 1 for each of the three classes.
    expect(macroAuroc(probs, [0, 1, 2, 2], 3)).toBe(1);
    // truth [2, 0, 1, 2]: class 0: positive 0.3 vs 0.8, 0.5, 0.1 → 1/3; class 1: positive 0.2 vs
    // 0.1, 0.6, 0.2 → (1 + 0 + ½)/3; class 2: positives 0.1, 0.7 vs 0.1, 0.3 → (½ + 0 + 1 + 1)/4.
    expect(macroAuroc(probs, [2, 0, 1, 2], 3)).toBeCloseTo((1 / 3 + 0.5 + 0.625) / 3, 12);
  });
});

describe('target-group F1', () => {
  it('scores per group, micro and macro by hand', () => {
    const truth = [['Women'], ['Women', 'Islam'], [], ['Islam']];
    const predicted = [['Women'], ['Islam'], ['Women'], []];
    // Women: tp 1, fp 1, fn 1 → P ½ R ½ F1 ½; Islam: tp 1, fp 0, fn 1 → P 1 R ½ F1 ⅔
    const t = targetF1(truth, predicted, ['Women', 'Islam']);
    expect(t.per_group.Women).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
    expect(t.per_group.Islam!.f1).toBeCloseTo(2 / 3, 12);
    // micro: tp 2, fp 1, fn 2 → P ⅔ R ½ F1 4/7
    expect(t.micro.f1).toBeCloseTo(4 / 7, 12);
    expect(t.macro_f1).toBeCloseTo((0.5 + 2 / 3) / 2, 12);
  });
});

describe('HateXplain bias metrics', () => {
  const items: BiasItem[] = [
    { score: 0.9, toxic: true, groups: ['Jewish'] },
    { score: 0.6, toxic: false, groups: ['Jewish'] },
    { score: 0.4, toxic: true, groups: ['Jewish'] },
    { score: 0.8, toxic: true, groups: [] },
    { score: 0.2, toxic: false, groups: [] },
    { score: 0.7, toxic: false, groups: ['Women'] },
  ];
  it('computes subgroup, BPSN and BNSP AUC by pair counting', () => {
    const b = groupBias(items, 'Jewish');
    expect(b.n).toBe(3);
    // subgroup: toxic 0.9, 0.4 vs non-toxic 0.6 → 1 of 2
    expect(b.subgroup_auc).toBe(0.5);
    // BPSN: toxic outside 0.8 vs non-toxic inside 0.6 → 1
    expect(b.bpsn_auc).toBe(1);
    // BNSP: toxic inside 0.9, 0.4 vs non-toxic outside 0.2, 0.7 → (2 + 1) of 4
    expect(b.bnsp_auc).toBe(0.75);
    // Women has no toxic post: its subgroup AUC is undefined and left out of the mean.
    expect(groupBias(items, 'Women').subgroup_auc).toBeNull();
    expect(groupBias(items, 'Women').subgroup_auc_ci95).toBeNull();
  });
  it('says how many toxic and non-toxic posts a subgroup AUC rests on, and how far it could move', () => {
    const b = groupBias(items, 'Jewish');
    expect([b.toxic, b.non_toxic]).toEqual([2, 1]);
    // One non-toxic post at 0.6 against toxic posts at 0.9 and 0.4: a resample of the toxic posts
    // can hold either or both, so its AUC is 0, 0.5 or 1.
    expect(b.subgroup_auc_ci95).toEqual([0, 1]);
    expect(groupBias(items, 'Jewish')).toEqual(b);
  });
  it('summarises groups by the generalised mean of power -5', () => {
    expect(generalisedMean([0.5, 1])).toBeCloseTo(((0.5 ** -5 + 1) / 2) ** (-1 / 5), 12);
    expect(generalisedMean([0.8, 0.8, null])).toBeCloseTo(0.8, 12);
    expect(generalisedMean([null])).toBeNull();
    const r = biasReport(items, ['Jewish', 'Women']);
    expect(r.gmb_subgroup).toBe(0.5);
    expect(r.per_group.Women!.n).toBe(1);
  });
  it('never exceeds the arithmetic mean and never falls below the minimum (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 1, maxLength: 12 }), (xs) => {
        const g = generalisedMean(xs)!;
        expect(g).toBeLessThanOrEqual(xs.reduce((a, b) => a + b, 0) / xs.length + 1e-12);
        expect(g).toBeGreaterThanOrEqual(Math.min(...xs) - 1e-12);
      }),
    );
  });
});
