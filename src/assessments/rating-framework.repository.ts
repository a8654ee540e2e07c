import { TocsinError } from '../core/errors.js';
import type { Queryable } from '../db/database.js';
import type { FrameworkFactor } from './assessment.js';

/** The newest version of the Framework of Analysis in the store (new assessments are rated against it). */
export async function latestFrameworkVersion(db: Queryable): Promise<number> {
  const [row] = await db.query<{ version: number | null }>('SELECT max(version) AS version FROM framework_versions');
  if (row?.version == null)
    throw new TocsinError('unavailable', 'the Framework of Analysis is not in the store yet: no version to rate against');
  return row.version;
}

/** The factors and indicators of one framework version, in order. */
export async function readRatingFramework(db: Queryable, version: number): Promise<FrameworkFactor[]> {
  const factors = await db.query<{ id: string; number: number; title: string; scope: string }>(
    'SELECT id, number, title, scope FROM risk_factors WHERE version = $1 ORDER BY number',
    [version],
  );
  const indicators = await db.query<{ id: string; factor_id: string; position: number; text: string }>(
    'SELECT id, factor_id, position, text FROM risk_indicators WHERE version = $1 ORDER BY factor_id, position',
    [version],
  );
  return factors.map((f) => ({
    ...f,
    indicators: indicators
      .filter((i) => i.factor_id === f.id)
      .map((i) => ({ id: i.id, factorId: i.factor_id, position: i.position, text: i.text })),
  }));
}
