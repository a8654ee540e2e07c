import { countryByIso3 } from '../../countries/countries.js';
import { TocsinError } from '../../core/errors.js';
import type { Db, Queryable } from '../../db/database.js';
import type { SpeechLabel } from '../corpora/corpus.js';
import { ITEM_COLUMNS, toSpeechItem, type SpeechItem } from '../items/speech-items.repository.js';
import { decisionProblem, type Rabat, type ReviewDecision, type SpeechReviewInput } from './rabat.js';

export interface SpeechScore {
  modelId: number;
  label: SpeechLabel;
  pHate: number;
  pOffensive: number;
  pNormal: number;
  targets: string[];
  /** The words that drove the score, strongest first. */
  explanation: { token: string; weight: number }[];
  scoredAt: string;
}

export interface SpeechReview {
  rabat: Rabat;
  decision: ReviewDecision;
  group: { id: number; name: string } | null;
  country: string | null;
  admin1: string | null;
  note: string;
  reviewedBy: string | null;
  reviewedAt: string;
}

export interface QueueEntry {
  item: SpeechItem;
  score: SpeechScore;
}

export const DEFAULT_QUEUE_THRESHOLD = 0.5;

const iso = (t: Date | string): string => new Date(t).toISOString();
const toScore = (r: Record<string, unknown>): SpeechScore => ({
  modelId: r.model_id as number,
  label: r.label as SpeechLabel,
  pHate: r.p_hate as number,
  pOffensive: r.p_offensive as number,
  pNormal: r.p_normal as number,
  targets: r.targets as string[],
  explanation: r.explanation as SpeechScore['explanation'],
  scoredAt: iso(r.scored_at as string),
});
const SCORE_COLUMNS = 's.model_id, s.label, s.p_hate, s.p_offensive, s.p_normal, s.targets, s.explanation, s.scored_at';

/**
 * Items waiting for an analyst: scored by the model (the newest that scored anything, unless
 * named) at or above the threshold of hate speech probability, not yet reviewed, highest first.
 */
export async function listQueue(
  db: Queryable,
  o: { threshold?: number; modelId?: number | undefined; country?: string | undefined; limit?: number } = {},
): Promise<QueueEntry[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT ${ITEM_COLUMNS}, ${SCORE_COLUMNS}
     FROM speech_scores s JOIN speech_items i ON i.id = s.item_id
     WHERE s.model_id = COALESCE($1::int, (SELECT max(model_id) FROM speech_scores)) AND s.p_hate >= $2
       AND ($3::text IS NULL OR i.country_iso3 = $3)
       AND NOT EXISTS (SELECT 1 FROM speech_reviews r WHERE r.item_id = i.id)
     ORDER BY s.p_hate DESC, i.id LIMIT $4`,
    [o.modelId ?? null, o.threshold ?? DEFAULT_QUEUE_THRESHOLD, o.country ?? null, o.limit ?? 100],
  );
  return rows.map((r) => ({ item: toSpeechItem(r as never), score: toScore(r) }));
}

async function readReview(db: Queryable, itemId: number): Promise<SpeechReview | null> {
  const [r] = await db.query<Record<string, unknown>>(
    `SELECT r.rabat, r.decision, r.group_id, g.name AS group_name, r.country_iso3, r.admin1, r.note, u.username, r.reviewed_at
     FROM speech_reviews r LEFT JOIN protected_groups g ON g.id = r.group_id LEFT JOIN users u ON u.id = r.reviewer_id
     WHERE r.item_id = $1`,
    [itemId],
  );
  if (!r) return null;
  return {
    rabat: r.rabat as Rabat,
    decision: r.decision as ReviewDecision,
    group: r.group_id === null ? null : { id: r.group_id as number, name: r.group_name as string },
    country: r.country_iso3 as string | null,
    admin1: r.admin1 as string | null,
    note: r.note as string,
    reviewedBy: r.username as string | null,
    reviewedAt: iso(r.reviewed_at as string),
  };
}

/** One item with its scores (newest model first) and its review, if any. */
export async function getQueueItem(
  db: Queryable,
  id: number,
): Promise<{ item: SpeechItem; scores: SpeechScore[]; review: SpeechReview | null }> {
  const [row] = await db.query<Record<string, unknown>>(`SELECT ${ITEM_COLUMNS} FROM speech_items i WHERE i.id = $1`, [id]);
  if (!row) throw new TocsinError('not_found', `no speech item ${id}`);
  const scores = await db.query<Record<string, unknown>>(
    `SELECT ${SCORE_COLUMNS} FROM speech_scores s WHERE s.item_id = $1 ORDER BY s.model_id DESC`,
    [id],
  );
  return { item: toSpeechItem(row as never), scores: scores.map(toScore), review: await readReview(db, id) };
}

/**
 * Records the analyst's Rabat review of an item, once. Refused (saying where) when the decision
 * does not follow from the six parts, or the group is not one of the place's country.
 */
export async function recordReview(
  db: Db,
  itemId: number,
  input: SpeechReviewInput,
  userId: number | null,
): Promise<SpeechReview> {
  const problem = decisionProblem(input.rabat, input.decision);
  if (problem)
    throw new TocsinError('invalid_input', `rabat.${problem.part}: ${problem.reason}`, { field: `rabat.${problem.part}` });
  if (input.country !== null && !countryByIso3(input.country))
    throw new TocsinError('invalid_input', `country: no country ${input.country}`, { field: 'country' });
  await db.transaction(async (tx) => {
    const [item] = await tx.query<{ country_iso3: string | null; reviewed: boolean }>(
      `SELECT i.country_iso3, EXISTS (SELECT 1 FROM speech_reviews r WHERE r.item_id = i.id) AS reviewed
       FROM speech_items i WHERE i.id = $1 FOR UPDATE`,
      [itemId],
    );
    if (!item) throw new TocsinError('not_found', `no speech item ${itemId}`);
    if (item.reviewed) throw new TocsinError('conflict', `speech item ${itemId} is already reviewed`);
    const country = input.country ?? item.country_iso3;
    if (input.groupId !== null) {
      const [g] = await tx.query<{ country_iso3: string }>('SELECT country_iso3 FROM protected_groups WHERE id = $1', [
        input.groupId,
      ]);
      if (!g) throw new TocsinError('invalid_input', `groupId: no protected group ${input.groupId}`, { field: 'groupId' });
      if (g.country_iso3 !== country)
        throw new TocsinError(
          'invalid_input',
          `groupId: group ${input.groupId} is a group of ${g.country_iso3}, not of ${country ?? 'an unknown country'} (set country)`,
          { field: 'groupId' },
        );
    }
    // Two analysts on the same post at once: the second finds the first's review and is refused.
    const stored = await tx.query(
      `INSERT INTO speech_reviews (item_id, rabat, decision, group_id, country_iso3, admin1, note, reviewer_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (item_id) DO NOTHING RETURNING item_id`,
      [itemId, JSON.stringify(input.rabat), input.decision, input.groupId, country, input.admin1, input.note, userId],
    );
    if (stored.length === 0) throw new TocsinError('conflict', `speech item ${itemId} is already reviewed`);
  });
  return (await readReview(db, itemId))!;
}
