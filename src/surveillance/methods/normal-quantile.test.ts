import { describe, expect, it } from 'vitest';
import { normalQuantile } from './normal-quantile.js';

/** [p, qnorm(p)] printed by R 4.2.2 with 17 significant digits. */
const R_QNORM: [number, number][] = [
  [0.5, 0],
  [0.9, 1.2815515655446008],
  [0.95, 1.6448536269514715],
  [0.975, 1.9599639845400536],
  [0.99, 2.3263478740408408],
  [0.999, 3.0902323061678132],
  [0.999999, 4.7534243088170891],
  [0.999999999999, 7.0344869100478356],
  [0.01, -2.3263478740408408],
  [1e-300, -37.047096299361201],
];

describe('normalQuantile', () => {
  it("matches R's qnorm to the last bit or two across the central region and both tails", () => {
    for (const [p, q] of R_QNORM) expect(Math.abs(normalQuantile(p) - q)).toBeLessThanOrEqual(2 * Number.EPSILON * Math.abs(q));
  });

  it('gives -Infinity and Infinity at 0 and 1, and NaN outside [0, 1]', () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(-0.1)).toBeNaN();
    expect(normalQuantile(Number.NaN)).toBeNaN();
  });

  it('is antisymmetric around 1/2', () => {
    for (const p of [0.3, 0.1, 0.01, 1e-8]) expect(normalQuantile(p)).toBeCloseTo(-normalQuantile(1 - p), 7);
  });
});
