import { describe, expect, it } from 'vitest';
import { aucBootstrapInterval, aucDifferenceInterval, quantile7, wilsonInterval } from './auc-interval.js';
import { auroc } from './roc-auc.js';
import { seededRandom } from './seeded-random.js';

/** Scores where positives sit `shift` above negatives on average, with ties from rounding. */
function sample(positives: number, negatives: number, shift: number, seed: number): { scores: number[]; positive: boolean[] } {
  const random = seededRandom(seed);
  const scores: number[] = [];
  const positive: boolean[] = [];
  for (let i = 0; i < positives + negatives; i++) {
    const isPositive = i < positives;
    scores.push(Math.round((random.nextFloat() + (isPositive ? shift : 0)) * 20) / 20);
    positive.push(isPositive);
  }
  return { scores, positive };
}

/** The same resamples the slow way: draw the indices in the same order, then a full AUROC of each. */
function slowInterval(scores: number[], positive: boolean[], seed: number, resamples: number): [number, number] {
  const pos = scores.filter((_, i) => positive[i]);
  const neg = scores.filter((_, i) => !positive[i]);
  const random = seededRandom(seed);
  const aucs: number[] = [];
  for (let b = 0; b < resamples; b++) {
    const negs = neg.map(() => neg[random.nextInt(neg.length)]!);
    const poss = pos.map(() => pos[random.nextInt(pos.length)]!);
    aucs.push(
      auroc(
        [...poss, ...negs],
        [...poss, ...negs].map((_, i) => i < poss.length),
      )!,
    );
  }
  aucs.sort((a, b) => a - b);
  return [quantile7(aucs, 0.025), quantile7(aucs, 0.975)];
}

describe('aucBootstrapInterval', () => {
  it('gives the interval a full AUROC of every stratified resample gives, ties included', () => {
    const { scores, positive } = sample(30, 45, 0.3, 5);
    const fast = aucBootstrapInterval(scores, positive, { seed: 11, resamples: 300 })!;
    const [low, high] = slowInterval(scores, positive, 11, 300);
    expect(fast.low).toBeCloseTo(low, 12);
    expect(fast.high).toBeCloseTo(high, 12);
    expect([fast.positives, fast.negatives, fast.resamples, fast.level]).toEqual([30, 45, 300, 0.95]);
  });

  it('brackets the AUROC, narrows with more data, and repeats for a seed', () => {
    const small = sample(5, 40, 0.3, 1);
    const large = sample(500, 4000, 0.3, 1);
    const a = aucBootstrapInterval(small.scores, small.positive, { seed: 3 })!;
    const b = aucBootstrapInterval(large.scores, large.positive, { seed: 3 })!;
    const aucSmall = auroc(small.scores, small.positive)!;
    const aucLarge = auroc(large.scores, large.positive)!;
    expect(a.low).toBeLessThan(aucSmall);
    expect(a.high).toBeGreaterThan(aucSmall);
    expect(b.low).toBeLessThan(aucLarge);
    expect(b.high).toBeGreaterThan(aucLarge);
    expect(b.high - b.low).toBeLessThan((a.high - a.low) / 4);
    expect(aucBootstrapInterval(small.scores, small.positive, { seed: 3 })).toEqual(a);
    expect(aucBootstrapInterval(large.scores, large.positive, { seed: 4 })).not.toEqual(b);
  });

  it('is [1, 1] for a perfect ranking and null without positives or negatives', () => {
    const perfect = aucBootstrapInterval([0.1, 0.2, 0.8, 0.9], [false, false, true, true], { seed: 1 })!;
    expect([perfect.low, perfect.high]).toEqual([1, 1]);
    expect(aucBootstrapInterval([0.1, 0.2], [false, false], { seed: 1 })).toBeNull();
  });

  it('refuses bad input with the reason', () => {
    expect(() => aucBootstrapInterval([0.1], [true, false], { seed: 1 })).toThrow(/1 scores but 2 labels/);
    expect(() => aucBootstrapInterval([Number.NaN, 1], [true, false], { seed: 1 })).toThrow(/score 1 is NaN/);
    expect(() => aucBootstrapInterval([0, 1], [true, false], { seed: 1, resamples: 0 })).toThrow(/resamples/);
    expect(() => aucBootstrapInterval([0, 1], [true, false], { seed: 1, level: 1 })).toThrow(/level/);
  });
});

describe('quantile7', () => {
  it("interpolates as R's quantile(type = 7)", () => {
    // R: quantile(c(1, 2, 4, 8), c(0, 0.025, 0.5, 0.975, 1)) -> 1, 1.075, 3, 7.7, 8
    const q = [0, 0.025, 0.5, 0.975, 1].map((p) => quantile7([1, 2, 4, 8], p));
    expect(q[0]).toBe(1);
    expect(q[1]).toBeCloseTo(1.075, 12);
    expect(q[2]).toBe(3);
    expect(q[3]).toBeCloseTo(7.7, 12);
    expect(q[4]).toBe(8);
  });
});

describe('wilsonInterval', () => {
  it("is R's prop.test(correct = FALSE) interval", () => {
    // R: prop.test(29, 39, correct = FALSE)$conf.int; prop.test(0, 5, correct = FALSE)$conf.int
    const a = wilsonInterval(29, 39)!;
    expect(a.low).toBeCloseTo(0.58918344078316, 12);
    expect(a.high).toBeCloseTo(0.854312194590074, 12);
    const b = wilsonInterval(0, 5)!;
    expect(b.low).toBe(0);
    expect(b.high).toBeCloseTo(0.434482464783175, 12);
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe('aucDifferenceInterval', () => {
  it('pairs the resamples: the difference of a model with itself plus noise is tighter than either interval', () => {
    const { scores, positive } = sample(40, 400, 0.25, 8);
    const random = seededRandom(2);
    const better = scores.map((v, i) => v + (positive[i] ? 0.05 : 0) + 0.01 * random.nextFloat());
    const d = aucDifferenceInterval(scores, better, positive)!;
    expect(d.difference).toBeCloseTo(auroc(better, positive)! - auroc(scores, positive)!, 12);
    expect(d.difference).toBeGreaterThan(0);
    expect(d.low).toBeGreaterThan(0);
    expect(d.shareNotAbove).toBeLessThan(0.025);
    const one = aucBootstrapInterval(scores, positive)!;
    expect(d.high - d.low).toBeLessThan((one.high - one.low) / 2);
    const same = aucDifferenceInterval(scores, scores, positive)!;
    expect([same.difference, same.low, same.high, same.shareNotAbove]).toEqual([0, 0, 0, 1]);
    expect(() => aucDifferenceInterval([1, 2], [1], [true, false])).toThrow(/2 scores of one model but 1/);
  });
});

describe('aucBootstrapInterval with clusters', () => {
  it('resamples whole clusters: singletons give the plain (unstratified) bootstrap, done the slow way', () => {
    const { scores, positive } = sample(12, 30, 0.3, 21);
    const fast = aucBootstrapInterval(scores, positive, { seed: 5, resamples: 300, clusters: scores.map((_, i) => i) })!;
    const random = seededRandom(5);
    const aucs: number[] = [];
    while (aucs.length < 300) {
      const times = new Array<number>(scores.length).fill(0);
      for (let k = 0; k < scores.length; k++) times[random.nextInt(scores.length)]!++;
      const s: number[] = [];
      const p: boolean[] = [];
      times.forEach((t, i) => {
        for (let r = 0; r < t; r++) {
          s.push(scores[i]!);
          p.push(positive[i]!);
        }
      });
      const auc = auroc(s, p);
      if (auc !== null) aucs.push(auc);
    }
    aucs.sort((a, b) => a - b);
    expect(fast.low).toBeCloseTo(quantile7(aucs, 0.025), 12);
    expect(fast.high).toBeCloseTo(quantile7(aucs, 0.975), 12);
  });

  it('counts a cluster of copies as one item, where the stratified bootstrap takes them for independent', () => {
    const { scores, positive } = sample(15, 60, 0.3, 4);
    const copies = 10;
    const s = scores.flatMap((v) => new Array<number>(copies).fill(v));
    const p = positive.flatMap((v) => new Array<boolean>(copies).fill(v));
    const cluster = scores.flatMap((_, i) => new Array<number>(copies).fill(i));
    const once = aucBootstrapInterval(scores, positive, { seed: 9, clusters: scores.map((_, i) => i) })!;
    const clustered = aucBootstrapInterval(s, p, { seed: 9, clusters: cluster })!;
    expect([clustered.low, clustered.high]).toEqual([once.low, once.high]);
    const naive = aucBootstrapInterval(s, p, { seed: 9 })!;
    expect(naive.high - naive.low).toBeLessThan((clustered.high - clustered.low) / 2);
    expect(() => aucBootstrapInterval(s, p, { clusters: [1, 2] })).toThrow(/2 clusters but 750 labels/);
  });
});
