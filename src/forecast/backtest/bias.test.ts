import { describe, expect, it } from 'vitest';
import type { Iso3 } from '../../core/brand.js';
import type { CountryYear, CountryYearTable } from '../country-years/country-year.js';
import { biasCheck, groupFigures } from './bias.js';
import type { ScoredCountryYear } from './onset-scoring.js';

const scored = (iso3: string, countryCode: number, year: number, onset: 0 | 1, maxrisk2: number, minrank2: number) =>
  ({
    countryCode,
    iso3: iso3 as Iso3,
    countryName: iso3,
    year,
    onset,
    riskPrev: maxrisk2,
    rankPrev: minrank2,
    riskTwoYearsPrior: null,
    rankTwoYearsPrior: null,
    maxrisk2,
    minrank2,
  }) satisfies ScoredCountryYear;

const row = (countryCode: number, year: number, pop: number): CountryYear => ({
  line: 0,
  countryCode,
  iso3: 'XXX' as Iso3,
  countryName: '',
  year,
  outcome: 0,
  outcomeObserved: true,
  onset: 0,
  predictors: Float64Array.of(pop, 1),
  complete: Number.isFinite(pop),
});

const table = (rows: readonly CountryYear[], predictors = ['popsize.log2', 'x']): CountryYearTable => ({
  columns: { country: 'c', countryName: 'n', year: 'y', outcome: 'o', outcomeWindow: [], onset: 'm', predictors },
  rows,
});

// Africa: Chad (483), Sudan (625); Asia: Myanmar (775); Europe: France (220).
const SCORED = [
  scored('TCD', 483, 2000, 1, 0.2, 3),
  scored('TCD', 483, 2001, 0, 0.1, 10),
  scored('SDN', 625, 2000, 0, 0.05, 40),
  scored('SDN', 625, 2001, 1, 0.04, 45),
  scored('MMR', 775, 2000, 1, 0.3, 1),
  scored('MMR', 775, 2001, 0, 0.01, 80),
  scored('FRA', 220, 2000, 0, 0.001, 150),
  scored('FRA', 220, 2001, 0, 0.002, 140),
];

describe('groupFigures', () => {
  it('computes AUC, top-k recall, Brier, mean forecast and observed rate of a group', () => {
    const g = groupFigures('Africa', SCORED.slice(0, 4), 30);
    expect(g).toMatchObject({ group: 'Africa', countryYears: 4, countries: 2, onsets: 2, hits: 1, topKRecall: 0.5 });
    // Onsets 0.2 and 0.04 against non-onsets 0.1 and 0.05: 2 of 4 pairs ordered right.
    expect(g.auc).toBe(0.5);
    expect(g.brier).toBeCloseTo(((0.2 - 1) ** 2 + 0.1 ** 2 + 0.05 ** 2 + (0.04 - 1) ** 2) / 4, 15);
    expect(g.meanForecast).toBeCloseTo(0.0975, 15);
    expect(g.observedRate).toBe(0.5);
  });

  it('gives null recall and AUC to a group without onsets', () => {
    expect(groupFigures('Europe', SCORED.slice(6), 30)).toMatchObject({ onsets: 0, topKRecall: null, auc: null });
  });
});

describe('biasCheck', () => {
  const pops = table([
    row(483, 2000, 23),
    row(483, 2001, 23.1),
    row(625, 2000, 25),
    row(625, 2001, 25.1),
    row(775, 2000, 25.5),
    row(775, 2001, Number.NaN), // missing: the year before's value is used
    row(220, 2000, 26),
    row(220, 2001, 26.1),
  ]);

  it('groups by UN region, alphabetically', () => {
    const { byRegion } = biasCheck(SCORED, pops, 30);
    expect(byRegion.map((g) => [g.group, g.countryYears, g.onsets, g.hits])).toEqual([
      ['Africa', 4, 2, 1],
      ['Asia', 2, 1, 1],
      ['Europe', 2, 0, 0],
    ]);
  });

  it('groups by population tercile of the scored country-years, with the cut points in people', () => {
    const { bySize } = biasCheck(SCORED, pops, 30);
    // Sizes sorted: 23, 23.1, 25, 25.1, 25.5, 25.5, 26, 26.1: cuts at the 3rd and 6th values.
    expect(bySize).toMatchObject({ predictor: 'popsize.log2', cuts: [25, 25.5] });
    expect(bySize!.cutsPopulation![0]).toBe(2 ** 25);
    expect(bySize!.groups.map((g) => [g.group, g.countryYears, g.onsets])).toEqual([
      ['small', 2, 1],
      ['medium', 2, 1],
      ['large', 4, 1],
    ]);
  });

  it('leaves out the size groups when the file has no population predictor', () => {
    expect(biasCheck(SCORED, table(pops.rows, ['x', 'y']), 30).bySize).toBeNull();
  });
});
