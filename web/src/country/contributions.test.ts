import { describe, expect, it } from 'vitest';
import type { Contribution } from './api.js';
import { barShares, rankContributions, signedLogOdds } from './contributions.js';

const c = (predictor: string, contribution: number): Contribution => ({
  predictor,
  value: 1,
  mean: 0.5,
  coefficient: contribution * 2,
  contribution,
});

describe('rankContributions', () => {
  it('orders by strength whatever the direction, and drops what does not move the forecast', () => {
    const ranked = rankContributions([c('a', 0.2), c('b', -0.9), c('zero', 0), c('tiny', 0.001), c('d', 0.5), c('nan', NaN)]);
    expect(ranked.map((x) => x.predictor)).toEqual(['b', 'd', 'a']);
  });

  it('breaks ties by name so the order is stable', () => {
    expect(rankContributions([c('y', 0.3), c('x', -0.3)]).map((x) => x.predictor)).toEqual(['x', 'y']);
  });
});

describe('barShares', () => {
  it('scales every bar against the strongest one', () => {
    expect(barShares([c('a', -0.8), c('b', 0.4), c('c', 0.2)])).toEqual([1, 0.5, 0.25]);
    expect(barShares([])).toEqual([]);
  });
});

describe('signedLogOdds', () => {
  it('writes the sign apart from the localised number', () => {
    const two = (n: number) => n.toFixed(2);
    expect(signedLogOdds(0.842, two)).toBe('+0.84');
    expect(signedLogOdds(-0.31, two)).toBe('−0.31');
  });
});
