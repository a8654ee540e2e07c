import { describe, expect, it } from 'vitest';
import type { AssessmentSummary } from './api.js';
import { factorTrend, factorTrends, nationalAssessments } from './assessment-trend.js';

const assessment = (o: Partial<AssessmentSummary>): AssessmentSummary => ({
  id: 1,
  country: 'CAF',
  admin1: null,
  groupId: null,
  periodStart: '2024-01-01',
  periodEnd: '2024-06-30',
  status: 'published',
  level: 'serious-concern',
  summary: '',
  factorScores: {},
  author: 'analyst',
  reviewer: 'reviewer',
  publishedAt: '2024-07-02T10:00:00Z',
  ...o,
});

describe('factorTrend', () => {
  it('says rose or fell when the score moved by more than rounding', () => {
    expect(factorTrend(2.5, 1.5)).toBe('rose');
    expect(factorTrend(1, 1.25)).toBe('fell');
    expect(factorTrend(1.5, 1.502)).toBe('same');
  });

  it('tells a newly rated or no longer rated factor from an unchanged one', () => {
    expect(factorTrend(2, null)).toBe('new');
    expect(factorTrend(null, 2)).toBe('dropped');
    expect(factorTrend(undefined, 2)).toBe('dropped');
    expect(factorTrend(null, null)).toBe('same');
  });

  it('has no trend without an earlier assessment', () => {
    expect(factorTrend(2, undefined)).toBe('none');
  });
});

describe('factorTrends', () => {
  it('compares every factor of the newest assessment with the previous one', () => {
    const newest = assessment({ factorScores: { RF1: 3, RF2: 1, RF3: null } });
    const previous = assessment({ id: 0, factorScores: { RF1: 2, RF2: 1 } });
    expect(Object.fromEntries(factorTrends(['RF1', 'RF2', 'RF3', 'RF4'], newest, previous))).toEqual({
      RF1: 'rose',
      RF2: 'same',
      RF3: 'same',
      RF4: 'same',
    });
    expect(factorTrends(['RF1'], newest, undefined).get('RF1')).toBe('none');
  });
});

describe('nationalAssessments', () => {
  it('leaves out assessments of a region or of one group, keeping the order', () => {
    const list = [
      assessment({ id: 3, admin1: 'Ouham' }),
      assessment({ id: 2 }),
      assessment({ id: 4, groupId: 7 }),
      assessment({ id: 1 }),
    ];
    expect(nationalAssessments(list).map((a) => a.id)).toEqual([2, 1]);
  });
});
