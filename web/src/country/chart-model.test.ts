import { describe, expect, it } from 'vitest';
import { alignSeries, bandPath, niceMax, peakWeek, sliceRange, stackLayers, weeklyTotals, yearlyTotals } from './chart-model.js';

const series = (periods: string[], incidents: number[], fatalities = incidents.map((n) => n * 10)) => ({
  periods,
  incidents,
  fatalities,
});

describe('alignSeries', () => {
  it('puts series with different spans on one week axis, zero where a series has no week', () => {
    const data = alignSeries(
      [
        { category: 'one-sided', series: series(['2013-12-02', '2013-12-09'], [4, 1]) },
        { category: 'state-based', series: series(['2013-12-09', '2013-12-16'], [2, 3]) },
      ],
      'incidents',
    );
    expect(data.weeks).toEqual(['2013-12-02', '2013-12-09', '2013-12-16']);
    expect(data.layers).toEqual([
      { category: 'one-sided', values: [4, 1, 0] },
      { category: 'state-based', values: [0, 2, 3] },
    ]);
  });

  it('reads the chosen measure and drops categories that never occur', () => {
    const data = alignSeries(
      [
        { category: 'one-sided', series: series(['2014-01-06'], [2]) },
        { category: 'riots', series: series(['2014-01-06'], [0]) },
      ],
      'fatalities',
    );
    expect(data.layers).toEqual([{ category: 'one-sided', values: [20] }]);
  });
});

describe('sliceRange, totals and stacking', () => {
  const weeks = Array.from({ length: 300 }, (_, i) =>
    new Date(Date.UTC(2010, 0, 4) + i * 7 * 86_400_000).toISOString().slice(0, 10),
  );
  const data = {
    weeks,
    layers: [
      { category: 'one-sided' as const, values: weeks.map((_, i) => i % 3) },
      { category: 'state-based' as const, values: weeks.map(() => 1) },
    ],
  };

  it('keeps the last 52 weeks, the last five years, or everything', () => {
    expect(sliceRange(data, 'year').weeks).toEqual(weeks.slice(-52));
    expect(sliceRange(data, 'year').layers[0]!.values).toHaveLength(52);
    expect(sliceRange(data, 'five').weeks).toHaveLength(261);
    expect(sliceRange(data, 'all').weeks).toHaveLength(300);
  });

  it('stacks each layer on the ones before it', () => {
    const small = {
      weeks: ['a', 'b'],
      layers: [
        { category: 'riots' as const, values: [1, 2] },
        { category: 'other' as const, values: [3, 0] },
      ],
    };
    expect(stackLayers(small)).toEqual([
      [1, 2],
      [4, 2],
    ]);
    expect(weeklyTotals(small)).toEqual([4, 2]);
  });

  it('sums weeks into calendar years per category', () => {
    const rows = yearlyTotals({
      weeks: ['2013-12-23', '2013-12-30', '2014-01-06'],
      layers: [
        { category: 'one-sided', values: [1, 2, 3] },
        { category: 'riots', values: [0, 5, 1] },
      ],
    });
    expect(rows).toEqual([
      { year: '2013', values: [3, 5], total: 8 },
      { year: '2014', values: [3, 1], total: 4 },
    ]);
  });
});

describe('peakWeek', () => {
  it('finds the first week with the highest total, or none when nothing happened', () => {
    const layers = [{ category: 'one-sided' as const, values: [1, 5, 5] }];
    expect(peakWeek({ weeks: ['a', 'b', 'c'], layers })).toEqual({ week: 'b', total: 5 });
    expect(peakWeek({ weeks: ['a'], layers: [{ category: 'one-sided', values: [0] }] })).toBeNull();
  });
});

describe('niceMax', () => {
  it('rounds up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 0.4, 1, 3, 7, 12, 20, 51, 999].map(niceMax)).toEqual([1, 0.5, 1, 5, 10, 20, 20, 100, 1000]);
  });
});

describe('bandPath', () => {
  it('runs along the top and back along the bottom', () => {
    const path = bandPath(
      [2, 4],
      [1, 1],
      (i) => i * 10,
      (v) => 100 - v,
    );
    expect(path).toBe('M0.0,98.0L10.0,96.0L10.0,99.0L0.0,99.0Z');
    expect(
      bandPath(
        [],
        undefined,
        (i) => i,
        (v) => v,
      ),
    ).toBe('');
  });
});
