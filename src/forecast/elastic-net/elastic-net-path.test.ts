import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coefficientsAt } from './coefficients-at.js';
import { designMatrixFromRows, type DesignMatrix } from './design-matrix.js';
import { fitElasticNetPath } from './elastic-net-path.js';

interface RPath {
  lambda: number[];
  a0: number[];
  beta: number[][];
  dev_ratio: number[];
  nulldev: number;
  npasses: number;
}
const toy = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/toy-paths.json'), 'utf8')) as {
  positives: number;
  lasso: RPath;
  enet_given: RPath;
};

/** The 60 x 5 problem of fixtures/toy-paths.json, rebuilt from its formulas (R's 1-based i, j). */
function toyProblem(): { x: DesignMatrix; y: number[] } {
  const rows = Array.from({ length: 60 }, (_, r) => {
    const i = r + 1;
    return Array.from({ length: 5 }, (_, c) => Math.sin(i * (c + 1) * 0.7 + (c + 1)) + 0.05 * (c + 1) * (i % 3));
  });
  const y = rows.map((x, r) => (x[0]! + 0.5 * x[1]! - x[2]! + 0.3 * Math.sin((r + 1) * 1.3) > 0 ? 1 : 0));
  return { x: designMatrixFromRows(['x1', 'x2', 'x3', 'x4', 'x5'], rows), y };
}

function expectPathsEqual(ours: ReturnType<typeof fitElasticNetPath>, ref: RPath, digits: number): void {
  expect(ours.lambdas.length).toBe(ref.lambda.length);
  ref.lambda.forEach((lambda, m) => {
    expect(ours.lambdas[m]! / lambda).toBeCloseTo(1, digits);
    expect(ours.intercepts[m]).toBeCloseTo(ref.a0[m]!, digits);
    expect(ours.devRatio[m]).toBeCloseTo(ref.dev_ratio[m]!, digits);
    ref.beta[m]!.forEach((b, j) => expect(ours.coefficients[m * 5 + j], `lambda ${m + 1}, x${j + 1}`).toBeCloseTo(b, digits));
  });
  expect(ours.nullDeviance).toBeCloseTo(ref.nulldev, 10);
  expect(ours.passes).toBe(ref.npasses);
}

describe('fitElasticNetPath (glmnet semantics) on a small constructed problem', () => {
  const { x, y } = toyProblem();

  it('rebuilds the fixture data (29 positives of 60)', () => {
    expect(y.reduce((s, v) => s + v, 0)).toBe(toy.positives);
  });

  it('follows R glmnet along the whole lasso path (alpha = 1), stopped by the same deviance rule', () => {
    expectPathsEqual(fitElasticNetPath(x, y, { alpha: 1 }), toy.lasso, 9);
  });

  it('fits an elastic net at given lambdas as R does (alpha = 0.5)', () => {
    expectPathsEqual(fitElasticNetPath(x, y, { alpha: 0.5, lambdas: [0.2, 0.1, 0.05, 0.01] }), toy.enet_given, 9);
  });

  it('gives the intercept-only model, log-odds of the mean, at and above lambda_max', () => {
    const path = fitElasticNetPath(x, y, { alpha: 1 });
    const logOdds = Math.log(29 / 31);
    expect(path.intercepts[0]).toBeCloseTo(logOdds, 12);
    expect(Array.from(path.coefficients.subarray(0, 5))).toEqual([0, 0, 0, 0, 0]);
    const above = coefficientsAt(path, 10 * path.lambdas[0]!);
    expect(above.intercept).toBeCloseTo(logOdds, 12);
    expect(Array.from(above.coefficients)).toEqual([0, 0, 0, 0, 0]);
    expect(path.coefficients.subarray(5, 10).some((b) => b !== 0)).toBe(true);
  });

  it('reports lambda_max as the smallest lambda that keeps every coefficient at zero', () => {
    const path = fitElasticNetPath(x, y, { alpha: 1 });
    const justBelow = fitElasticNetPath(x, y, { alpha: 1, lambdas: [path.lambdas[0]! * 1.000001, path.lambdas[0]! * 0.999] });
    expect(Array.from(justBelow.coefficients.subarray(0, 5))).toEqual([0, 0, 0, 0, 0]);
    expect(justBelow.coefficients.subarray(5, 10).some((b) => b !== 0)).toBe(true);
  });

  it('leaves a constant column out with a zero coefficient, as glmnet does', () => {
    const rows = Array.from({ length: 60 }, (_, i) => [...Array.from({ length: 5 }, (_, j) => x.values[j * 60 + i]!), 7]);
    const withConstant = designMatrixFromRows(['x1', 'x2', 'x3', 'x4', 'x5', 'c'], rows);
    const path = fitElasticNetPath(withConstant, y, { alpha: 1 });
    const plain = fitElasticNetPath(x, y, { alpha: 1 });
    expect(path.lambdas.length).toBe(plain.lambdas.length);
    for (let m = 0; m < path.lambdas.length; m++) {
      expect(path.coefficients[m * 6 + 5]).toBe(0);
      expect(path.intercepts[m]).toBeCloseTo(plain.intercepts[m]!, 12);
    }
  });

  it('refuses outcomes other than 0/1, a class with fewer than 2 rows, NaN predictors and bad alpha', () => {
    expect(() =>
      fitElasticNetPath(
        x,
        y.map((v) => v * 2),
        { alpha: 1 },
      ),
    ).toThrow(/must be 0 or 1/);
    expect(() =>
      fitElasticNetPath(
        x,
        y.map((_, i) => (i === 0 ? 1 : 0)),
        { alpha: 1 },
      ),
    ).toThrow(/at least 2 rows/);
    const holes = { ...x, values: x.values.map((v, k) => (k === 7 ? Number.NaN : v)) };
    expect(() => fitElasticNetPath(holes, y, { alpha: 1 })).toThrow(/x1 row 8 is not a finite number/);
    expect(() => fitElasticNetPath(x, y, { alpha: 1.5 })).toThrow(/alpha/);
    expect(() => fitElasticNetPath(x, y, { alpha: 1, lambdas: [0.1, 0.2] })).toThrow(/decreasing/);
    expect(() => fitElasticNetPath(x, y.slice(1), { alpha: 1 })).toThrow(/60 rows of predictors but 59 outcomes/);
  });
});
