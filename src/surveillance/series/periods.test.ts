import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../core/brand.js';
import { mondayOf, monthOf, nextPeriod, periodsBetween, zeroFill } from './periods.js';

const d = (s: string) => s as IsoDate;

describe('periods', () => {
  it('puts every day of a week on its Monday, Sunday included', () => {
    expect(mondayOf(d('2013-03-24'))).toBe('2013-03-18'); // a Sunday
    expect(mondayOf(d('2013-03-18'))).toBe('2013-03-18');
    expect(mondayOf(d('2021-01-01'))).toBe('2020-12-28'); // across a year end
  });

  it('steps months across year ends and weeks across month ends', () => {
    expect(monthOf(d('2013-12-31'))).toBe('2013-12-01');
    expect(nextPeriod(d('2013-12-01'), 'monthly')).toBe('2014-01-01');
    expect(nextPeriod(d('2013-02-25'), 'weekly')).toBe('2013-03-04');
  });

  it('lists every period between two dates, inclusive', () => {
    expect(periodsBetween(d('2013-01-01'), d('2013-01-15'), 'weekly')).toEqual(['2012-12-31', '2013-01-07', '2013-01-14']);
    expect(periodsBetween(d('2012-11-30'), d('2013-01-01'), 'monthly')).toEqual(['2012-11-01', '2012-12-01', '2013-01-01']);
  });

  it('zero-fills periods without a row', () => {
    const periods = periodsBetween(d('2013-01-01'), d('2013-01-21'), 'weekly');
    expect([...zeroFill(periods, new Map([['2013-01-07', 3]]))]).toEqual([0, 3, 0, 0]);
  });
});
