import type { Queryable } from '../db/database.js';
import type { FrameworkFactor } from './assessment.js';

/** A small framework for tests: three factors, seven indicators (wording is ours and short). */
export const TEST_FACTORS: FrameworkFactor[] = [
  {
    id: 'RF1',
    number: 1,
    title: 'Situations of armed conflict or other forms of instability',
    scope: 'common',
    indicators: [
      { id: '1.1', factorId: 'RF1', position: 1, text: 'armed conflict is under way' },
      { id: '1.2', factorId: 'RF1', position: 2, text: 'a political crisis or emergency' },
      { id: '1.3', factorId: 'RF1', position: 3, text: 'economic or social instability' },
    ],
  },
  {
    id: 'RF2',
    number: 2,
    title: 'Record of serious violations of international human rights and humanitarian law',
    scope: 'common',
    indicators: [
      { id: '2.1', factorId: 'RF2', position: 1, text: 'past serious violations went unpunished' },
      { id: '2.2', factorId: 'RF2', position: 2, text: 'violations against a protected group continue' },
    ],
  },
  {
    id: 'RF8',
    number: 8,
    title: 'Triggering factors',
    scope: 'common',
    indicators: [
      { id: '8.1', factorId: 'RF8', position: 1, text: 'a sudden rise in violence' },
      { id: '8.2', factorId: 'RF8', position: 2, text: 'an election or transfer of power ahead' },
    ],
  },
];

/**
 * Stores TEST_FACTORS as a new framework version (the newest, so new assessments use it whether or
 * not the full framework was seeded at open) and returns its number.
 */
export async function insertTestFramework(db: Queryable): Promise<number> {
  const [row] = await db.query<{ version: number }>(
    `INSERT INTO framework_versions (version, note) SELECT coalesce(max(version), 0) + 1, 'test framework' FROM framework_versions
     RETURNING version`,
  );
  const version = row!.version;
  for (const f of TEST_FACTORS) {
    await db.query(
      `INSERT INTO risk_factors (version, id, number, title, scope, summary, verification) VALUES ($1, $2, $3, $4, $5, '', 'recall')`,
      [version, f.id, f.number, f.title, f.scope],
    );
    for (const i of f.indicators) {
      await db.query(
        `INSERT INTO risk_indicators (version, id, factor_id, position, text, verification) VALUES ($1, $2, $3, $4, $5, 'recall')`,
        [version, i.id, i.factorId, i.position, i.text],
      );
    }
  }
  return version;
}
