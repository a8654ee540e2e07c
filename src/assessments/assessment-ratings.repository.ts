import { TocsinError } from '../core/errors.js';
import type { Db, Queryable } from '../db/database.js';
import { FORECAST_REF, type EvidenceLink, type RatingInput } from './assessment.js';
import { lockAssessment, logAssessment, storeFactorScores } from './assessments.repository.js';
import { checkEdit, type Actor } from './workflow.js';

/** Refuses links to events, signals or forecasts that are not in the store, naming each. */
export async function checkEvidence(db: Queryable, links: readonly EvidenceLink[]): Promise<void> {
  const ids = (kind: 'event' | 'signal') => links.filter((l) => l.kind === kind).map((l) => Number(l.id));
  const missing: string[] = [];
  for (const [kind, table] of [
    ['event', 'events'],
    ['signal', 'signals'],
  ] as const) {
    const wanted = ids(kind);
    if (wanted.length === 0) continue;
    const found = await db.query<{ id: number }>(`SELECT id FROM ${table} WHERE id = ANY($1::bigint[])`, [wanted]);
    const have = new Set(found.map((r) => Number(r.id)));
    missing.push(...wanted.filter((id) => !have.has(id)).map((id) => `${kind} ${id}`));
  }
  for (const l of links.filter((x) => x.kind === 'forecast')) {
    const [, model, country, year] = FORECAST_REF.exec(String(l.id))!;
    const [found] = await db.query('SELECT 1 FROM country_forecasts WHERE model_id = $1 AND country_iso3 = $2 AND year = $3', [
      Number(model),
      country,
      Number(year),
    ]);
    if (!found) missing.push(`forecast ${l.id}`);
  }
  if (missing.length)
    throw new TocsinError('invalid_input', `evidence: not in the store: ${missing.join(', ')}`, { field: 'evidence', missing });
}

/**
 * Rates one indicator of a draft (a new rating or a changed one), stores the factor scores again and
 * logs the change with the rating it replaced.
 */
export async function rateIndicator(db: Db, id: number, indicatorId: string, input: RatingInput, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const a = await lockAssessment(tx, id);
    checkEdit(a, actor);
    const [indicator] = await tx.query('SELECT 1 FROM risk_indicators WHERE version = $1 AND id = $2', [
      a.frameworkVersion,
      indicatorId,
    ]);
    if (!indicator)
      throw new TocsinError(
        'invalid_input',
        `indicator: ${indicatorId} is not an indicator of framework version ${a.frameworkVersion}, which assessment ${id} is rated against`,
        { field: 'indicator' },
      );
    await checkEvidence(tx, input.evidence);
    const [previous] = await tx.query<{ rating: string; confidence: string }>(
      'SELECT rating, confidence FROM assessment_ratings WHERE assessment_id = $1 AND indicator_id = $2',
      [id, indicatorId],
    );
    await tx.query(
      `INSERT INTO assessment_ratings (assessment_id, indicator_id, rating, confidence, rationale, evidence, rated_by, rated_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, now())
       ON CONFLICT (assessment_id, indicator_id) DO UPDATE SET rating = EXCLUDED.rating, confidence = EXCLUDED.confidence,
         rationale = EXCLUDED.rationale, evidence = EXCLUDED.evidence, rated_by = EXCLUDED.rated_by, rated_at = now()`,
      [id, indicatorId, input.rating, input.confidence, input.rationale, JSON.stringify(input.evidence), actor.id],
    );
    await storeFactorScores(tx, id, a.frameworkVersion);
    await logAssessment(
      tx,
      id,
      'rated',
      {
        indicatorId,
        rating: input.rating,
        confidence: input.confidence,
        evidence: input.evidence.length,
        previous: previous ?? null,
      },
      actor.id,
    );
  });
}
