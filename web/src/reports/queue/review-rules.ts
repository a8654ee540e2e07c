import type { ReviewAction } from '../vocabulary.js';

/** What can be wrong with a verification step before it is sent (the server checks again). */
export type StepProblem = 'action' | 'reasonShort' | 'reasonLong' | 'original';

/** The server's bounds on a written reason (src/reports/review.ts). */
export const REASON_MIN = 3;
export const REASON_MAX = 10_000;

/** Every problem of a step: no step chosen, a reason too short or long, a duplicate without its original. */
export function stepProblems(step: { action: ReviewAction | null; reason: string; duplicateOf: string }): StepProblem[] {
  const problems: StepProblem[] = [];
  if (step.action === null) problems.push('action');
  const reason = step.reason.trim();
  if (reason.length < REASON_MIN) problems.push('reasonShort');
  if (reason.length > REASON_MAX) problems.push('reasonLong');
  if (step.action === 'mark-duplicate' && step.duplicateOf.trim() === '') problems.push('original');
  return problems;
}
