/**
 * The report vocabularies as the server defines them (src/reports/report.ts, review.ts). Those
 * modules also build the server's zod schemas and pull in the country table, far too heavy for
 * the intake form on a field phone, so the lists are repeated here and vocabulary.test.ts fails
 * the moment they drift.
 */
export const ACTS = [
  'killing',
  'torture',
  'sexual-violence',
  'abduction',
  'disappearance',
  'displacement',
  'destruction-of-property',
  'looting',
  'incitement',
  'detention',
  'attack-on-humanitarian',
  'other',
] as const;
export type Act = (typeof ACTS)[number];

export const VICTIM_KINDS = ['individual', 'group'] as const;
export type VictimKind = (typeof VICTIM_KINDS)[number];

/** How a perpetrator took part: committed it, ordered it, aided it, or failed to prevent it. */
export const INVOLVEMENTS = ['direct', 'ordered', 'aided', 'failed-to-prevent', 'unknown'] as const;
export type Involvement = (typeof INVOLVEMENTS)[number];

export const SOURCE_KINDS = ['witness', 'victim', 'informant', 'media', 'document', 'other'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Admiralty grading: source reliability A (completely reliable) to F (cannot be judged)… */
export const RELIABILITIES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type Reliability = (typeof RELIABILITIES)[number];
/** …and information credibility 1 (confirmed) to 6 (cannot be judged). */
export const CREDIBILITIES = [1, 2, 3, 4, 5, 6] as const;

export const REPORT_STATUSES = ['submitted', 'triaged', 'verified', 'unverified', 'rejected', 'duplicate'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REVIEW_ACTIONS = ['triage', 'verify', 'mark-unverified', 'reject', 'mark-duplicate'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** From which statuses each verification step may be taken (the server's rule, see docs/reports.md). */
const OPEN_FROM: Readonly<Record<ReviewAction, readonly ReportStatus[]>> = {
  triage: ['submitted'],
  verify: ['triaged', 'unverified'],
  'mark-unverified': ['triaged'],
  reject: ['submitted', 'triaged', 'unverified'],
  'mark-duplicate': ['submitted', 'triaged', 'unverified', 'rejected', 'verified'],
};

/** The steps open from `status`, in the order of the verification path. */
export const openSteps = (status: ReportStatus): ReviewAction[] => REVIEW_ACTIONS.filter((a) => OPEN_FROM[a].includes(status));
