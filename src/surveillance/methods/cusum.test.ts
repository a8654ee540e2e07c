import { describe, expect, it } from 'vitest';
import { cusum } from './cusum.js';

describe('cusum', () => {
  it('accumulates standardised excesses over k from the mean of the weeks before the range, alarming at h', () => {
    // m = 4 (weeks 1..4), sqrt(m) = 2: z = (y - 4) / 2
    const y = Float64Array.from([4, 4, 4, 4, 8, 8, 4]);
    const out = cusum(y, { from: 5, to: 7, k: 1.04, h: 2.26 });
    // S: max(0, 2 - 1.04) = 0.96; 0.96 + 0.96 = 1.92; 1.92 + (0 - 1.04) = 0.88
    expect(Array.from(out.alarm)).toEqual([0, 0, 0]);
    // U = ceiling(2 (h + k - S(t-1)) + 4): S(t-1) = 0, 0.96, 1.92
    expect(Array.from(out.upperbound)).toEqual([11, 9, 7]);
  });

  it('alarms once the sum reaches h', () => {
    const out = cusum(Float64Array.from([1, 1, 1, 1, 5]), { from: 5, to: 5, k: 1.04, h: 2.26 });
    expect(out.alarm[0]).toBe(1); // z = 4
  });

  it("keeps R's arithmetic when the mean before the range is 0: bound 0, alarm undefined (NA)", () => {
    const out = cusum(Float64Array.from([0, 0, 0, 0, 0, 3]), { from: 5, to: 6, k: 1.04, h: 2.26 });
    expect(Array.from(out.upperbound)).toEqual([0, 0]);
    expect(Array.from(out.alarm)).toEqual([-1, -1]);
  });
});
