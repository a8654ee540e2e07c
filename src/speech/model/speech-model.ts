/**
 * The shared face of a hate speech classifier (issue 7): what a prediction holds and what every
 * classifier offers. `loadSpeechModel` reads a trained model from the data directory (its file
 * checked against the hash recorded with it) and hands back a ready classifier.
 */
import type { SpeechLabel } from '../corpora/corpus.js';

export interface SpeechPrediction {
  /** Probabilities in SPEECH_LABELS order: hatespeech, offensive, normal. */
  probs: [number, number, number];
  label: SpeechLabel;
  /** Target groups, each with the probability that the post targets it, most likely first. */
  targets: { group: string; p: number }[];
  /** The words (and word pairs) that pushed hardest toward the predicted label; empty unless asked. */
  explanation: { token: string; weight: number }[];
}

export interface SpeechClassifier {
  targetGroups: readonly string[];
  predict(texts: readonly string[], o?: { explain?: boolean }): SpeechPrediction[];
}

export { loadSpeechModel } from './model-store.js';
