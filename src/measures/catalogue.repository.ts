import type { Queryable } from '../db/database.js';
import { SHIPPED_CATALOGUE } from './catalogue.js';
import { MEASURE_KINDS, type CatalogueMeasure, type RecommendedMeasure } from './measure.js';
import { DEFAULT_RECOMMENDATIONS, rankMeasures } from './recommend.js';

/**
 * Brings `measure_catalogue` in line with the catalogue shipped with the code (at every open, after
 * the countries): new entries inserted, changed wording updated, entries no longer shipped marked
 * inactive rather than deleted, since measures already recorded on warnings may name them. Rows that
 * did not change are not rewritten, and `warning_measures` is never touched.
 */
export async function ensureMeasureCatalogue(db: Queryable): Promise<void> {
  const rows = SHIPPED_CATALOGUE.map((m) => ({
    id: m.id,
    kind: m.kind,
    title: m.title,
    description: m.description,
    risk_factors: m.riskFactors,
  }));
  await db.query(
    `WITH shipped AS (
       SELECT * FROM json_to_recordset($1::json) AS r(id text, kind text, title text, description text, risk_factors text[])
     ), upserted AS (
       INSERT INTO measure_catalogue (id, kind, title, description, risk_factors, active)
       SELECT id, kind, title, description, risk_factors, true FROM shipped
       ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, title = EXCLUDED.title, description = EXCLUDED.description,
         risk_factors = EXCLUDED.risk_factors, active = true
       WHERE (measure_catalogue.kind, measure_catalogue.title, measure_catalogue.description, measure_catalogue.risk_factors,
         measure_catalogue.active) IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.title, EXCLUDED.description, EXCLUDED.risk_factors, true)
       RETURNING id
     )
     UPDATE measure_catalogue SET active = false WHERE active AND id NOT IN (SELECT id FROM shipped)`,
    [JSON.stringify(rows)],
  );
}

interface CatalogueRow {
  id: string;
  kind: CatalogueMeasure['kind'];
  title: string;
  description: string;
  risk_factors: string[];
  active: boolean;
}

const toMeasure = (r: CatalogueRow): CatalogueMeasure => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  description: r.description,
  riskFactors: r.risk_factors,
  active: r.active,
});

/** The catalogue as stored, by kind then id; inactive entries only when asked. */
export async function listCatalogue(db: Queryable, o: { includeInactive?: boolean } = {}): Promise<CatalogueMeasure[]> {
  const rows = await db.query<CatalogueRow>(
    `SELECT id, kind, title, description, risk_factors, active FROM measure_catalogue
     WHERE active OR $1 ORDER BY array_position($2::text[], kind), id`,
    [o.includeInactive ?? false, MEASURE_KINDS],
  );
  return rows.map(toMeasure);
}

/** Catalogue measures recommended for these risk factors (see `rankMeasures`), read from the store. */
export async function recommendMeasures(
  db: Queryable,
  riskFactorIds: readonly string[],
  limit = DEFAULT_RECOMMENDATIONS,
): Promise<RecommendedMeasure[]> {
  return rankMeasures(await listCatalogue(db), riskFactorIds, limit);
}
