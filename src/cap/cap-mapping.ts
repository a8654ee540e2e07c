import type { Decision, Origin, Severity, WarningStatus } from '../warnings/warning.js';

/**
 * How a Tocsin warning reads in CAP 1.2 terms (docs/cap.md explains each choice).
 * CAP severity is the harm expected: Extreme (extraordinary threat to life), Severe (significant
 * threat), Moderate, Minor. Our severities map one to one.
 */
export const CAP_SEVERITY: Readonly<Record<Severity, 'Extreme' | 'Severe' | 'Moderate' | 'Minor'>> = {
  critical: 'Extreme',
  high: 'Severe',
  medium: 'Moderate',
  low: 'Minor',
};

export type CapUrgency = 'Immediate' | 'Expected' | 'Future' | 'Past';
export type CapCertainty = 'Likely' | 'Possible' | 'Unlikely';
export type CapMsgType = 'Alert' | 'Update' | 'Cancel';

const HOUR = 3_600_000;
/** Decision deadlines this close (or already passed) make a warning Immediate: the critical deadline. */
export const IMMEDIATE_WITHIN_HOURS = 72;
/** Within two weeks: Expected; later: Future. */
export const EXPECTED_WITHIN_HOURS = 14 * 24;

/**
 * CAP urgency (when to act) from the warning's decision deadline: a closed warning is Past; one whose
 * decision is due within 72 hours, or overdue, Immediate; within 14 days, Expected; later, Future.
 * Decided warnings are read from the same deadline: the time to act has not moved away.
 */
export function capUrgency(w: { status: WarningStatus; decideDueAt: string }, now: Date): CapUrgency {
  if (w.status === 'closed') return 'Past';
  const hoursLeft = (Date.parse(w.decideDueAt) - now.getTime()) / HOUR;
  if (hoursLeft <= IMMEDIATE_WITHIN_HOURS) return 'Immediate';
  return hoursLeft <= EXPECTED_WITHIN_HOURS ? 'Expected' : 'Future';
}

/**
 * CAP certainty (how likely the harm): Likely once decision-makers decided to act or when the
 * warning rests on a published assessment; Unlikely when they decided no action was needed;
 * Possible otherwise (a signal, a forecast or a report not yet weighed).
 */
export function capCertainty(w: { decision: Decision | null; origin: Origin }): CapCertainty {
  if (w.decision === 'no-action') return 'Unlikely';
  if (w.decision === 'act' || w.origin === 'assessment') return 'Likely';
  return 'Possible';
}

/** Alert when first raised; Cancel when closed with no action; Update for every later step. */
export function capMsgType(w: { status: WarningStatus; decision: Decision | null }): CapMsgType {
  if (w.status === 'raised') return 'Alert';
  return w.status === 'closed' && w.decision === 'no-action' ? 'Cancel' : 'Update';
}
