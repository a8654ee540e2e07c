import { z } from 'zod';
import { TocsinError } from '../core/errors.js';
import type { ReportStatus } from './report.js';

/** The steps of verification, each taken by an analyst (or admin) with a written reason. */
export const REVIEW_ACTIONS = ['triage', 'verify', 'mark-unverified', 'reject', 'mark-duplicate'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

const TARGET: Record<ReviewAction, ReportStatus> = {
  triage: 'triaged',
  verify: 'verified',
  'mark-unverified': 'unverified',
  reject: 'rejected',
  'mark-duplicate': 'duplicate',
};

/**
 * From which statuses each step may be taken. A verified report has become an event that counts in
 * surveillance and may have raised signals: it is not rejected or un-verified afterwards (that would
 * rewrite what analysts saw); only marking it a duplicate of another verified report withdraws its
 * event, because the incident still counts once, through the other report.
 */
const FROM: Record<ReviewAction, readonly ReportStatus[]> = {
  triage: ['submitted'],
  verify: ['triaged', 'unverified'],
  'mark-unverified': ['triaged'],
  reject: ['submitted', 'triaged', 'unverified'],
  'mark-duplicate': ['submitted', 'triaged', 'unverified', 'rejected', 'verified'],
};

/** The status a step leads to from `from`, or a conflict saying which statuses allow it. */
export function nextStatus(from: ReportStatus, action: ReviewAction): ReportStatus {
  if (!FROM[action].includes(from))
    throw new TocsinError('conflict', `cannot ${action} a ${from} report: only a report ${FROM[action].join(', ')} can be`, {
      field: 'status',
    });
  return TARGET[action];
}

/** A review step as the API and CLI take it; marking a duplicate also names the original (id or reference). */
export const reviewRequestSchema = z
  .strictObject({
    action: z.enum(REVIEW_ACTIONS, { error: `must be one of ${REVIEW_ACTIONS.join(', ')}` }),
    reason: z.string().trim().min(3, 'write the reason for the record').max(10_000),
    duplicateOf: z.union([z.number().int().positive(), z.string().trim().min(1).max(40)]).optional(),
  })
  .refine((r) => r.action !== 'mark-duplicate' || r.duplicateOf !== undefined, {
    path: ['duplicateOf'],
    message: 'name the original report (id or reference)',
  });
export type ReviewRequest = z.infer<typeof reviewRequestSchema>;

/**
 * Refuses a duplicate that would lose the incident or loop: not itself, not a duplicate of a
 * duplicate (point to the original), and a verified report only to another verified report.
 */
export function duplicateProblem(
  report: { id: number; status: ReportStatus },
  original: { id: number; status: ReportStatus; reference: string },
): string | null {
  if (original.id === report.id) return 'a report cannot duplicate itself';
  if (original.status === 'duplicate') return `${original.reference} is itself a duplicate: name the original report`;
  if (report.status === 'verified' && original.status !== 'verified')
    return `this report is verified and ${original.reference} is ${original.status}: verify ${original.reference} first, so the incident still counts once`;
  return null;
}
