import { describe, expect, it } from 'vitest';
import type { IsoDate, Iso3 } from '../../core/brand.js';
import { dailySeries, daysBetween } from './daily-series.js';
import { findSurges } from './find-surges.js';
import { DEFAULT_SURGE_METHODS } from './surge-methods.js';

const d = (s: string) => s as IsoDate;
const CAF = 'CAF' as Iso3;

describe('daysBetween', () => {
  it('lists every day across a month and a leap day, inclusive', () => {
    expect(daysBetween(d('2024-02-27'), d('2024-03-01'))).toEqual(['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01']);
    expect(daysBetween(d('2024-03-01'), d('2024-03-01'))).toEqual(['2024-03-01']);
  });
});

describe('dailySeries', () => {
  it('zero-fills each country and group on the shared timeline and sums repeated days', () => {
    const days = daysBetween(d('2026-01-01'), d('2026-01-04'));
    const series = dailySeries(
      [
        { country: CAF, group: 'all', day: d('2026-01-02'), count: 3 },
        { country: CAF, group: 'Refugee', day: d('2026-01-02'), count: 2 },
        { country: CAF, group: 'Refugee', day: d('2026-01-02'), count: 1 },
        { country: 'BDI' as Iso3, group: 'all', day: d('2026-01-04'), count: 5 },
      ],
      days,
    );
    expect(series.map((s) => [s.country, s.group, [...s.counts]])).toEqual([
      ['BDI', 'all', [0, 0, 0, 5]],
      ['CAF', 'all', [0, 3, 0, 0]],
      ['CAF', 'Refugee', [0, 3, 0, 0]],
    ]);
  });
});

describe('findSurges', () => {
  const days = daysBetween(d('2026-01-01'), d('2026-02-04'));
  const quiet = [2, 3, 2, 4, 3, 2, 3];
  const counts = Float64Array.from(days, (_, i) => (i === 28 ? 20 : quiet[i % 7]!));

  it('alarms on the surge day only, with the group in the category', () => {
    const alarms = findSurges([{ country: CAF, group: 'Refugee', counts }], days, DEFAULT_SURGE_METHODS);
    expect(alarms).toEqual([
      expect.objectContaining({
        country: 'CAF',
        category: 'hate:Refugee',
        day: '2026-01-29',
        method: 'ears-c2-daily',
        observed: 20,
      }),
    ]);
  });

  it('does not count a single post after a silent week as a surge (minSigma 1)', () => {
    const sparse = Float64Array.from(days, (_, i) => (i === 20 ? 1 : 0));
    expect(findSurges([{ country: CAF, group: 'all', counts: sparse }], days, DEFAULT_SURGE_METHODS)).toEqual([]);
  });

  it('judges only days from since on', () => {
    expect(findSurges([{ country: CAF, group: 'all', counts }], days, DEFAULT_SURGE_METHODS, d('2026-01-30'))).toEqual([]);
  });
});
