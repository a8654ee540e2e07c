import { TocsinError } from '../core/errors.js';
import { SPEECH_LABELS, type LabelledPost, type SpeechLabel } from './corpora/corpus.js';
import { macroAuroc } from './metrics/auroc.js';
import { biasReport, type BiasReport } from './metrics/bias.js';
import { accuracy, confusionMatrix, macroF1, perClassScores, type ClassScores } from './metrics/classification.js';
import { targetF1, type TargetF1 } from './metrics/target-f1.js';
import type { SpeechClassifier, SpeechPrediction } from './model/speech-model.js';

/**
 * Scores a classifier on labelled posts (issue 7, Evaluation): the HateXplain paper's figures as one
 * JSON-ready object. Posts without a label (no annotator majority) are left out, as the paper does.
 * Only the classes present among the posts are scored (MLMA or a sample may lack one): macro-F1 and
 * macro AUROC average over those. Target-group F1 and the bias metrics need `groups`; with none
 * (Davidson) they are null.
 */
export interface SpeechEvaluation {
  /** Labelled posts scored. */
  n: number;
  /** Posts left out because they have no label. */
  unlabelled: number;
  /** Classes present among the scored posts, in SPEECH_LABELS order. */
  classes: SpeechLabel[];
  accuracy: number;
  macro_f1: number;
  macro_auroc: number | null;
  per_class: Partial<Record<SpeechLabel, ClassScores>>;
  /** confusion[true][predicted], rows and columns in SPEECH_LABELS order. */
  confusion: number[][];
  /** A group counts as predicted when its probability is at least this. */
  target_threshold: number;
  target_f1: TargetF1 | null;
  /** On the toxic score p(hatespeech) + p(offensive); toxic = label hatespeech or offensive. */
  bias: BiasReport | null;
}

export const TARGET_THRESHOLD = 0.5;
const BATCH = 2000;

function predictAll(classifier: SpeechClassifier, texts: readonly string[]): SpeechPrediction[] {
  const out: SpeechPrediction[] = [];
  for (let i = 0; i < texts.length; i += BATCH) {
    const batch = texts.slice(i, i + BATCH);
    const predictions = classifier.predict(batch);
    if (predictions.length !== batch.length) {
      throw new TocsinError('internal', `the classifier returned ${predictions.length} predictions for ${batch.length} posts`);
    }
    predictions.forEach((p, k) => {
      if (p.probs.length !== SPEECH_LABELS.length || p.probs.some((x) => !Number.isFinite(x))) {
        throw new TocsinError('internal', `the classifier returned invalid probabilities for post ${i + k}`, { post: i + k });
      }
    });
    out.push(...predictions);
  }
  return out;
}

export function evaluate(
  classifier: SpeechClassifier,
  posts: readonly LabelledPost[],
  groups: readonly string[],
): SpeechEvaluation {
  const labelled = posts.filter((p): p is LabelledPost & { label: SpeechLabel } => p.label !== null);
  if (labelled.length === 0) throw new TocsinError('invalid_input', 'no labelled post to evaluate on', { field: 'posts' });
  const predictions = predictAll(
    classifier,
    labelled.map((p) => p.text),
  );
  const truth = labelled.map((p) => SPEECH_LABELS.indexOf(p.label));
  const predicted = predictions.map((p) => SPEECH_LABELS.indexOf(p.label));
  const bad = predicted.indexOf(-1);
  if (bad >= 0) throw new TocsinError('internal', `the classifier returned an unknown label for post ${bad}`, { post: bad });

  const present = SPEECH_LABELS.map((_, c) => truth.includes(c));
  const scores = perClassScores(truth, predicted, SPEECH_LABELS.length);
  const perClass: Partial<Record<SpeechLabel, ClassScores>> = {};
  SPEECH_LABELS.forEach((label, c) => {
    if (present[c]) perClass[label] = scores[c]!;
  });

  const groupSet = new Set(groups);
  const hasGroups = groups.length > 0;
  return {
    n: labelled.length,
    unlabelled: posts.length - labelled.length,
    classes: SPEECH_LABELS.filter((_, c) => present[c]),
    accuracy: accuracy(truth, predicted),
    macro_f1: macroF1(scores.filter((_, c) => present[c])),
    macro_auroc: macroAuroc(
      predictions.map((p) => p.probs),
      truth,
      SPEECH_LABELS.length,
    ),
    per_class: perClass,
    confusion: confusionMatrix(truth, predicted, SPEECH_LABELS.length),
    target_threshold: TARGET_THRESHOLD,
    target_f1: hasGroups
      ? targetF1(
          labelled.map((p) => p.targets.filter((g) => groupSet.has(g))),
          predictions.map((p) => p.targets.filter((t) => t.p >= TARGET_THRESHOLD && groupSet.has(t.group)).map((t) => t.group)),
          groups,
        )
      : null,
    bias: hasGroups
      ? biasReport(
          labelled.map((p, i) => ({
            score: predictions[i]!.probs[0] + predictions[i]!.probs[1],
            toxic: p.label !== 'normal',
            groups: p.targets,
          })),
          groups,
        )
      : null,
  };
}
