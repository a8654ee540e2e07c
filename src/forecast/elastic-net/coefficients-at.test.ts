import { describe, expect, it } from 'vitest';
import { coefficientsAt, interpolationPoint } from './coefficients-at.js';
import type { ElasticNetPath } from './elastic-net-path.js';

const path = {
  names: ['a', 'b'],
  lambdas: Float64Array.of(0.4, 0.2, 0.1),
  intercepts: Float64Array.of(-1, -2, -3),
  coefficients: Float64Array.of(0, 0, 1, 0, 3, 2),
} as unknown as ElasticNetPath;

describe('coefficientsAt (glmnet lambda.interp)', () => {
  it('returns a path entry exactly at its lambda', () => {
    const at = coefficientsAt(path, 0.2);
    expect(at.intercept).toBe(-2);
    expect(Array.from(at.coefficients)).toEqual([1, 0]);
  });

  it('interpolates linearly in lambda between neighbours', () => {
    const at = coefficientsAt(path, 0.15);
    expect(at.intercept).toBeCloseTo(-2.5, 14);
    expect(at.coefficients[0]).toBeCloseTo(2, 14);
    expect(at.coefficients[1]).toBeCloseTo(1, 14);
    expect(interpolationPoint(path.lambdas, 0.3)).toEqual({ left: 0, right: 1, frac: expect.closeTo(0.5, 14) });
  });

  it('clamps lambdas beyond either end of the path', () => {
    expect(coefficientsAt(path, 5).intercept).toBe(-1);
    expect(coefficientsAt(path, 0.001).intercept).toBe(-3);
    expect(() => coefficientsAt(path, Number.NaN)).toThrow(/non-negative/);
  });
});
