import { describe, expect, it } from 'vitest';
import { decisionProblem, RABAT_PARTS, reviewSchema, type Rabat } from './rabat.js';

const all = (assessment: 'met' | 'not-met' | 'unclear'): Rabat =>
  Object.fromEntries(RABAT_PARTS.map((p) => [p, { assessment, note: '' }])) as Rabat;

describe('decisionProblem', () => {
  it('lets incitement stand when every part is assessed and intent and likelihood are met', () => {
    expect(decisionProblem(all('met'), 'incitement')).toBeNull();
    expect(decisionProblem({ ...all('met'), extent: { assessment: 'not-met', note: 'a small group' } }, 'incitement')).toBeNull();
  });

  it('refuses incitement with a part left unclear, naming the part', () => {
    expect(decisionProblem({ ...all('met'), speaker: { assessment: 'unclear', note: '' } }, 'incitement')).toMatchObject({
      part: 'speaker',
    });
  });

  it('refuses incitement without intent or likelihood met', () => {
    expect(decisionProblem({ ...all('met'), intent: { assessment: 'not-met', note: '' } }, 'incitement')).toMatchObject({
      part: 'intent',
      reason: 'incitement needs intent met, and it is not-met',
    });
    expect(decisionProblem({ ...all('met'), likelihood: { assessment: 'not-met', note: '' } }, 'incitement')?.part).toBe(
      'likelihood',
    );
  });

  it('accepts the lesser decisions whatever the parts say', () => {
    for (const d of ['not-hate-speech', 'hate-speech', 'unclear'] as const) expect(decisionProblem(all('unclear'), d)).toBeNull();
  });
});

describe('reviewSchema', () => {
  it('needs all six parts, each with an assessment from the list', () => {
    const { likelihood: _dropped, ...five } = all('met');
    const r = reviewSchema.safeParse({ rabat: five, decision: 'hate-speech' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['rabat', 'likelihood']);
    const bad = reviewSchema.safeParse({ rabat: { ...all('met'), intent: { assessment: 'maybe' } }, decision: 'hate-speech' });
    expect(bad.error?.issues[0]?.path).toEqual(['rabat', 'intent', 'assessment']);
  });
});
