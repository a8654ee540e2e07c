import { describe, expect, it } from 'vitest';
import { TocsinError } from '../core/errors.js';
import type { LabelledPost, SpeechLabel } from './corpora/corpus.js';
import { evaluate } from './evaluate.js';
import type { SpeechClassifier, SpeechPrediction } from './model/speech-model.js';

/**
 * A hand-made classifier: each text is "<label> <toxic score> [group…]" and it predicts exactly that,
 * so every figure below can be worked out by hand.
 */
const scripted: SpeechClassifier = {
  targetGroups: ['Jewish', 'Women'],
  predict: (texts) =>
    texts.map((text): SpeechPrediction => {
      const [label, score, ...groups] = text.split(' ') as [SpeechLabel, string, ...string[]];
      const toxic = Number(score);
      const probs: [number, number, number] =
        label === 'hatespeech'
          ? [toxic, 0, 1 - toxic]
          : label === 'offensive'
            ? [0, toxic, 1 - toxic]
            : [toxic / 2, toxic / 2, 1 - toxic];
      return {
        probs,
        label,
        targets: ['Jewish', 'Women'].map((g) => ({ group: g, p: groups.includes(g) ? 0.9 : 0.1 })),
        explanation: [],
      };
    }),
};

const post = (id: string, label: SpeechLabel | null, text: string, targets: string[] = []): LabelledPost => ({
  id,
  text,
  label,
  targets,
  language: 'en',
});

describe('evaluate', () => {
  const posts = [
    post('1', 'hatespeech', 'hatespeech 0.9 Jewish', ['Jewish']),
    post('2', 'hatespeech', 'offensive 0.8', ['Jewish', 'Women']),
    post('3', 'offensive', 'offensive 0.7 Women', ['Women']),
    post('4', 'normal', 'normal 0.6 Jewish', ['Jewish']),
    post('5', 'normal', 'normal 0.2'),
    post('6', null, 'normal 0.1'),
  ];
  const e = evaluate(scripted, posts, ['Jewish', 'Women']);

  it('leaves out the unlabelled post and scores the classes by hand', () => {
    expect([e.n, e.unlabelled]).toEqual([5, 1]);
    expect(e.accuracy).toBeCloseTo(4 / 5, 12);
    // hatespeech: P 1/1, R 1/2 → F1 2/3; offensive: P 1/2, R 1/1 → 2/3; normal: P 1, R 1 → 1
    expect(e.per_class.hatespeech).toMatchObject({ precision: 1, recall: 0.5, support: 2 });
    expect(e.per_class.offensive!.f1).toBeCloseTo(2 / 3, 12);
    expect(e.macro_f1).toBeCloseTo((2 / 3 + 2 / 3 + 1) / 3, 12);
    expect(e.confusion).toEqual([
      [1, 1, 0],
      [0, 1, 0],
      [0, 0, 2],
    ]);
  });

  it('computes macro AUROC one-vs-rest on the probabilities', () => {
    // hatespeech p = [0.9, 0, 0, 0.3, 0.1]: positives 0.9, 0 vs 0, 0.3, 0.1 → (3 + ½ + 0 + 0)/6
    // offensive p = [0, 0.8, 0.7, 0.3, 0.1]: positive 0.7 vs 0, 0.8, 0.3, 0.1 → 3/4
    // normal p = [0.1, 0.2, 0.3, 0.4, 0.8]: positives 0.4, 0.8 above all three → 1
    expect(e.macro_auroc).toBeCloseTo((3.5 / 6 + 0.75 + 1) / 3, 12);
  });

  it('scores target groups at the 0.5 threshold and the bias metrics on the toxic score', () => {
    // Jewish: predicted on 1, 4; true on 1, 2, 4 → tp 2, fp 0, fn 1. Women: predicted on 3; true on 2, 3.
    expect(e.target_f1!.per_group.Jewish).toMatchObject({ precision: 1, recall: 2 / 3, support: 3 });
    expect(e.target_f1!.micro).toMatchObject({ precision: 1, recall: 0.6 });
    // Jewish subgroup: toxic 0.9, 0.8 vs non-toxic 0.6 → 1. BPSN: non-toxic in group 0.6 vs toxic
    // outside 0.7 → 1. BNSP: toxic in group 0.9, 0.8 vs non-toxic outside 0.2 → 1.
    expect(e.bias!.per_group.Jewish).toEqual({
      n: 3,
      toxic: 2,
      non_toxic: 1,
      subgroup_auc: 1,
      subgroup_auc_ci95: [1, 1],
      bpsn_auc: 1,
      bnsp_auc: 1,
    });
    // Women: all toxic, so subgroup AUC is undefined; BPSN has no subgroup negative either.
    expect(e.bias!.per_group.Women).toMatchObject({ n: 2, subgroup_auc: null, bpsn_auc: null, bnsp_auc: 1 });
    expect(e.bias!.gmb_subgroup).toBe(1);
    expect(JSON.parse(JSON.stringify(e))).toEqual(e);
  });

  it('scores only the classes present and skips groups when none are given', () => {
    const two = evaluate(scripted, [post('a', 'normal', 'normal 0.1'), post('b', 'offensive', 'offensive 0.9')], []);
    expect(two.classes).toEqual(['offensive', 'normal']);
    expect(Object.keys(two.per_class)).toEqual(['offensive', 'normal']);
    expect(two.macro_f1).toBe(1);
    expect(two.macro_auroc).toBe(1);
    expect([two.target_f1, two.bias]).toEqual([null, null]);
  });

  it('refuses posts with no label at all, and a classifier that drops predictions', () => {
    expect(() => evaluate(scripted, [post('x', null, 'normal 0.1')], [])).toThrow(TocsinError);
    const lossy: SpeechClassifier = { targetGroups: [], predict: () => [] };
    expect(() => evaluate(lossy, [post('y', 'normal', 'normal 0.1')], [])).toThrow(/0 predictions for 1 posts/);
  });
});
