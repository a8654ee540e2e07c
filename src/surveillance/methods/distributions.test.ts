import { describe, expect, it } from 'vitest';
import { negativeBinomialQuantile, poissonQuantile, studentTwoSidedPValue } from './distributions.js';
import { incompleteBeta, logGamma } from './special-functions.js';

// Values printed by R 4.2.2 (qpois, qnbinom, 2 * pt(-|t|, df), lgamma).
const R_QPOIS: [number, number, number][] = [
  [0.95, 0.3, 1],
  [0.95, 4.2, 8],
  [0.999, 17.5, 32],
  [0.9, 1234.5, 1280],
  [0.95, 25000, 25260],
  [0.5, 1e-10, 0],
];
const R_QNBINOM: [number, number, number, number][] = [
  [0.95, 2.5, 0.4, 10],
  [0.95, 0.01, 0.9, 0],
  [0.999, 150, 0.999, 2],
  [0.9, 3e6, 0.999999, 5],
  [0.95, 40, 0.01, 5048],
  [0.99, 1e4, 0.5, 10331],
];
const R_PT: [number, number, number][] = [
  [1.96, 33, 0.058485107149877848],
  [-0.5, 33, 0.62039301790419055],
  [2.1, 234, 0.03679990393550036],
  [8, 10, 1.1774942789666136e-5],
  [0.01, 3, 0.99264911141285195],
  [40, 234, 1.3389755518433922e-106],
];
const R_LGAMMA: [number, number][] = [
  [0.1, 2.252712651734206],
  [0.5, 0.57236494292470008],
  [1.5, -0.12078223763524518],
  [3.7, 1.4280723266653881],
  [10, 12.801827480081469],
  [150.25, 601.26150403249972],
  [1e5, 1051287.7089736569],
];

describe('poissonQuantile', () => {
  it("matches R's qpois from tiny to large means", () => {
    for (const [p, lambda, q] of R_QPOIS) expect(poissonQuantile(p, lambda)).toBe(q);
  });
  it('is 0 for a zero mean and Infinity at p = 1', () => {
    expect(poissonQuantile(0.95, 0)).toBe(0);
    expect(poissonQuantile(1, 3)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('negativeBinomialQuantile', () => {
  it("matches R's qnbinom, including sizes near the Poisson limit and heavy overdispersion", () => {
    for (const [p, size, prob, q] of R_QNBINOM) expect(negativeBinomialQuantile(p, size, prob)).toBe(q);
  });
  it('is 0 for size 0 or prob 1, NaN for an invalid prob', () => {
    expect(negativeBinomialQuantile(0.95, 0, 0.5)).toBe(0);
    expect(negativeBinomialQuantile(0.95, 3, 1)).toBe(0);
    expect(negativeBinomialQuantile(0.95, 3, 0)).toBeNaN();
  });
});

describe('studentTwoSidedPValue', () => {
  it("matches R's 2 * pt(-|t|, df) to 1e-12 relative, far into the tail", () => {
    for (const [t, df, p] of R_PT) expect(Math.abs(studentTwoSidedPValue(t, df) - p)).toBeLessThan(1e-12 * p);
  });
  it('is 1 at t = 0 and NaN without degrees of freedom', () => {
    expect(studentTwoSidedPValue(0, 10)).toBeCloseTo(1, 14);
    expect(studentTwoSidedPValue(1, 0)).toBeNaN();
  });
});

describe('special functions', () => {
  it("logGamma matches R's lgamma to 1e-14 (absolute near its zeros, relative elsewhere)", () => {
    for (const [x, v] of R_LGAMMA) expect(Math.abs(logGamma(x) - v)).toBeLessThan(1e-14 * Math.max(1, Math.abs(v)));
    expect(Math.abs(logGamma(1))).toBeLessThan(1e-15);
    expect(Math.abs(logGamma(2))).toBeLessThan(1e-15);
  });
  it('incompleteBeta is 0 and 1 at the ends and symmetric: I_x(a, b) = 1 - I_(1-x)(b, a)', () => {
    expect(incompleteBeta(0, 2, 3)).toBe(0);
    expect(incompleteBeta(1, 2, 3)).toBe(1);
    expect(incompleteBeta(0.3, 2.5, 4)).toBeCloseTo(1 - incompleteBeta(0.7, 4, 2.5), 14);
    expect(incompleteBeta(0.5, 1, 1)).toBeCloseTo(0.5, 14);
  });
});
