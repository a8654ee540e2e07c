import type { Queryable } from '../db/database.js';
import { SPEECH_LABELS, type SpeechLabel } from '../speech/corpora/corpus.js';
import type { SpeechClassifier, SpeechPrediction } from '../speech/model/speech-model.js';

/**
 * A small real classifier for tests: each known word adds its weight to one class's score, the
 * probabilities are the softmax of the scores, a group is targeted when one of its words occurs,
 * and the explanation is the words that pushed toward the predicted label.
 */
export function keywordClassifier(
  weights: Readonly<Record<string, { label: SpeechLabel; weight: number }>>,
  groupWords: Readonly<Record<string, readonly string[]>> = {},
): SpeechClassifier {
  const targetGroups = Object.keys(groupWords);
  const predictOne = (text: string, explain: boolean): SpeechPrediction => {
    const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    const scores = [0, 0, 1]; // normal unless words say otherwise
    for (const w of words) {
      const k = weights[w];
      if (k) scores[SPEECH_LABELS.indexOf(k.label)]! += k.weight;
    }
    const max = Math.max(...scores);
    const exps = scores.map((s) => Math.exp(s - max));
    const total = exps.reduce((a, b) => a + b, 0);
    const probs = exps.map((e) => e / total) as [number, number, number];
    const label = SPEECH_LABELS[probs.indexOf(Math.max(...probs))]!;
    const seen = new Set(words);
    return {
      probs,
      label,
      targets: targetGroups
        .map((group) => ({ group, p: groupWords[group]!.some((w) => seen.has(w)) ? 0.9 : 0.05 }))
        .sort((a, b) => b.p - a.p),
      explanation: explain
        ? [...seen]
            .filter((w) => weights[w]?.label === label)
            .map((token) => ({ token, weight: weights[token]!.weight }))
            .sort((a, b) => b.weight - a.weight)
        : [],
    };
  };
  return { targetGroups, predict: (texts, o) => texts.map((t) => predictOne(t, o?.explain ?? false)) };
}

/** Records a model row for scores to point at (what `speech train` stores), returning its id. */
export async function recordTestModel(db: Queryable): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO speech_models (name, kind, file, file_sha256, data_sha256, settings, code_version)
     VALUES ('keywords', 'keyword-test', 'models/none', '0', '0', '{}', 'test') RETURNING id`,
  );
  return row!.id;
}
