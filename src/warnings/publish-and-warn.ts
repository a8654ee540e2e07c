import { publishAssessment, type PublishResult } from '../assessments/assessment-workflow.repository.js';
import type { Actor } from '../assessments/workflow.js';
import type { Db } from '../db/database.js';
import { raiseFromAssessment } from './from-assessment.js';

/**
 * Publishes an assessment and, when its level rose against the previous published assessment of
 * the same scope, raises the warning for it. Two steps, not one transaction: if raising fails the
 * assessment stays published, and `tocsin warnings raise --from-assessment` raises it later
 * (raiseFromAssessment never raises twice for one assessment).
 */
export async function publishAndWarn(
  db: Db,
  id: number,
  actor: Actor,
  now: Date = new Date(),
): Promise<PublishResult & { warningId: number | null }> {
  const published = await publishAssessment(db, id, actor);
  const warning = published.levelRose ? await raiseFromAssessment(db, id, actor.id, now) : null;
  return { ...published, warningId: warning?.id ?? null };
}
