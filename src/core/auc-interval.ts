import { seededRandom } from './seeded-random.js';

/**
 * A percentile bootstrap confidence interval for an AUROC (pure), stratified as `pROC::ci.auc`
 * does by default: each resample draws as many positives from the positives, and as many negatives
 * from the negatives, as the data has, with replacement, so every resample has an AUROC. The
 * interval is the (1 - level) / 2 and (1 + level) / 2 quantiles of the resampled AUROCs (R's
 * default quantile, type 7). Seeded: the same data and seed give the same interval.
 *
 * With `clusters` (for example each country-year's country), a resample instead draws as many
 * clusters as there are, with replacement, and takes every item of each drawn cluster: items of one
 * cluster are not independent (a country's years share its forecasts' errors), and the interval is
 * then wider. A resample that happens to hold no positive or no negative is drawn again.
 *
 * Each resample costs O(positives + negatives), not a sort: the negatives are sorted once, each
 * positive's place among them (how many lie below it, how many tie it) is found once, and a
 * resample only counts how often each item was drawn.
 */
export interface AucInterval {
  readonly low: number;
  readonly high: number;
  readonly level: number;
  readonly resamples: number;
  /** How many positives and negatives the AUROC rests on. */
  readonly positives: number;
  readonly negatives: number;
}

/** The seed used when none is given: an interval is then a function of the data alone. */
export const DEFAULT_BOOTSTRAP_SEED = 20211;

export interface AucIntervalOptions {
  /** Default `DEFAULT_BOOTSTRAP_SEED`. */
  readonly seed?: number;
  /** Default 2,000 (pROC's `boot.n`). */
  readonly resamples?: number;
  /** Default 0.95. */
  readonly level?: number;
  /** The cluster of each item (any value; equal values, one cluster): resample whole clusters. */
  readonly clusters?: ArrayLike<unknown>;
}

/** The interval, or null when there is no positive or no negative. */
export function aucBootstrapInterval(
  scores: ArrayLike<number>,
  positive: ArrayLike<boolean>,
  options: AucIntervalOptions = {},
): AucInterval | null {
  const { resamples, level } = checkedOptions(options);
  const drawn = resampledAucs([scores], positive, resamples, options.seed ?? DEFAULT_BOOTSTRAP_SEED, options.clusters);
  if (!drawn) return null;
  return {
    ...percentileInterval(drawn.aucs[0]!.sort(), level),
    level,
    resamples,
    positives: drawn.positives,
    negatives: drawn.negatives,
  };
}

/** How much higher model B's AUROC is than model A's on the same items, with its bootstrap interval. */
export interface AucDifference {
  /** AUROC(b) - AUROC(a). */
  readonly difference: number;
  readonly low: number;
  readonly high: number;
  readonly level: number;
  /** Share of resamples where B's AUROC is not above A's (a one-sided bootstrap p-value). */
  readonly shareNotAbove: number;
}

/**
 * The paired comparison of two models scored on the same items: each resample draws the same
 * items for both (stratified, or by cluster, as above), so what the items have in common cancels and the interval
 * of the difference is far narrower than the two intervals side by side suggest.
 */
export function aucDifferenceInterval(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  positive: ArrayLike<boolean>,
  options: AucIntervalOptions = {},
): AucDifference | null {
  const { resamples, level } = checkedOptions(options);
  if (a.length !== b.length) throw new RangeError(`${a.length} scores of one model but ${b.length} of the other`);
  const drawn = resampledAucs([a, b], positive, resamples, options.seed ?? DEFAULT_BOOTSTRAP_SEED, options.clusters);
  if (!drawn) return null;
  const [aucA, aucB] = drawn.aucs as [Float64Array, Float64Array];
  const differences = aucB.map((v, i) => v - aucA[i]!).sort();
  return {
    difference: drawn.observed[1]! - drawn.observed[0]!,
    ...percentileInterval(differences, level),
    level,
    shareNotAbove: differences.filter((d) => d <= 0).length / resamples,
  };
}

/** The (1 - level) / 2 and (1 + level) / 2 quantiles of sorted resampled values. */
const percentileInterval = (sorted: ArrayLike<number>, level: number): { low: number; high: number } => ({
  low: quantile7(sorted, (1 - level) / 2),
  high: quantile7(sorted, (1 + level) / 2),
});

function checkedOptions(options: AucIntervalOptions): { resamples: number; level: number } {
  const resamples = options.resamples ?? 2000;
  const level = options.level ?? 0.95;
  if (!Number.isInteger(resamples) || resamples < 1)
    throw new RangeError(`resamples must be a whole number >= 1, got ${resamples}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`level must lie between 0 and 1, got ${level}`);
  return { resamples, level };
}

/**
 * The AUROC of every score set on each of `resamples` stratified resamples (the same draws for
 * every set), and on the data itself; null when there is no positive or no negative.
 */
function resampledAucs(
  scoreSets: readonly ArrayLike<number>[],
  positive: ArrayLike<boolean>,
  resamples: number,
  seed: number,
  clusters?: ArrayLike<unknown>,
): { aucs: Float64Array[]; observed: number[]; positives: number; negatives: number } | null {
  const posIndex: number[] = [];
  const negIndex: number[] = [];
  for (let i = 0; i < positive.length; i++) (positive[i] ? posIndex : negIndex).push(i);
  const m = posIndex.length;
  const n = negIndex.length;
  for (const scores of scoreSets) {
    if (scores.length !== positive.length) throw new RangeError(`${scores.length} scores but ${positive.length} labels`);
    for (let i = 0; i < scores.length; i++) if (Number.isNaN(scores[i])) throw new RangeError(`score ${i + 1} is NaN`);
  }
  if (m === 0 || n === 0) return null;
  if (clusters && clusters.length !== positive.length)
    throw new RangeError(`${clusters.length} clusters but ${positive.length} labels`);
  // Per score set: the negatives in score order, and for positive k the negatives of that order
  // [0, below[k]) scoring lower and [below[k], upTo[k]) tying it.
  const sets = scoreSets.map((scores) => {
    const order = Int32Array.from(negIndex.keys()).sort((x, y) => scores[negIndex[x]!]! - scores[negIndex[y]!]!);
    const sorted = Array.from(order, (k) => scores[negIndex[k]!]!);
    const below = Int32Array.from(posIndex, (i) => firstIndex(sorted, (v) => v >= scores[i]!));
    const upTo = Int32Array.from(posIndex, (i) => firstIndex(sorted, (v) => v > scores[i]!));
    return { order, below, upTo };
  });
  const random = seededRandom(seed);
  const drawnNeg = new Int32Array(n);
  const drawnPos = new Int32Array(m);
  const cumulative = new Float64Array(n + 1);
  const aucs = scoreSets.map(() => new Float64Array(resamples));
  const aucOf = (set: (typeof sets)[number], negCount: ArrayLike<number>, posCount: ArrayLike<number>): number => {
    for (let k = 0; k < n; k++) cumulative[k + 1] = cumulative[k]! + negCount[set.order[k]!]!;
    let wins = 0;
    let pairsOf = 0;
    for (let k = 0; k < m; k++) {
      if (posCount[k] === 0) continue;
      const lower = cumulative[set.below[k]!]!;
      wins += posCount[k]! * (lower + 0.5 * (cumulative[set.upTo[k]!]! - lower));
      pairsOf += posCount[k]!;
    }
    return wins / (pairsOf * cumulative[n]!);
  };
  // Clustered: each item's cluster as a number 0..K-1, and how often each cluster was drawn.
  const clusterOf = clusters ? clusterNumbers(clusters) : undefined;
  const clusterCount = clusterOf ? new Int32Array(clusterOf.count) : undefined;
  const draw = (): void => {
    drawnNeg.fill(0);
    drawnPos.fill(0);
    if (!clusterOf || !clusterCount) {
      for (let k = 0; k < n; k++) drawnNeg[random.nextInt(n)]!++;
      for (let k = 0; k < m; k++) drawnPos[random.nextInt(m)]!++;
      return;
    }
    for (;;) {
      clusterCount.fill(0);
      for (let k = 0; k < clusterOf.count; k++) clusterCount[random.nextInt(clusterOf.count)]!++;
      let pos = 0;
      let neg = 0;
      negIndex.forEach((item, k) => (neg += drawnNeg[k] = clusterCount[clusterOf.of[item]!]!));
      posIndex.forEach((item, k) => (pos += drawnPos[k] = clusterCount[clusterOf.of[item]!]!));
      if (pos > 0 && neg > 0) return;
    }
  };
  for (let b = 0; b < resamples; b++) {
    draw();
    sets.forEach((set, s) => (aucs[s]![b] = aucOf(set, drawnNeg, drawnPos)));
  }
  const everyNeg = new Int32Array(n).fill(1);
  const everyPos = new Int32Array(m).fill(1);
  return { aucs, observed: sets.map((set) => aucOf(set, everyNeg, everyPos)), positives: m, negatives: n };
}

/** Each item's cluster numbered 0..count-1 in order of first appearance. */
function clusterNumbers(clusters: ArrayLike<unknown>): { of: Int32Array; count: number } {
  const numbers = new Map<unknown, number>();
  const of = new Int32Array(clusters.length);
  for (let i = 0; i < clusters.length; i++) {
    let k = numbers.get(clusters[i]);
    if (k === undefined) numbers.set(clusters[i], (k = numbers.size));
    of[i] = k;
  }
  return { of, count: numbers.size };
}

/** The first index of a sorted array where `atOrAbove` holds (the length when it never does). */
function firstIndex(sorted: readonly number[], atOrAbove: (v: number) => boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (atOrAbove(sorted[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** R's type-7 quantile of sorted values: linear interpolation between order statistics. */
export function quantile7(sorted: ArrayLike<number>, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * Wilson's score interval for a proportion (`successes` of `n`) at the 95% level: better than
 * the normal approximation near 0 and 1 and for small n, and never outside [0, 1]. Null when n is 0.
 */
export function wilsonInterval(successes: number, n: number): { low: number; high: number } | null {
  if (n === 0) return null;
  const z = 1.959963984540054;
  const p = successes / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
