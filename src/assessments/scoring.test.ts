import { describe, expect, it } from 'vitest';
import type { Confidence, FrameworkFactor, Rating } from './assessment.js';
import { scoreFactors, suggestLevel } from './scoring.js';
import { TEST_FACTORS } from './test-framework.fixture.js';

const r = (indicatorId: string, rating: Rating, confidence: Confidence = 'high') => ({ indicatorId, rating, confidence });
const factors = (n: number): FrameworkFactor[] =>
  Array.from({ length: n }, (_, k) => ({
    id: `RF${k + 1}`,
    number: k + 1,
    title: '',
    scope: 'common',
    indicators: [{ id: `${k + 1}.1`, factorId: `RF${k + 1}`, position: 1, text: '' }],
  }));

describe('scoreFactors', () => {
  it('averages the points of the rated indicators, weighted by confidence, leaving unknown out', () => {
    const [rf1, rf2, rf8] = scoreFactors(TEST_FACTORS, [
      r('1.1', 'high'),
      r('1.2', 'low', 'low'),
      r('1.3', 'unknown'),
      r('2.1', 'absent'),
    ]);
    // (1 * 3 + 0.5 * 1) / 1.5
    expect(rf1).toEqual({ factorId: 'RF1', score: 2.33, coverage: 0.67, rated: 2, unknown: 1, indicators: 3 });
    expect(rf2).toMatchObject({ score: 0, coverage: 0.5, rated: 1 });
    expect(rf8).toMatchObject({ score: null, coverage: 0, rated: 0 });
  });

  it('ignores ratings of indicators the framework does not have', () => {
    expect(scoreFactors(TEST_FACTORS, [r('9.9', 'high')]).every((s) => s.score === null)).toBe(true);
  });
});

describe('suggestLevel', () => {
  const scoresOf = (n: number, ratings: Rating[]) =>
    scoreFactors(
      factors(n),
      ratings.map((x, k) => r(`${k + 1}.1`, x)),
    );

  it('suggests nothing when no indicator is rated', () => {
    expect(suggestLevel(scoresOf(4, [])).level).toBeNull();
    expect(suggestLevel(scoresOf(4, ['unknown'])).level).toBeNull();
  });

  it('rises with the share of the framework scoring high, and says why in words', () => {
    expect(suggestLevel(scoresOf(8, ['absent', 'absent'])).level).toBe('no-current-concern');
    expect(suggestLevel(scoresOf(8, ['low'])).level).toBe('monitoring');
    expect(suggestLevel(scoresOf(8, ['moderate', 'moderate'])).level).toBe('serious-concern');
    expect(suggestLevel(scoresOf(8, ['high'])).level).toBe('serious-concern');
    const imminent = suggestLevel(scoresOf(8, ['high', 'high']));
    expect(imminent.level).toBe('imminent-risk');
    expect(imminent.explanation).toMatch(/2 of 8 risk factors score high \(>= 2\.5\): RF1 3\.00, RF2 3\.00/);
    expect(imminent.explanation).toMatch(/Caution: only 25% of the indicators are rated/);
    expect(suggestLevel(scoresOf(4, ['high', 'high', 'low', 'absent'])).level).toBe('current-crisis');
  });
});
