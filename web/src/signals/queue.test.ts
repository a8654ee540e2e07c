import { describe, expect, it } from 'vitest';
import { apiParams, excess, queryFromSearch, searchOfQuery, seriesWindow, sortSignals, type SignalQuery } from './queue.js';

const signal = (id: number, week: string, observed: number, upperbound: number | null) => ({ id, week, observed, upperbound });

describe('excess', () => {
  it('is the count over its upper bound', () => {
    expect(excess({ observed: 12, upperbound: 4 })).toBe(3);
  });

  it('is infinite above a zero bound and null without a bound', () => {
    expect(excess({ observed: 2, upperbound: 0 })).toBe(Infinity);
    expect(excess({ observed: 0, upperbound: 0 })).toBeNull();
    expect(excess({ observed: 9, upperbound: null })).toBeNull();
  });
});

describe('sortSignals', () => {
  const a = signal(1, '2013-12-02', 10, 5); // 2x
  const b = signal(2, '2014-01-06', 30, 20); // 1.5x, newest
  const c = signal(3, '2013-11-04', 7, null); // no bound
  const d = signal(4, '2013-10-07', 3, 0); // above a zero bound
  const e = signal(5, '2013-12-02', 20, 10); // 2x, more counted than a

  it('puts the newest week first, the higher id first within a week', () => {
    expect(sortSignals([c, a, d, b, e], 'newest').map((s) => s.id)).toEqual([2, 5, 1, 3, 4]);
  });

  it('puts the strongest alarm first, the larger count among equals, and unbounded ones last', () => {
    expect(sortSignals([c, a, d, b, e], 'strongest').map((s) => s.id)).toEqual([4, 5, 1, 2, 3]);
  });

  it('leaves its input untouched', () => {
    const input = [a, b];
    sortSignals(input, 'strongest');
    expect(input).toEqual([a, b]);
  });
});

describe('the queue query in the address bar', () => {
  it('defaults to new signals, newest first', () => {
    expect(queryFromSearch(new URLSearchParams(''))).toEqual({ status: 'new', country: '', method: '', order: 'newest' });
  });

  it('round-trips every filter, writing "all statuses" as status=all', () => {
    const q: SignalQuery = { status: '', country: 'CAF', method: 'ears-c2', order: 'strongest' };
    const search = searchOfQuery(q);
    expect(search).toBe('?status=all&country=CAF&method=ears-c2&order=strongest');
    expect(queryFromSearch(new URLSearchParams(search))).toEqual(q);
  });

  it('drops values it does not know instead of passing them on', () => {
    expect(queryFromSearch(new URLSearchParams('status=bogus&country=caf;x&order=loudest'))).toEqual({
      status: 'new',
      country: '',
      method: '',
      order: 'newest',
    });
  });

  it('asks the API for the filters only, never for "all"', () => {
    expect(apiParams({ status: '', country: 'CAF', method: '', order: 'strongest' }).toString()).toBe('country=CAF');
    expect(apiParams({ status: 'monitoring', country: '', method: 'ears-c2', order: 'newest' }).toString()).toBe(
      'status=monitoring&method=ears-c2',
    );
  });
});

describe('seriesWindow', () => {
  const periods = ['w1', 'w2', 'w3', 'w4', 'w5', 'w6'];
  const values = [1, 2, 3, 4, 5, 6];

  it('takes the weeks around the signal and says where it is', () => {
    expect(seriesWindow(periods, values, 'w4', 2, 1)).toEqual({
      periods: ['w2', 'w3', 'w4', 'w5'],
      values: [2, 3, 4, 5],
      index: 2,
    });
  });

  it('stops at the ends of the series', () => {
    expect(seriesWindow(periods, values, 'w2', 5, 9)).toEqual({ periods, values, index: 1 });
  });

  it('is null when the week is not in the series', () => {
    expect(seriesWindow(periods, values, 'w9')).toBeNull();
  });
});
