import { countryByIso3 } from '../countries/countries.js';
import { TocsinError } from '../core/errors.js';
import type { Db } from '../db/database.js';
import { storeWarning } from './raise-warning.js';
import { highestScoredFactors, levelRank, severityOfLevel, type Level } from './severity-rules.js';
import type { Warning } from './warning.js';

interface AssessmentRow {
  id: number;
  country_iso3: string;
  admin1: string | null;
  group_id: number | null;
  status: string;
  level: Level | null;
  summary: string;
  factor_scores: Record<string, unknown> | null;
  published_at: Date | string | null;
}

/**
 * Raises a warning from a published assessment whose level rose above the previous published
 * assessment of the same scope (country, admin1, group); a first assessment rose from
 * 'no-current-concern'. Risk factors: those scored highest. Returns null when the level did not
 * rise or the assessment has already raised its warning (call it again safely).
 */
export async function raiseFromAssessment(
  db: Db,
  assessmentId: number,
  by: number | null,
  now: Date = new Date(),
): Promise<Warning | null> {
  const [a] = await db.query<AssessmentRow>(
    'SELECT id, country_iso3, admin1, group_id, status, level, summary, factor_scores, published_at FROM assessments WHERE id = $1',
    [assessmentId],
  );
  if (!a) throw new TocsinError('not_found', `no assessment ${assessmentId}`);
  if (a.status !== 'published' || !a.level || !a.published_at)
    throw new TocsinError('conflict', `assessment ${assessmentId} is ${a.status}: only published assessments raise warnings`);
  const [previous] = await db.query<{ level: Level }>(
    `SELECT level FROM assessments
     WHERE status = 'published' AND id <> $1 AND country_iso3 = $2 AND admin1 IS NOT DISTINCT FROM $3
       AND group_id IS NOT DISTINCT FROM $4 AND level IS NOT NULL AND (published_at, id) < ($5::timestamptz, $1)
     ORDER BY published_at DESC, id DESC LIMIT 1`,
    [a.id, a.country_iso3, a.admin1, a.group_id, new Date(a.published_at).toISOString()],
  );
  const before: Level = previous?.level ?? 'no-current-concern';
  if (levelRank(a.level) <= levelRank(before)) return null;
  const place = [a.admin1, countryByIso3(a.country_iso3)?.name ?? a.country_iso3].filter(Boolean).join(', ');
  const words = (l: Level) => l.replaceAll('-', ' ');
  return storeWarning(
    db,
    {
      title: `Assessment of ${place}: ${words(a.level)} (was ${words(before)})`,
      summary: a.summary || `The published assessment ${a.id} raised the level from ${words(before)} to ${words(a.level)}.`,
      severity: severityOfLevel(a.level),
      country: a.country_iso3,
      admin1: a.admin1,
      origin: 'assessment',
      assessmentId: a.id,
      riskFactors: highestScoredFactors(a.factor_scores),
      evidence: [{ kind: 'assessment', id: a.id }],
      groupIds: a.group_id === null ? [] : [a.group_id],
    },
    { by, now },
  );
}
