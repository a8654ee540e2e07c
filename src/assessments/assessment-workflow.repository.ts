import { TocsinError } from '../core/errors.js';
import type { Db, Queryable } from '../db/database.js';
import { levelRank, type AssessmentSummary, type Level } from './assessment.js';
import { getAssessment, lockAssessment, logAssessment, storeFactorScores } from './assessments.repository.js';
import { latestFrameworkVersion } from './rating-framework.repository.js';
import { checkPublish, checkReturn, checkRevise, checkSubmit, type Actor } from './workflow.js';

/** The author chooses the level (the suggestion is only shown beside it) and sends the draft for review. */
export async function submitAssessment(
  db: Db,
  id: number,
  input: { level: Level; summary?: string | undefined },
  actor: Actor,
): Promise<void> {
  await db.transaction(async (tx) => {
    const a = await lockAssessment(tx, id);
    checkSubmit(a, actor);
    await tx.query(
      `UPDATE assessments SET status = 'in-review', level = $2, summary = coalesce($3, summary), submitted_at = now(),
         updated_at = now() WHERE id = $1`,
      [id, input.level, input.summary ?? null],
    );
    await logAssessment(tx, id, 'submitted', { level: input.level, previousLevel: a.level }, actor.id);
  });
}

/** A reviewer sends an assessment back to draft with a note saying what must change. */
export async function returnAssessment(db: Db, id: number, input: { note: string }, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const a = await lockAssessment(tx, id);
    checkReturn(a, actor);
    await tx.query(`UPDATE assessments SET status = 'draft', updated_at = now() WHERE id = $1`, [id]);
    await logAssessment(tx, id, 'returned', { note: input.note }, actor.id);
  });
}

/** The published assessment of the same scope (country, admin1, group) published last before this one. */
async function previousPublished(db: Queryable, a: AssessmentSummary): Promise<{ id: number; level: Level } | null> {
  const [row] = await db.query<{ id: number; level: Level }>(
    `SELECT id, level FROM assessments
     WHERE status = 'published' AND id <> $1 AND country_iso3 = $2
       AND admin1 IS NOT DISTINCT FROM $3 AND group_id IS NOT DISTINCT FROM $4::integer
     ORDER BY published_at DESC, id DESC LIMIT 1`,
    [a.id, a.country, a.admin1, a.groupId],
  );
  return row ?? null;
}

export interface PublishResult {
  assessmentId: number;
  level: Level;
  previousAssessmentId: number | null;
  previousLevel: Level | null;
  /**
   * The level is above the previous published one of the same scope; with none before, above
   * no-current-concern: a first assessment at serious concern is news too.
   */
  levelRose: boolean;
}

/** A reviewer other than the author publishes; from then on the assessment never changes. */
export async function publishAssessment(db: Db, id: number, actor: Actor): Promise<PublishResult> {
  return db.transaction(async (tx) => {
    const a = await lockAssessment(tx, id);
    checkPublish(a, actor);
    if (a.level === null) throw new TocsinError('conflict', `assessment ${id} has no level: send it back to its author`);
    const previous = await previousPublished(tx, a);
    const levelRose = levelRank(a.level) > levelRank(previous?.level ?? 'no-current-concern');
    await tx.query(
      `UPDATE assessments SET status = 'published', reviewer_id = $2, published_at = now(), updated_at = now() WHERE id = $1`,
      [id, actor.id],
    );
    await logAssessment(
      tx,
      id,
      'published',
      { level: a.level, previousAssessmentId: previous?.id ?? null, previousLevel: previous?.level ?? null, levelRose },
      actor.id,
    );
    return {
      assessmentId: id,
      level: a.level,
      previousAssessmentId: previous?.id ?? null,
      previousLevel: previous?.level ?? null,
      levelRose,
    };
  });
}

/**
 * Starts a new draft for the same scope and a new period as a copy of a published assessment:
 * its summary, level and ratings, rated against the newest framework (ratings of indicators that
 * version no longer has are dropped, and the log names them).
 */
export async function reviseAssessment(
  db: Db,
  id: number,
  period: { periodStart: string; periodEnd: string },
  actor: Actor,
): Promise<number> {
  return db.transaction(async (tx) => {
    const a = await lockAssessment(tx, id);
    checkRevise(a, actor);
    const later = await tx.query<{ id: number }>(
      `SELECT id FROM assessments WHERE status = 'published' AND id <> $1 AND country_iso3 = $2
         AND admin1 IS NOT DISTINCT FROM $3 AND group_id IS NOT DISTINCT FROM $4::integer AND published_at > $5::timestamptz`,
      [id, a.country, a.admin1, a.groupId, a.publishedAt],
    );
    if (later.length)
      throw new TocsinError(
        'conflict',
        `assessment ${later[0]!.id} was published after ${id} for the same scope: revise that one`,
      );
    const version = await latestFrameworkVersion(tx);
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO assessments (country_iso3, admin1, group_id, period_start, period_end, framework_version, level, summary, author_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [a.country, a.admin1, a.groupId, period.periodStart, period.periodEnd, version, a.level, a.summary, actor.id],
    );
    const copy = row!.id;
    const copied = await tx.query<{ indicator_id: string }>(
      `INSERT INTO assessment_ratings (assessment_id, indicator_id, rating, confidence, rationale, evidence, rated_by, rated_at)
       SELECT $1, r.indicator_id, r.rating, r.confidence, r.rationale, r.evidence, r.rated_by, r.rated_at
       FROM assessment_ratings r JOIN risk_indicators i ON i.version = $3 AND i.id = r.indicator_id
       WHERE r.assessment_id = $2 RETURNING indicator_id`,
      [copy, id, version],
    );
    const kept = new Set(copied.map((r) => r.indicator_id));
    const dropped = (await getAssessment(tx, id)).ratings.map((r) => r.indicatorId).filter((i) => !kept.has(i));
    await storeFactorScores(tx, copy, version);
    await logAssessment(
      tx,
      copy,
      'revised-from',
      { from: id, frameworkVersion: version, copied: kept.size, dropped, ...period },
      actor.id,
    );
    return copy;
  });
}
