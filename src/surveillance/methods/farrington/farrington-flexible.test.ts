import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detect } from '../detect.js';

/** Six years of a seasonal weekly series: 4 + 2 sin(week), rounded, deterministic. */
const seasonal = Array.from({ length: 312 }, (_, i) => Math.round(4 + 2 * Math.sin((2 * Math.PI * i) / 52)));

describe('farringtonFlexible', () => {
  it('monitors from week 52 b + w + 1 to the last week by default', () => {
    const rows = detect(seasonal, { method: 'farrington' });
    expect(rows[0]!.index).toBe(52 * 5 + 3 + 1);
    expect(rows.at(-1)!.index).toBe(312);
  });

  it('alarms on a count well above the seasonal expectation, and not on the usual counts', () => {
    const y = [...seasonal];
    y[300] = 25;
    const rows = detect(y, { method: 'farrington', range: { from: 290, to: 312 } });
    expect(rows.filter((r) => r.alarm).map((r) => r.index)).toEqual([301]);
    expect(rows.find((r) => r.index === 301)!.upperbound).toBeLessThan(25);
  });

  it('gives no bound and no alarm unless the last 4 weeks hold at least 5 cases (limit54)', () => {
    const y = [...seasonal];
    y.splice(296, 4, 1, 0, 2, 1); // weeks 297..300 hold 4 cases
    const row = detect(y, { method: 'farrington', range: { from: 300, to: 300 } })[0]!;
    expect(row.upperbound).toBeNull();
    expect(row.alarm).toBe(false);
  });

  it('gives no result where R gets no converged fit: an all-zero baseline of 237 weeks (Noufaily settings)', () => {
    const y = [...Array<number>(300).fill(0), 3, 5, 2, 4, 1, 6, 2, 3, 4, 5, 2, 3];
    const row = detect(y, { method: 'farrington', noPeriods: 10, pastWeeksNotIncluded: 26, range: { from: 305, to: 305 } })[0]!;
    expect(row).toEqual({ index: 305, observed: 1, upperbound: null, alarm: null });
  });

  it('still gives a (tiny) bound on an all-zero baseline with the default 35-week baseline, as R does', () => {
    const y = [...Array<number>(300).fill(0), 3, 5, 2, 4, 1, 6, 2, 3, 4, 5, 2, 3];
    const row = detect(y, { method: 'farrington', range: { from: 305, to: 305 } })[0]!;
    expect(row.upperbound).toBeGreaterThan(0);
    expect(row.upperbound).toBeLessThan(0.01);
    expect(row.alarm).toBe(true);
  });

  it('gives integer bounds with the negative-binomial quantile (nbPlugin)', () => {
    const rows = detect(seasonal, { method: 'farrington', thresholdMethod: 'nbPlugin' });
    expect(rows.every((r) => r.upperbound === null || Number.isInteger(r.upperbound))).toBe(true);
  });

  it('with alarmsOnly, skips weeks that cannot alarm yet alarms exactly where the full run does, on the CAR series', () => {
    const text = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'caf_ucdp_weekly.csv'), 'utf8');
    const y = text
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => Number(l.split(',').at(-1)));
    for (const options of [{}, { noPeriods: 10, pastWeeksNotIncluded: 26, pThresholdTrend: 1 }]) {
      const full = detect(y, { method: 'farrington', ...options });
      const fast = detect(y, { method: 'farrington', ...options, alarmsOnly: true });
      expect(fast.filter((r) => r.alarm).map((r) => r.index)).toEqual(full.filter((r) => r.alarm).map((r) => r.index));
      expect(full.filter((r) => r.alarm).length).toBeGreaterThan(10);
      // Where a week could alarm, the bound is R's.
      for (const r of fast) if (r.upperbound !== null) expect(r.upperbound).toBe(full[r.index - full[0]!.index]!.upperbound);
      expect(fast.filter((r) => r.upperbound === null).length).toBeGreaterThan(full.filter((r) => r.upperbound === null).length);
    }
  });
});
