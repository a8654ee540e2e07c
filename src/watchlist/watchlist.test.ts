import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../core/brand.js';
import { TREND_WEEKS, trendOf, trendWeeks } from './watchlist.js';

describe('trendWeeks', () => {
  it('gives the 52 Mondays ending with the last week, across a year end', () => {
    const weeks = trendWeeks('2024-01-01' as IsoDate);
    expect(weeks).toHaveLength(TREND_WEEKS);
    expect(weeks[0]).toBe('2023-01-09');
    expect(weeks.at(-1)).toBe('2024-01-01');
    expect(weeks.every((w) => new Date(`${w}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
  });
});

describe('trendOf', () => {
  it('places counts on their week, zero elsewhere, and ignores weeks outside the window', () => {
    const weeks = trendWeeks('2024-01-01' as IsoDate);
    const trend = trendOf(weeks, [
      ['2023-01-09', 2],
      ['2024-01-01', 5],
      ['2022-12-26', 9],
    ]);
    expect(trend[0]).toBe(2);
    expect(trend[51]).toBe(5);
    expect(trend.reduce((a, b) => a + b, 0)).toBe(7);
  });
});
