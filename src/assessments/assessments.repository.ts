import type { Iso3, IsoDate } from '../core/brand.js';
import { TocsinError } from '../core/errors.js';
import type { Queryable } from '../db/database.js';
import type {
  Assessment,
  AssessmentScope,
  AssessmentStatus,
  AssessmentSummary,
  Confidence,
  EvidenceLink,
  IndicatorRating,
  Level,
  NewAssessment,
  Rating,
} from './assessment.js';
import { latestFrameworkVersion, readRatingFramework } from './rating-framework.repository.js';
import { scoreFactors, scoreMap } from './scoring.js';
import { DRAFTERS, type Actor } from './workflow.js';

interface AssessmentRow {
  id: number;
  country_iso3: Iso3;
  admin1: string | null;
  group_id: number | null;
  period_start: IsoDate;
  period_end: IsoDate;
  framework_version: number;
  status: AssessmentStatus;
  level: Level | null;
  summary: string;
  factor_scores: Record<string, number | null> | null;
  author_id: number | null;
  author: string | null;
  reviewer: string | null;
  created_at: Date | string;
  updated_at: Date | string;
  submitted_at: Date | string | null;
  published_at: Date | string | null;
}

const iso = (t: Date | string | null): string | null => (t === null ? null : new Date(t).toISOString());

export const toSummary = (r: AssessmentRow): AssessmentSummary => ({
  id: r.id,
  country: r.country_iso3,
  admin1: r.admin1,
  groupId: r.group_id,
  periodStart: r.period_start,
  periodEnd: r.period_end,
  frameworkVersion: r.framework_version,
  status: r.status,
  level: r.level,
  summary: r.summary,
  factorScores: r.factor_scores ?? {},
  author: r.author,
  authorId: r.author_id,
  reviewer: r.reviewer,
  createdAt: iso(r.created_at)!,
  updatedAt: iso(r.updated_at)!,
  submittedAt: iso(r.submitted_at),
  publishedAt: iso(r.published_at),
});

export const SELECT_ASSESSMENT = `SELECT a.id, a.country_iso3, a.admin1, a.group_id, a.period_start, a.period_end, a.framework_version,
  a.status, a.level, a.summary, a.factor_scores, a.author_id, au.username AS author, rv.username AS reviewer,
  a.created_at, a.updated_at, a.submitted_at, a.published_at
  FROM assessments a LEFT JOIN users au ON au.id = a.author_id LEFT JOIN users rv ON rv.id = a.reviewer_id`;

/** Appends one line to an assessment's history. */
export async function logAssessment(
  db: Queryable,
  id: number,
  action: string,
  detail: Record<string, unknown>,
  userId: number | null,
): Promise<void> {
  await db.query('INSERT INTO assessment_log (assessment_id, action, detail, user_id) VALUES ($1, $2, $3::jsonb, $4)', [
    id,
    action,
    JSON.stringify(detail),
    userId,
  ]);
}

/** The assessment as stored, for a change: locked until the transaction ends. */
export async function lockAssessment(db: Queryable, id: number): Promise<AssessmentSummary> {
  const [row] = await db.query<AssessmentRow>(`${SELECT_ASSESSMENT} WHERE a.id = $1 FOR UPDATE OF a`, [id]);
  if (!row) throw new TocsinError('not_found', `no assessment ${id}`);
  return toSummary(row);
}

/** Recomputes and stores the factor scores from the ratings (after every save). */
export async function storeFactorScores(db: Queryable, id: number, frameworkVersion: number): Promise<void> {
  const factors = await readRatingFramework(db, frameworkVersion);
  const ratings = await db.query<{ indicatorId: string; rating: Rating; confidence: Confidence }>(
    'SELECT indicator_id AS "indicatorId", rating, confidence FROM assessment_ratings WHERE assessment_id = $1',
    [id],
  );
  await db.query('UPDATE assessments SET factor_scores = $2::jsonb, updated_at = now() WHERE id = $1', [
    id,
    JSON.stringify(scoreMap(scoreFactors(factors, ratings))),
  ]);
}

/** Checks that the country exists and that the group, if any, belongs to it. */
async function checkScope(db: Queryable, s: AssessmentScope): Promise<void> {
  const [country] = await db.query('SELECT 1 FROM countries WHERE iso3 = $1', [s.country]);
  if (!country) throw new TocsinError('invalid_input', `country: no country ${s.country}`, { field: 'country' });
  if (s.groupId === null) return;
  const [group] = await db.query<{ country_iso3: string; name: string }>(
    'SELECT country_iso3, name FROM protected_groups WHERE id = $1',
    [s.groupId],
  );
  if (!group) throw new TocsinError('invalid_input', `groupId: no protected group ${s.groupId}`, { field: 'groupId' });
  if (group.country_iso3 !== s.country)
    throw new TocsinError(
      'invalid_input',
      `groupId: group ${s.groupId} (${group.name}) is a group of ${group.country_iso3}, not of ${s.country}`,
      { field: 'groupId' },
    );
}

/** Opens a draft for a country (optionally an admin1 region or a group) and a period, against the newest framework. */
export async function createAssessment(db: Queryable, input: NewAssessment, actor: Actor): Promise<number> {
  if (!DRAFTERS.includes(actor.role))
    throw new TocsinError('forbidden', `drafting an assessment needs one of the roles: ${DRAFTERS.join(', ')}`);
  const scope: AssessmentScope = { country: input.country, admin1: input.admin1 ?? null, groupId: input.groupId ?? null };
  await checkScope(db, scope);
  const version = await latestFrameworkVersion(db);
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO assessments (country_iso3, admin1, group_id, period_start, period_end, framework_version, summary, author_id, factor_scores)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '{}') RETURNING id`,
    [scope.country, scope.admin1, scope.groupId, input.periodStart, input.periodEnd, version, input.summary, actor.id],
  );
  const id = row!.id;
  await storeFactorScores(db, id, version);
  await logAssessment(
    db,
    id,
    'created',
    { ...scope, periodStart: input.periodStart, periodEnd: input.periodEnd, frameworkVersion: version },
    actor.id,
  );
  return id;
}

interface RatingRow {
  indicator_id: string;
  rating: Rating;
  confidence: Confidence;
  rationale: string;
  evidence: EvidenceLink[];
  rated_by: string | null;
  rated_at: Date | string;
}

/** One assessment with its ratings. */
export async function getAssessment(db: Queryable, id: number): Promise<Assessment> {
  const [row] = await db.query<AssessmentRow>(`${SELECT_ASSESSMENT} WHERE a.id = $1`, [id]);
  if (!row) throw new TocsinError('not_found', `no assessment ${id}`);
  const ratings = await db.query<RatingRow>(
    `SELECT r.indicator_id, r.rating, r.confidence, r.rationale, r.evidence, u.username AS rated_by, r.rated_at
     FROM assessment_ratings r LEFT JOIN users u ON u.id = r.rated_by WHERE r.assessment_id = $1`,
    [id],
  );
  const toRating = (r: RatingRow): IndicatorRating => ({
    indicatorId: r.indicator_id,
    rating: r.rating,
    confidence: r.confidence,
    rationale: r.rationale,
    evidence: r.evidence,
    ratedBy: r.rated_by,
    ratedAt: iso(r.rated_at)!,
  });
  const ratingsInOrder = ratings
    .map(toRating)
    .sort((a, b) => a.indicatorId.localeCompare(b.indicatorId, 'en', { numeric: true }));
  return { ...toSummary(row), ratings: ratingsInOrder };
}

export interface AssessmentFilter {
  country?: Iso3 | undefined;
  status?: AssessmentStatus | undefined;
  limit: number;
}

/** Assessments, the most recent period first. */
export async function listAssessments(db: Queryable, f: AssessmentFilter): Promise<AssessmentSummary[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  if (f.country) where.push(`a.country_iso3 = $${params.push(f.country)}`);
  if (f.status) where.push(`a.status = $${params.push(f.status)}`);
  const rows = await db.query<AssessmentRow>(
    `${SELECT_ASSESSMENT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY a.period_end DESC, a.id DESC LIMIT $${params.push(f.limit)}`,
    params,
  );
  return rows.map(toSummary);
}

export interface AssessmentLogEntry {
  id: number;
  action: string;
  detail: Record<string, unknown>;
  user: string | null;
  at: string;
}

/** Every change of an assessment, oldest first. */
export async function assessmentHistory(db: Queryable, id: number): Promise<AssessmentLogEntry[]> {
  const [exists] = await db.query('SELECT 1 FROM assessments WHERE id = $1', [id]);
  if (!exists) throw new TocsinError('not_found', `no assessment ${id}`);
  const rows = await db.query<{
    id: number;
    action: string;
    detail: Record<string, unknown>;
    user: string | null;
    at: Date | string;
  }>(
    `SELECT l.id, l.action, l.detail, u.username AS "user", l.at
     FROM assessment_log l LEFT JOIN users u ON u.id = l.user_id WHERE l.assessment_id = $1 ORDER BY l.id`,
    [id],
  );
  return rows.map((r) => ({ ...r, at: iso(r.at)! }));
}

/** The latest published assessment of each country at country scope (no admin1, no group). */
export async function latestPublishedByCountry(db: Queryable): Promise<AssessmentSummary[]> {
  const rows = await db.query<AssessmentRow>(
    `${SELECT_ASSESSMENT} WHERE a.id IN (SELECT DISTINCT ON (country_iso3) id FROM assessments
         WHERE status = 'published' AND admin1 IS NULL AND group_id IS NULL
         ORDER BY country_iso3, published_at DESC, id DESC)
       ORDER BY a.country_iso3`,
  );
  return rows.map(toSummary);
}
