import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../test-support/engines.js';
import { raiseFromAssessment } from './from-assessment.js';

const T = new Date('2025-06-01T00:00:00Z');

describeEachEngine('raiseFromAssessment', ({ db }) => {
  const publish = async (level: string, publishedAt: string, o: { admin1?: string; scores?: object } = {}) => {
    const [a] = await db().query<{ id: number }>(
      `INSERT INTO assessments (country_iso3, admin1, period_start, period_end, framework_version, status, level, summary, factor_scores, published_at)
       VALUES ('SSD', $1, '2025-01-01', '2025-03-31', 1, 'published', $2, '', $3::jsonb, $4) RETURNING id`,
      [o.admin1 ?? null, level, JSON.stringify(o.scores ?? {}), publishedAt],
    );
    return a!.id;
  };
  beforeAll(async () => {
    await db().query(`INSERT INTO framework_versions (version, note) VALUES (1, 'test') ON CONFLICT DO NOTHING`);
  });

  it('raises a warning when the level rose above the previous published one of the same scope, once', async () => {
    await publish('monitoring', '2025-01-10T00:00:00Z');
    const id = await publish('imminent-risk', '2025-04-10T00:00:00Z', {
      scores: { RF1: 2.5, RF2: 1, RF9: 2.8, RF4: 0.4, RF7: 0 },
    });
    const w = await raiseFromAssessment(db(), id, null, T);
    expect(w).toMatchObject({
      origin: 'assessment',
      assessmentId: id,
      severity: 'critical',
      country: 'SSD',
      riskFactors: ['RF9', 'RF1', 'RF2'],
      title: 'Assessment of South Sudan: imminent risk (was monitoring)',
      raisedAt: T.toISOString(),
    });
    expect(await raiseFromAssessment(db(), id, null, T)).toBeNull();
  });

  it('raises nothing when the level stayed or fell, and compares only within the same scope', async () => {
    const same = await publish('imminent-risk', '2025-05-10T00:00:00Z');
    expect(await raiseFromAssessment(db(), same, null, T)).toBeNull();
    const region = await publish('serious-concern', '2025-05-11T00:00:00Z', { admin1: 'Upper Nile' });
    expect(await raiseFromAssessment(db(), region, null, T)).toMatchObject({ severity: 'high', admin1: 'Upper Nile' });
  });

  it('refuses an assessment not published', async () => {
    const [draft] = await db().query<{ id: number }>(
      `INSERT INTO assessments (country_iso3, period_start, period_end, framework_version) VALUES ('SSD', '2025-01-01', '2025-01-31', 1) RETURNING id`,
    );
    await expect(raiseFromAssessment(db(), draft!.id, null, T)).rejects.toThrow(/is draft: only published assessments/);
  });
});
