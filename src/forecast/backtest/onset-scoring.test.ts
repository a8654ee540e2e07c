import { describe, expect, it } from 'vitest';
import type { Iso3 } from '../../core/brand.js';
import type { CountryYear } from '../country-years/country-year.js';
import { rankForecasts, scoreOnsets } from './onset-scoring.js';

const row = (countryCode: number, year: number, onset: 0 | 1 | null): CountryYear => ({
  line: 0,
  countryCode,
  iso3: 'XXX' as Iso3,
  countryName: `c${countryCode}`,
  year,
  outcome: 0,
  outcomeObserved: true,
  onset,
  predictors: new Float64Array(0),
  complete: true,
});

describe('rankForecasts', () => {
  it('ranks 1 for the highest risk and gives tied risks the better rank', () => {
    const ranked = rankForecasts(2000, [1, 2, 3, 4], [0.1, 0.3, 0.1, 0.05]);
    expect(ranked.map((f) => f.rank)).toEqual([2, 1, 2, 4]);
    expect(ranked[0]).toEqual({ countryCode: 1, fromYear: 2000, risk: 0.1, rank: 2 });
  });
});

describe('scoreOnsets', () => {
  const forecasts = [
    ...rankForecasts(1998, [1, 2], [0.2, 0.1]),
    ...rankForecasts(1999, [1, 2], [0.05, 0.3]),
    ...rankForecasts(2000, [1], [0.4]),
  ];

  it('takes the larger risk and the better rank of the forecasts from one and two years before', () => {
    const { scored } = scoreOnsets([row(1, 2000, 1), row(2, 2000, 0)], forecasts, 1999, 2001);
    expect(scored[0]).toMatchObject({
      year: 2000,
      onset: 1,
      riskPrev: 0.05,
      rankPrev: 2,
      riskTwoYearsPrior: 0.2,
      rankTwoYearsPrior: 1,
    });
    expect(scored[0]).toMatchObject({ maxrisk2: 0.2, minrank2: 1 });
    expect(scored[1]).toMatchObject({ maxrisk2: 0.3, minrank2: 1 });
  });

  it('scores a year with only one forecast, and counts rows with none or with an unknown onset', () => {
    const result = scoreOnsets([row(1, 2001, 0), row(2, 2001, 0), row(3, 2001, 0), row(1, 1999, null)], forecasts, 1999, 2001);
    expect(result.scored.map((s) => [s.countryCode, s.riskTwoYearsPrior, s.riskPrev, s.maxrisk2])).toEqual([
      [1, 0.05, 0.4, 0.4],
      [2, 0.3, null, 0.3],
    ]);
    expect(result.withoutForecast).toBe(1);
    expect(result.onsetUnknown).toBe(1);
  });

  it('leaves out years outside the scored range', () => {
    expect(scoreOnsets([row(1, 2000, 1)], forecasts, 2001, 2005).scored).toEqual([]);
  });
});
