import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../core/seeded-random.js';
import { columnMeans, explainForecast, logistic } from './explain-forecast.js';

const logit = (p: number) => Math.log(p / (1 - p));

describe('explainForecast', () => {
  const model = { names: ['a', 'b', 'c'], intercept: -2, coefficients: [0.5, 0, -1] };

  it("gives each predictor's beta x (value - mean), largest first, and leaves out zero coefficients", () => {
    const e = explainForecast(model, [1, 2, 3], [3, 5, 2.5]);
    expect(e.contributions).toEqual([
      { predictor: 'a', value: 3, mean: 1, coefficient: 0.5, contribution: 1 },
      { predictor: 'c', value: 2.5, mean: 3, coefficient: -1, contribution: 0.5 },
    ]);
    // -2 + 0.5 x 3 - 1 x 2.5 = -3; at the means -2 + 0.5 - 3 = -4.5.
    expect(e.logOdds).toBe(-3);
    expect(e.baselineLogOdds).toBe(-4.5);
    expect(e.probability).toBeCloseTo(logistic(-3), 15);
    expect(e.baselineProbability).toBeCloseTo(0.011, 4);
  });

  it('has contributions that sum to logit(p) - logit(p at the means)', () => {
    const random = seededRandom(3);
    const u = () => random.nextUint32() / 2 ** 32;
    for (let trial = 0; trial < 20; trial++) {
      const p = 1 + random.nextInt(10);
      const m = {
        names: Array.from({ length: p }, (_, j) => `x${j}`),
        intercept: 4 * u() - 2,
        coefficients: Array.from({ length: p }, () => (u() < 0.3 ? 0 : 2 * u() - 1)),
      };
      const e = explainForecast(
        m,
        Array.from({ length: p }, () => 5 * u()),
        Array.from({ length: p }, () => 5 * u()),
      );
      const sum = e.contributions.reduce((s, c) => s + c.contribution, 0);
      expect(sum).toBeCloseTo(logit(e.probability) - logit(e.baselineProbability), 9);
    }
  });

  it('refuses mismatched lengths and a missing value', () => {
    expect(() => explainForecast(model, [1, 2], [1, 2, 3])).toThrow(/3 predictors, but 3 coefficients, 2 means and 3 values/);
    expect(() => explainForecast(model, [1, 2, 3], [1, Number.NaN, 3])).toThrow(/b: no value/);
  });
});

describe('columnMeans', () => {
  it('averages each column of a column-major matrix', () => {
    expect(Array.from(columnMeans({ rows: 2, names: ['a', 'b'], values: Float64Array.of(1, 3, 10, 20) }))).toEqual([2, 15]);
    expect(() => columnMeans({ rows: 0, names: ['a'], values: new Float64Array(0) })).toThrow(/no rows/);
  });
});
