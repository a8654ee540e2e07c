import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { earsBaseline, earsC1, earsC2, earsC3, type EarsParameters } from './ears.js';
import { parseReference, R_CODE_C3_CASE } from './fixtures/golden-cases.js';
import { normalQuantile } from './normal-quantile.js';
import { readSeriesColumn } from './series-csv.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const params = (from: number, to: number, alpha = 0.05): EarsParameters => ({ from, to, alpha, baseline: 7, minSigma: 0 });
const z95 = normalQuantile(0.95);

describe('earsC1', () => {
  it('alarms when the count exceeds mean + z * sd of the 7-week baseline t-7..t-1', () => {
    const y = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 20, 4]);
    const out = earsC1(y, params(8, 9));
    const sd = Math.sqrt(28 / 6); // mean 4 over 1..7
    expect(out.upperbound[0]).toBeCloseTo(4 + z95 * sd, 12);
    expect(Array.from(out.alarm)).toEqual([1, 0]);
  });

  it('gives the baseline mean as bound when the baseline is constant (sd 0), alarming above it', () => {
    const out = earsC1(Float64Array.from([3, 3, 3, 3, 3, 3, 3, 4]), params(8, 8));
    expect(out.upperbound[0]).toBe(3);
    expect(out.alarm[0]).toBe(1);
  });

  it('floors the sd at minSigma', () => {
    const out = earsC1(Float64Array.from([0, 0, 0, 0, 0, 0, 0, 1]), { ...params(8, 8), minSigma: 1 });
    expect(out.upperbound[0]).toBeCloseTo(z95, 14);
  });
});

describe('earsC2', () => {
  it('uses the baseline t-9..t-3, skipping a two-week guard band', () => {
    const y = Float64Array.from([1, 1, 1, 1, 1, 1, 1, 50, 50, 2]);
    const out = earsC2(y, params(10, 10));
    expect(out.upperbound[0]).toBe(1);
    expect(out.alarm[0]).toBe(1);
  });
});

describe('earsC3 (CDC definition)', () => {
  // Weeks 1..9 alternate 0/2 (C2 baseline mean 1, sd ~1.07); then rises.
  const y = Float64Array.from([0, 2, 0, 2, 0, 2, 0, 2, 0, 2, 0, 2, 5]);
  const stats = new Float64Array(2);
  const score = (t: number) => {
    earsBaseline(y, t, 7, 2, stats);
    return (y[t - 1]! - stats[0]!) / stats[1]!;
  };

  it("sums max(0, C2' - 1) over weeks t-2..t, the current week included, and alarms when the sum reaches z", () => {
    const out = earsC3(y, params(12, 13));
    const c3 = [11, 12, 13].reduce((s, t) => s + Math.max(0, score(t) - 1), 0);
    expect(c3).toBeGreaterThan(z95);
    expect(out.alarm[1]).toBe(1);
  });

  it('bounds the current week by the count at which C3 would reach z: m + s (1 + z - A)', () => {
    const out = earsC3(y, params(13, 13));
    const previous = [11, 12].reduce((s, t) => s + Math.max(0, score(t) - 1), 0);
    earsBaseline(y, 13, 7, 2, stats);
    expect(out.upperbound[0]).toBeCloseTo(stats[0]! + stats[1]! * (1 + z95 - previous), 12);
  });

  it('alarms on a constant baseline exactly when the count rises above it (score +Infinity), not on 0/0', () => {
    const flat = Float64Array.from([...Array<number>(11).fill(0), 0, 1]);
    const out = earsC3(flat, params(12, 13));
    expect(Array.from(out.alarm)).toEqual([0, 1]);
  });
});

describe("earsC3 against R's own C3 (surveillance 1.20.3, salmNewport)", () => {
  // R's earsC(method = "C3") reports U = max(0, y(t) + s(t) (z - A(t))), A(t) from weeks t-2 and t-1 only,
  // and alarms when y > U, i.e. when A(t) > z. Rebuilding that from our C2 baselines checks every shared
  // piece (means, sds, C2 scores) against R; the alarms then differ only by the current week's score.
  it('shares its C2 baselines and scores with R: R bounds rebuilt from them agree to 1e-6', () => {
    const text = readFileSync(join(FIXTURES, R_CODE_C3_CASE.series), 'utf8');
    const y = Float64Array.from(readSeriesColumn(text, R_CODE_C3_CASE.column, R_CODE_C3_CASE.series, true));
    const ref = parseReference(readFileSync(join(FIXTURES, R_CODE_C3_CASE.ref), 'utf8'));
    const z = normalQuantile(1 - 0.025);
    const stats = new Float64Array(2);
    const part = (t: number) => {
      earsBaseline(y, t, 7, 2, stats);
      return Math.max(0, (y[t - 1]! - stats[0]!) / stats[1]! - 1);
    };
    const ours = earsC3(y, { from: 12, to: y.length, alpha: 0.025, baseline: 7, minSigma: 0 });
    let compared = 0;
    let onlyOurs = 0;
    for (const r of ref) {
      const previous = part(r.index - 2) + part(r.index - 1);
      earsBaseline(y, r.index, 7, 2, stats);
      const rBound = Math.max(0, y[r.index - 1]! + stats[1]! * (z - previous));
      compared++;
      expect(Math.abs(rBound - r.upperbound!)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(r.upperbound!)));
      const ourAlarm = ours.alarm[r.index - 12] === 1;
      if (r.alarm)
        expect(ourAlarm).toBe(true); // A(t) > z implies A(t) + current part >= z
      else if (ourAlarm) onlyOurs++;
    }
    expect(compared).toBe(517); // weeks 12..528, none with a constant baseline
    expect(onlyOurs).toBeGreaterThan(0); // weeks where the current week's own score completes the alarm
  });
});
