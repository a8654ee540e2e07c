import { describe, expect, it } from 'vitest';
import { reviewRequestSchema } from '../../../../src/reports/review.js';
import { REASON_MAX, stepProblems } from './review-rules.js';

describe('stepProblems', () => {
  it('asks for a step, a written reason, and the original of a duplicate', () => {
    expect(stepProblems({ action: null, reason: '  ok ', duplicateOf: '' })).toEqual(['action', 'reasonShort']);
    expect(stepProblems({ action: 'mark-duplicate', reason: 'same attack', duplicateOf: ' ' })).toEqual(['original']);
    expect(stepProblems({ action: 'verify', reason: 'x'.repeat(REASON_MAX + 1), duplicateOf: '' })).toEqual(['reasonLong']);
  });

  it('lets through exactly what the server accepts', () => {
    for (const reason of ['ab', 'abc', '  abc  ', 'two witnesses']) {
      const ours = stepProblems({ action: 'verify', reason, duplicateOf: '' }).length === 0;
      expect(ours, reason).toBe(reviewRequestSchema.safeParse({ action: 'verify', reason }).success);
    }
  });
});
