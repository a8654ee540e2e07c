import { describe, expect, it } from 'vitest';
import { highestScoredFactors, severityOfForecast, severityOfLevel, severityOfSignal } from './severity-rules.js';

describe('severity from origin', () => {
  it('makes one-sided violence at twice its upper bound critical, other signals high', () => {
    expect(severityOfSignal({ category: 'one-sided', observed: 6, upperbound: 3 })).toBe('critical');
    expect(severityOfSignal({ category: 'one-sided', observed: 5, upperbound: 3 })).toBe('high');
    expect(severityOfSignal({ category: 'state-based', observed: 60, upperbound: 3 })).toBe('high');
    expect(severityOfSignal({ category: 'one-sided', observed: 6, upperbound: null })).toBe('high');
  });
  it('grades forecasts by multiples of the threshold', () => {
    expect(severityOfForecast(0.2, 0.05)).toBe('critical');
    expect(severityOfForecast(0.1, 0.05)).toBe('high');
    expect(severityOfForecast(0.05, 0.05)).toBe('medium');
  });
  it('grades assessments by the level reached', () => {
    expect(severityOfLevel('imminent-risk')).toBe('critical');
    expect(severityOfLevel('serious-concern')).toBe('high');
    expect(severityOfLevel('monitoring')).toBe('medium');
  });
});

describe('highestScoredFactors', () => {
  it('keeps the top three scores above zero, ties at the cut included', () => {
    expect(highestScoredFactors({ RF1: 3, RF2: 1, RF8: 2.5, RF9: 1, RF10: 0.5, RF4: 0 })).toEqual(['RF1', 'RF8', 'RF2', 'RF9']);
    expect(highestScoredFactors({ RF3: { score: 2 }, RF5: 0 })).toEqual(['RF3']);
    expect(highestScoredFactors(null)).toEqual([]);
  });
});
