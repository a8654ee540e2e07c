import { describe, expect, it } from 'vitest';
import { TocsinError } from '../../core/errors.js';
import { detect, type DetectOptions } from './detect.js';

const weeks = (n: number) => Array.from({ length: n }, (_, i) => (i * 7) % 5);

function refusal(series: ArrayLike<number>, options: DetectOptions): TocsinError {
  try {
    detect(series, options);
  } catch (e) {
    if (e instanceof TocsinError) return e;
    throw e;
  }
  throw new Error('detect() accepted the input');
}

describe('detect', () => {
  it('returns one row per week of the default range, indexed from 1, with the observed count', () => {
    const rows = detect(weeks(20), { method: 'ears-c1' });
    expect(rows.map((r) => r.index)).toEqual(Array.from({ length: 13 }, (_, i) => i + 8));
    expect(rows[0]!.observed).toBe(weeks(20)[7]);
  });

  it('starts each method at its first week with a full baseline: C1 8, C2 10, C3 12, CUSUM 8', () => {
    const first = (options: DetectOptions) => detect(weeks(30), options)[0]!.index;
    expect([
      first({ method: 'ears-c1' }),
      first({ method: 'ears-c2' }),
      first({ method: 'ears-c3' }),
      first({ method: 'cusum' }),
    ]).toEqual([8, 10, 12, 8]);
  });

  it('takes a Float64Array as well as an array, and rates (non-integers) for EARS', () => {
    const y = Float64Array.from(weeks(12), (v) => v + 0.25);
    expect(detect(y, { method: 'ears-c2' })).toHaveLength(3);
  });

  it('honours a range with one end given', () => {
    expect(detect(weeks(20), { method: 'ears-c1', range: { to: 9 } }).map((r) => r.index)).toEqual([8, 9]);
    expect(detect(weeks(20), { method: 'ears-c1', range: { from: 19 } }).map((r) => r.index)).toEqual([19, 20]);
  });

  it('refuses a series too short for the method, saying how many weeks it needs (reason too-short)', () => {
    const e = refusal(weeks(263), { method: 'farrington' });
    expect(e.code).toBe('invalid_input');
    expect(e.message).toMatch(/263 weeks; farrington needs at least 264/);
    expect(e.details?.reason).toBe('too-short');
    expect(refusal(weeks(9), { method: 'ears-c2' }).message).toMatch(/ears-c2 needs at least 10/);
  });

  it('refuses a range outside the series or starting before the first full baseline', () => {
    expect(refusal(weeks(20), { method: 'ears-c1', range: { from: 8, to: 21 } }).message).toMatch(
      /not within the series \(weeks 1 to 20/,
    );
    expect(refusal(weeks(20), { method: 'ears-c1', range: { from: 12, to: 10 } }).message).toMatch(/first <= last/);
    expect(refusal(weeks(20), { method: 'ears-c1', range: { from: 5, to: 10 } }).message).toMatch(/starts too early.*at least 8/);
    expect(refusal(weeks(20), { method: 'cusum', range: { from: 1, to: 10 } }).message).toMatch(/at least 2/);
  });

  it('refuses negative and fractional counts for the count methods, naming the week', () => {
    const y = weeks(300);
    y[41] = -1;
    expect(refusal(y, { method: 'cusum' }).message).toMatch(/week 42 of the series \(-1\) is not a count/);
    y[41] = 2.5;
    expect(refusal(y, { method: 'farrington', b: 4 }).message).toMatch(/week 42 .*2\.5.* non-negative integers/);
  });

  it('refuses NaN and Infinity for every method', () => {
    expect(refusal([...weeks(10), Number.NaN], { method: 'ears-c1' }).message).toMatch(/week 11 .* not a finite number/);
    expect(refusal([...weeks(10), Number.POSITIVE_INFINITY], { method: 'ears-c3' }).details).toMatchObject({ index: 11 });
  });

  it('refuses out-of-range parameters with the parameter named', () => {
    expect(refusal(weeks(20), { method: 'ears-c1', alpha: 1.5 }).message).toMatch(/alpha must be between 0 and 1/);
    expect(refusal(weeks(20), { method: 'ears-c1', baseline: 2 }).message).toMatch(/baseline must be an integer >= 3/);
    expect(refusal(weeks(400), { method: 'farrington', noPeriods: 60 }).message).toMatch(
      /noPeriods must be an integer from 1 to frequency/,
    );
    expect(refusal(weeks(400), { method: 'farrington', w: 26 }).message).toMatch(/w must be an integer from 0 to 25/);
    expect(refusal(weeks(400), { method: 'farrington', b: 1.5 }).message).toMatch(/b must be an integer >= 1/);
    const notBoolean = { method: 'farrington', reweight: 'false' } as unknown as DetectOptions;
    expect(refusal(weeks(400), notBoolean).message).toMatch(/reweight must be true or false/);
    const bogus = { method: 'farrington', thresholdMethod: 'bogus' } as unknown as DetectOptions;
    expect(refusal(weeks(400), bogus).message).toMatch(/thresholdMethod must be one of delta, nbPlugin, muan/);
  });

  it('runs over a huge series (100,000 weeks) in linear time', () => {
    const y = Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 13);
    const started = performance.now();
    for (const method of ['ears-c1', 'ears-c2', 'ears-c3', 'cusum'] as const)
      expect(detect(y, { method }).at(-1)!.index).toBe(100_000);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
