/**
 * A linear hate speech model (pure, no I/O): multinomial logistic regression over the three
 * HateXplain labels plus one-vs-rest logistic regressions for the target groups, all sharing one
 * hashed feature vector. Trained by stochastic gradient descent with L2 regularisation, visiting
 * posts in an order drawn from a seeded generator, so one seed always gives the same weights.
 */
import { seededRandom } from '../../core/seeded-random.js';
import { SPEECH_LABELS, type LabelledPost } from '../corpora/corpus.js';
import { featurize, type FeatureSettings, type SparseVector } from './features.js';

export interface TrainingSettings {
  features: FeatureSettings;
  seed: number;
  epochs: number;
  /** Initial step size; it decays as 1 / (1 + t / posts). */
  learningRate: number;
  /** L2 penalty per example. */
  l2: number;
  /** Weigh each class by posts / (3 * posts of the class), so a rare class counts as much. */
  balanced: boolean;
  /** Return the mean of the weights at the end of each epoch from this one (0-based) on; null: the last weights. */
  averageFrom: number | null;
  /**
   * Independent runs with seeds seed, seed + 1, ... whose weights are averaged (optional; 1 run when
   * absent). For a linear model this averages the logits: it removes most of the seed-to-seed spread
   * (validation macro-F1 0.646-0.661 over seeds 1-5, 0.657 for their average; docs/speech.md).
   */
  runs?: number;
}

/** The weights of a trained model: `weights[slot * outputs + k]`; outputs are the 3 labels then the groups. */
export interface LinearModel {
  features: FeatureSettings;
  groups: readonly string[];
  weights: Float32Array;
  bias: Float32Array;
}

export const DEFAULT_TRAINING: TrainingSettings = {
  features: { buckets: 1 << 20, charNgrams: true, charMin: 2, charMax: 5, wordBigrams: true, wordWeight: 2 },
  seed: 1,
  epochs: 6,
  learningRate: 0.5,
  l2: 1e-6,
  balanced: true,
  averageFrom: 0,
  runs: 5,
};

/** Trains on the posts that have a label (posts without a majority label are skipped). */
export function trainLinearModel(posts: readonly LabelledPost[], groups: readonly string[], s: TrainingSettings): LinearModel {
  const runs = s.runs ?? 1;
  if (runs <= 1) return trainOneRun(posts, groups, s);
  let sum: LinearModel | null = null;
  for (let r = 0; r < runs; r++) {
    const m = trainOneRun(posts, groups, { ...s, seed: s.seed + r });
    if (!sum) sum = m;
    else {
      for (let i = 0; i < m.weights.length; i++) sum.weights[i] = sum.weights[i]! + m.weights[i]!;
      for (let k = 0; k < m.bias.length; k++) sum.bias[k] = sum.bias[k]! + m.bias[k]!;
    }
  }
  for (let i = 0; i < sum!.weights.length; i++) sum!.weights[i] = sum!.weights[i]! / runs;
  for (let k = 0; k < sum!.bias.length; k++) sum!.bias[k] = sum!.bias[k]! / runs;
  return sum!;
}

function trainOneRun(posts: readonly LabelledPost[], groups: readonly string[], s: TrainingSettings): LinearModel {
  const labelled = posts.filter((p) => p.label !== null);
  const outputs = SPEECH_LABELS.length + groups.length;
  const vectors: SparseVector[] = labelled.map((p) => featurize(p.text, s.features));
  const classOf = labelled.map((p) => SPEECH_LABELS.indexOf(p.label!));
  const targetSets = labelled.map((p) => new Set(p.targets));
  const classWeight = SPEECH_LABELS.map((_, k) => {
    const n = classOf.filter((c) => c === k).length;
    return s.balanced && n > 0 ? labelled.length / (SPEECH_LABELS.length * n) : 1;
  });

  // Weights are stored as scale * v so the L2 shrink of every weight costs one multiplication.
  const v = new Float32Array(s.features.buckets * outputs);
  const bias = new Float32Array(outputs);
  let scale = 1;
  const generator = seededRandom(s.seed);
  const random = (): number => generator.nextFloat();
  const order = labelled.map((_, i) => i);
  const z = new Float64Array(outputs);
  // Epoch-end averaging (Polyak-style) over the later epochs smooths the last steps' noise.
  const average =
    s.averageFrom === null ? null : { weights: new Float64Array(v.length), bias: new Float64Array(outputs), epochs: 0 };
  let t = 0;
  for (let epoch = 0; epoch < s.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const n of order) {
      const lr = s.learningRate / (1 + t / labelled.length);
      t++;
      const x = vectors[n]!;
      scores(v, bias, scale, outputs, x, z);
      // Gradient of the softmax cross-entropy for the labels, of the logistic loss for each group.
      softmaxInPlace(z, 0, SPEECH_LABELS.length);
      const cw = classWeight[classOf[n]!]!;
      for (let k = 0; k < SPEECH_LABELS.length; k++) z[k] = cw * (z[k]! - (k === classOf[n] ? 1 : 0));
      for (let g = 0; g < groups.length; g++) {
        const k = SPEECH_LABELS.length + g;
        z[k] = 1 / (1 + Math.exp(-z[k]!)) - (targetSets[n]!.has(groups[g]!) ? 1 : 0);
      }
      scale *= 1 - lr * s.l2;
      if (scale < 1e-6) {
        for (let i = 0; i < v.length; i++) v[i] = v[i]! * scale;
        scale = 1;
      }
      for (let f = 0; f < x.index.length; f++) {
        const base = x.index[f]! * outputs;
        const step = (lr * x.value[f]!) / scale;
        for (let k = 0; k < outputs; k++) v[base + k] = v[base + k]! - step * z[k]!;
      }
      for (let k = 0; k < outputs; k++) bias[k] = bias[k]! - lr * z[k]!;
    }
    if (average && epoch >= s.averageFrom!) {
      for (let i = 0; i < v.length; i++) average.weights[i] = average.weights[i]! + v[i]! * scale;
      for (let k = 0; k < outputs; k++) average.bias[k] = average.bias[k]! + bias[k]!;
      average.epochs++;
    }
  }
  if (average && average.epochs > 0) {
    for (let i = 0; i < v.length; i++) v[i] = average.weights[i]! / average.epochs;
    for (let k = 0; k < outputs; k++) bias[k] = average.bias[k]! / average.epochs;
  } else for (let i = 0; i < v.length; i++) v[i] = v[i]! * scale;
  return { features: s.features, groups: [...groups], weights: v, bias };
}

/** Raw scores (logits) of every output for one vector, written into `out`. */
export function scores(
  weights: Float32Array,
  bias: Float32Array,
  scale: number,
  outputs: number,
  x: SparseVector,
  out: Float64Array,
): void {
  for (let k = 0; k < outputs; k++) out[k] = 0;
  for (let f = 0; f < x.index.length; f++) {
    const base = x.index[f]! * outputs;
    const value = x.value[f]!;
    for (let k = 0; k < outputs; k++) out[k] = out[k]! + weights[base + k]! * value;
  }
  for (let k = 0; k < outputs; k++) out[k] = out[k]! * scale + bias[k]!;
}

/** Replaces z[from..from+n) with its softmax. */
export function softmaxInPlace(z: Float64Array, from: number, n: number): void {
  let max = -Infinity;
  for (let k = from; k < from + n; k++) max = Math.max(max, z[k]!);
  let sum = 0;
  for (let k = from; k < from + n; k++) {
    z[k] = Math.exp(z[k]! - max);
    sum += z[k]!;
  }
  for (let k = from; k < from + n; k++) z[k] = z[k]! / sum;
}
