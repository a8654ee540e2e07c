import type { Db } from '../../db/database.js';
import type { SpeechClassifier, SpeechPrediction } from '../model/speech-model.js';

/** A target group is recorded on a score when the classifier gives it at least this probability. */
export const TARGET_THRESHOLD = 0.5;
/** The words kept with a score: the strongest, as the classifier ranked them. */
export const EXPLANATION_WORDS = 10;

export interface ScoreReport {
  modelId: number;
  scored: number;
  seconds: number;
}

/** The stored form of one prediction (pure). */
export function scoreRow(itemId: number, p: SpeechPrediction) {
  return {
    item_id: itemId,
    label: p.label,
    p_hate: p.probs[0],
    p_offensive: p.probs[1],
    p_normal: p.probs[2],
    targets: p.targets.filter((t) => t.p >= TARGET_THRESHOLD).map((t) => t.group),
    explanation: p.explanation.slice(0, EXPLANATION_WORDS),
  };
}

/**
 * Scores the items the model has not scored yet (posted on or after `since` when given), in
 * batches by id, each stored in one statement: an interrupted run keeps what it scored and the
 * next run carries on. Every score keeps the words that drove it.
 */
export async function scoreItems(
  db: Db,
  classifier: SpeechClassifier,
  modelId: number,
  o: { since?: string | undefined; batchSize?: number; now?: () => number } = {},
): Promise<ScoreReport> {
  const batchSize = o.batchSize ?? 1_000;
  const now = o.now ?? Date.now;
  const started = now();
  let after = 0;
  let scored = 0;
  for (;;) {
    const items = await db.query<{ id: number; text: string }>(
      `SELECT i.id, i.text FROM speech_items i
       WHERE i.id > $1 AND ($3::timestamptz IS NULL OR i.posted_at >= $3)
         AND NOT EXISTS (SELECT 1 FROM speech_scores s WHERE s.item_id = i.id AND s.model_id = $2)
       ORDER BY i.id LIMIT $4`,
      [after, modelId, o.since ?? null, batchSize],
    );
    if (items.length === 0) break;
    const predictions = classifier.predict(
      items.map((i) => i.text),
      { explain: true },
    );
    const rows = items.map((item, k) => scoreRow(item.id, predictions[k]!));
    await db.query(
      `INSERT INTO speech_scores (item_id, model_id, label, p_hate, p_offensive, p_normal, targets, explanation)
       SELECT item_id, $1, label, p_hate, p_offensive, p_normal, ARRAY(SELECT json_array_elements_text(targets)), explanation
       FROM json_to_recordset($2::json) AS r(item_id bigint, label text, p_hate float8, p_offensive float8, p_normal float8,
         targets json, explanation jsonb)
       ON CONFLICT (item_id, model_id) DO NOTHING`,
      [modelId, JSON.stringify(rows)],
    );
    scored += rows.length;
    after = items.at(-1)!.id;
  }
  return { modelId, scored, seconds: (now() - started) / 1000 };
}
