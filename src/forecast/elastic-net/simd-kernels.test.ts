import { describe, expect, it } from 'vitest';
import { createSimdKernels } from './simd-kernels.js';

describe('createSimdKernels', () => {
  const n = 1000;
  const k = createSimdKernels();
  const h = k.reserve(6 * n);
  const [A, B, C, D] = [0, n, 2 * n, 3 * n];
  const fill = () => {
    for (let i = 0; i < 4 * n; i++) h[i] = Math.sin(i * 0.37) * (1 + (i % 7));
  };
  const plain = (f: (i: number) => number) => Array.from({ length: n }, (_, i) => f(i)).reduce((s, v) => s + v, 0);

  it('computes dot products and fused update-then-dot / update-then-sum like plain loops', () => {
    fill();
    expect(k.dot(A, B, n)).toBeCloseTo(
      plain((i) => h[A + i]! * h[B + i]!),
      10,
    );
    const r = Array.from(h.subarray(A, A + n), (v, i) => v - 0.25 * h[B + i]!);
    expect(k.updateThenDot(A, B, C, n, 0.25)).toBeCloseTo(
      plain((i) => r[i]! * h[C + i]!),
      10,
    );
    expect(Array.from(h.subarray(A, A + n))).toEqual(r);
    const r2 = r.map((v, i) => v - -1.5 * h[D + i]!);
    expect(k.updateThenSum(A, D, n, -1.5)).toBeCloseTo(
      plain((i) => r2[i]!),
      10,
    );
    expect(Array.from(h.subarray(A, A + n))).toEqual(r2);
  });

  it('stores v * x and returns the weighted sum of squares; adds a scaled column', () => {
    fill();
    const expected = plain((i) => h[A + i]! * h[B + i]! * h[B + i]!);
    expect(k.weightedSquares(A, B, C, n)).toBeCloseTo(expected, 10);
    expect(Array.from(h.subarray(C, C + n))).toEqual(Array.from({ length: n }, (_, i) => h[A + i]! * h[B + i]!));
    const y = Array.from(h.subarray(D, D + n), (v, i) => v + 3 * h[B + i]!);
    k.addScaled(D, B, n, 3);
    expect(Array.from(h.subarray(D, D + n))).toEqual(y);
    const y4 = y.map((v, i) => v + 2 * h[A + i]! + -1 * h[B + i]! + 0.5 * h[C + i]! + 4 * h[A + i]!);
    k.addScaled4(D, [A, B, C, A], n, [2, -1, 0.5, 4]);
    expect(Array.from(h.subarray(D, D + n))).toEqual(y4);
  });

  it('computes the IRLS weights as 1 / (1 + exp(-eta)) to within 2 ulp of Math.exp, 0 and 1 beyond +-fmax', () => {
    const m = 4000;
    const hh = k.reserve(6 * m);
    const [ETA, W, Y, Q, V, R] = [0, m, 2 * m, 3 * m, 4 * m, 5 * m];
    for (let i = 0; i < m; i++) {
      hh[ETA + i] = i < 8 ? [-30, -20.8, -20.7, 0, 1e-20, 20.7, 20.8, 30][i]! : (i - m / 2) / 90 + Math.sin(i);
      hh[W + i] = 1 / m;
      hh[Y + i] = i % 7 === 0 ? 1 : 0;
    }
    const xmz = k.irlsWeights(ETA, W, Y, Q, V, R, m);
    const fmax = Math.log(1 / 1e-9 - 1);
    let sum = 0;
    for (let i = 0; i < m; i++) {
      const e = hh[ETA + i]!;
      const q = e < -fmax ? 0 : e > fmax ? 1 : 1 / (1 + Math.exp(-e));
      expect(Math.abs(hh[Q + i]! - q), `eta ${e}`).toBeLessThanOrEqual(2 * Number.EPSILON * Math.max(q, 1e-300));
      expect(hh[V + i]).toBeCloseTo(hh[W + i]! * q * (1 - q), 18);
      expect(hh[R + i]).toBeCloseTo(hh[W + i]! * (hh[Y + i]! - q), 18);
      sum += hh[W + i]! * q * (1 - q);
    }
    expect([0, 1, 3, 4, 6, 7].map((i) => hh[Q + i])).toEqual([0, 0, 0.5, 0.5, 1, 1]);
    expect(xmz).toBeCloseTo(sum, 15);
  });

  it('grows its memory on demand and hands back a zeroed heap', () => {
    const big = k.reserve(3_000_000);
    expect(big.length).toBeGreaterThanOrEqual(3_000_000);
    expect(big[2_999_999]).toBe(0);
    big[10] = 5;
    expect(k.dot(8, 8, 8)).toBe(25);
  });
});
