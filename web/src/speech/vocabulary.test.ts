import { describe, expect, it } from 'vitest';
import {
  ASSESSMENTS as S_ASSESSMENTS,
  RABAT_PARTS as S_PARTS,
  REVIEW_DECISIONS as S_DECISIONS,
} from '../../../src/speech/queue/rabat.js';
import { ASSESSMENTS, RABAT_PARTS, REVIEW_DECISIONS } from './vocabulary.js';

describe('speech review vocabulary', () => {
  it('is the server’s own: the six Rabat parts, the assessments and the decisions, in order', () => {
    expect(RABAT_PARTS).toEqual(S_PARTS);
    expect(ASSESSMENTS).toEqual(S_ASSESSMENTS);
    expect(REVIEW_DECISIONS).toEqual(S_DECISIONS);
  });
});
