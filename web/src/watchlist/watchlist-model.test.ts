import { describe, expect, it } from 'vitest';
import type { WatchlistCountry } from './api.js';
import {
  colourOf,
  defaultColourMode,
  FORECAST_BINS,
  forecastBin,
  inRegion,
  LEVEL_COLOURS,
  NO_DATA_COLOUR,
  oneOf,
  rankGain,
  signedPoints,
  regionsOf,
  sortCountries,
  sparklinePoints,
  SORT_KEYS,
} from './watchlist-model.js';

const country = (iso3: string, o: Partial<WatchlistCountry> = {}): WatchlistCountry => ({
  iso3,
  name: iso3,
  region: 'Africa',
  forecast: null,
  assessment: null,
  openWarnings: 0,
  trend: Array<number>(52).fill(0),
  ...o,
});
const forecast = (rank: number, probability = 0.01, previousRank: number | null = null) => ({
  probability,
  rank,
  change: null,
  previousRank,
});
const assessment = (level: NonNullable<WatchlistCountry['assessment']>['level']) => ({
  id: 1,
  level,
  periodEnd: '2024-06-30',
  publishedAt: '2024-07-02T10:00:00Z',
});

describe('sortCountries', () => {
  const sdn = country('SDN', { forecast: forecast(3), assessment: assessment('serious-concern'), trend: [0, 5, 1] });
  const mmr = country('MMR', { forecast: forecast(1), assessment: assessment('monitoring'), trend: [1, 1, 1] });
  const caf = country('CAF', { assessment: assessment('current-crisis'), trend: [9, 0, 0] });
  const fra = country('FRA', { forecast: forecast(2) });
  const all = [caf, fra, sdn, mmr];

  it('orders by forecast rank, countries without a forecast last', () => {
    expect(sortCountries(all, 'forecast', 'en').map((c) => c.iso3)).toEqual(['MMR', 'FRA', 'SDN', 'CAF']);
  });

  it('orders by level, highest first, unassessed last, ties by forecast', () => {
    const fra2 = country('AAA', { forecast: forecast(4), assessment: assessment('serious-concern') });
    expect(sortCountries([...all, fra2], 'level', 'en').map((c) => c.iso3)).toEqual(['CAF', 'SDN', 'AAA', 'MMR', 'FRA']);
  });

  it('orders by incidents over the trend, most first, ties by forecast', () => {
    expect(sortCountries(all, 'violence', 'en').map((c) => c.iso3)).toEqual(['CAF', 'SDN', 'MMR', 'FRA']);
  });

  it('leaves the given list untouched', () => {
    sortCountries(all, 'violence', 'en');
    expect(all.map((c) => c.iso3)).toEqual(['CAF', 'FRA', 'SDN', 'MMR']);
  });
});

describe('colours', () => {
  it('bins probabilities at 0.5%, 1%, 2% and 5%', () => {
    expect([0, 0.0049, 0.005, 0.0099, 0.01, 0.03, 0.05, 0.104].map(forecastBin)).toEqual([0, 0, 1, 1, 2, 3, 4, 4]);
  });

  it('colours by level or by forecast, with the no-data colour when the figure is missing', () => {
    const c = country('SDN', { forecast: forecast(1, 0.07), assessment: assessment('imminent-risk') });
    expect(colourOf(c, 'level')).toBe(LEVEL_COLOURS['imminent-risk']);
    expect(colourOf(c, 'forecast')).toBe(FORECAST_BINS[4]!.colour);
    expect(colourOf(country('FRA'), 'level')).toBe(NO_DATA_COLOUR);
    expect(colourOf(country('FRA'), 'forecast')).toBe(NO_DATA_COLOUR);
  });
});

describe('helpers', () => {
  it('counts places gained since the year before', () => {
    expect(rankGain(forecast(3, 0.01, 7))).toBe(4);
    expect(rankGain(forecast(7, 0.01, 3))).toBe(-4);
    expect(rankGain(forecast(3))).toBeNull();
    expect(rankGain(null)).toBeNull();
  });

  it('lists regions once, sorted, and filters by region', () => {
    const list = [country('FRA', { region: 'Europe' }), country('CAF'), country('SDN'), country('XXX', { region: null })];
    expect(regionsOf(list)).toEqual(['Africa', 'Europe']);
    expect(inRegion(list, 'Europe').map((c) => c.iso3)).toEqual(['FRA']);
    expect(inRegion(list, '')).toHaveLength(4);
  });

  it('reads only allowed values from the address', () => {
    expect(oneOf(SORT_KEYS, 'level')).toBe('level');
    expect(oneOf(SORT_KEYS, 'drop table')).toBe('forecast');
    expect(oneOf(SORT_KEYS, null)).toBe('forecast');
  });

  it('draws a sparkline scaled to its own peak, zero on the bottom edge', () => {
    expect(sparklinePoints([0, 2, 4], 100, 20)).toBe('0,20 50,10 100,0');
    expect(sparklinePoints([0, 0], 10, 20)).toBe('0,20 10,20');
  });
});

describe('signedPoints and defaultColourMode', () => {
  it('writes a probability change in signed percentage points, the local way', () => {
    expect(signedPoints(0.0083, 'en')).toBe('+0.8');
    expect(signedPoints(-0.012, 'en')).toBe('-1.2');
    expect(signedPoints(-0.012, 'fr')).toBe('-1,2');
    expect(signedPoints(0, 'en')).toBe('0.0');
  });

  it('colours by level once any country has a published assessment, else by forecast', () => {
    expect(defaultColourMode([country('FRA', { forecast: forecast(1) })])).toBe('forecast');
    expect(defaultColourMode([country('FRA'), country('CAF', { assessment: assessment('monitoring') })])).toBe('level');
  });
});
