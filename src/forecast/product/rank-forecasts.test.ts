import { describe, expect, it } from 'vitest';
import type { Iso3 } from '../../core/brand.js';
import { rankForecasts } from './rank-forecasts.js';

const f = (iso3: string, probability: number) => ({ iso3: iso3 as Iso3, probability });

describe('rankForecasts', () => {
  it('ranks 1 for the highest probability, ties sharing the better rank, highest first', () => {
    const ranked = rankForecasts([f('FRA', 0.01), f('MMR', 0.1), f('TCD', 0.08), f('SDN', 0.08)], new Map());
    expect(ranked.map((r) => [r.iso3, r.rank])).toEqual([
      ['MMR', 1],
      ['SDN', 2],
      ['TCD', 2],
      ['FRA', 4],
    ]);
  });

  it('sets the change since the year before when the country had a forecast then, else null', () => {
    const previous = new Map([['MMR' as Iso3, 0.07]]);
    const [mmr, fra] = rankForecasts([f('MMR', 0.1), f('FRA', 0.01)], previous);
    expect(mmr).toMatchObject({ previousProbability: 0.07 });
    expect(mmr!.change).toBeCloseTo(0.03, 15);
    expect(fra).toMatchObject({ previousProbability: null, change: null });
  });

  it('keeps the fields it was given', () => {
    const [r] = rankForecasts([{ ...f('MMR', 0.1), countryName: 'Myanmar' }], new Map());
    expect(r).toEqual({
      iso3: 'MMR',
      probability: 0.1,
      countryName: 'Myanmar',
      rank: 1,
      previousProbability: null,
      change: null,
    });
  });
});
