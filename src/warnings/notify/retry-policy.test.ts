import { describe, expect, it } from 'vitest';
import { afterFailure, MAX_ATTEMPTS, retryDelaySeconds } from './retry-policy.js';

describe('retry policy', () => {
  it('doubles the wait from one minute after each failure', () => {
    expect([1, 2, 3, 4, 7].map(retryDelaySeconds)).toEqual([60, 120, 240, 480, 3840]);
    expect(retryDelaySeconds(30)).toBe(6 * 3600);
  });

  it('gives up after eight attempts', () => {
    const now = new Date('2026-03-01T00:00:00Z');
    expect(afterFailure(MAX_ATTEMPTS - 1, now)).toEqual({ status: 'pending', nextAttemptAt: new Date('2026-03-01T01:04:00Z') });
    expect(afterFailure(MAX_ATTEMPTS, now)).toEqual({ status: 'failed' });
  });
});
