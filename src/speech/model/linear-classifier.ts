/**
 * A trained linear model as a `SpeechClassifier` (pure): probabilities for the three labels, target
 * groups above one half (most likely first), and on request the words that pushed the post toward
 * its label, each with the sum of (weight × feature value) of its word, pair and character features.
 */
import { SPEECH_LABELS } from '../corpora/corpus.js';
import { featurize, featurizeExplained, type ExplainedVector } from './features.js';
import { scores, softmaxInPlace, type LinearModel } from './linear-model.js';
import type { SpeechClassifier, SpeechPrediction } from './speech-model.js';

const EXPLANATION_SIZE = 8;
const TARGET_THRESHOLD = 0.5;

export function linearClassifier(model: LinearModel): SpeechClassifier {
  const outputs = SPEECH_LABELS.length + model.groups.length;
  const z = new Float64Array(outputs);
  return {
    targetGroups: model.groups,
    predict(texts, o) {
      return texts.map((text): SpeechPrediction => {
        const x = o?.explain ? featurizeExplained(text, model.features) : featurize(text, model.features);
        scores(model.weights, model.bias, 1, outputs, x, z);
        softmaxInPlace(z, 0, SPEECH_LABELS.length);
        const probs: [number, number, number] = [z[0]!, z[1]!, z[2]!];
        const best = probs.indexOf(Math.max(...probs));
        const targets = model.groups
          .map((group, g) => ({ group, p: 1 / (1 + Math.exp(-z[SPEECH_LABELS.length + g]!)) }))
          .filter((t) => t.p >= TARGET_THRESHOLD)
          .sort((a, b) => b.p - a.p);
        const explanation = o?.explain ? explain(model, x as ExplainedVector, best, outputs) : [];
        return { probs, label: SPEECH_LABELS[best]!, targets, explanation };
      });
    },
  };
}

/** Contribution toward the label against the mean of the three labels, added up by word. */
function explain(model: LinearModel, x: ExplainedVector, label: number, outputs: number): { token: string; weight: number }[] {
  const byWord = new Map<string, number>();
  for (let f = 0; f < x.index.length; f++) {
    const base = x.index[f]! * outputs;
    let mean = 0;
    for (let k = 0; k < SPEECH_LABELS.length; k++) mean += model.weights[base + k]!;
    mean /= SPEECH_LABELS.length;
    const contribution = (model.weights[base + label]! - mean) * x.value[f]!;
    byWord.set(x.word[f]!, (byWord.get(x.word[f]!) ?? 0) + contribution);
  }
  return [...byWord]
    .filter(([, weight]) => weight > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, EXPLANATION_SIZE)
    .map(([token, weight]) => ({ token, weight: Number(weight.toFixed(4)) }));
}
