import { describe, expect, it } from 'vitest';
import { EWP_PREDICTORS } from '../country-years/ewp-columns.js';
import { describeContribution, EWP_PREDICTOR_LABELS } from './predictor-labels.js';

const c = (predictor: string, value: number, mean: number, contribution: number) => ({
  predictor,
  value,
  mean,
  coefficient: contribution / (value - mean),
  contribution,
});

describe('describeContribution', () => {
  it('reads a measure as higher or lower than average, with both numbers', () => {
    expect(describeContribution(c('battledeaths.log2', 11.19, 0.963, 0.8412))).toBe(
      '+0.84 log-odds: battle deaths (log2 of 1 + deaths) higher than average (11.2 against 0.963)',
    );
    expect(describeContribution(c('gdppcgrowth', -3, 2, -0.1))).toBe(
      '-0.10 log-odds: GDP per capita growth (%) lower than average (-3 against 2)',
    );
  });

  it('reads a yes/no predictor with the share of training country-years where it holds', () => {
    expect(describeContribution(c('coup.try.5yr', 1, 0.14, 0.55))).toBe(
      '+0.55 log-odds: a coup attempt in the last five years: yes (true of 14% of the training country-years)',
    );
    expect(describeContribution(c('reg.na', 0, 0.18, 0.09))).toMatch(/: in the Americas: no \(true of 18%/);
  });

  it('falls back to the column name for a predictor it does not know, and labels every EWP predictor', () => {
    expect(describeContribution(c('my_index', 2, 1, 0.2))).toBe('+0.20 log-odds: my_index higher than average (2 against 1)');
    expect(EWP_PREDICTORS.filter((p) => !EWP_PREDICTOR_LABELS[p])).toEqual([]);
  });
});
