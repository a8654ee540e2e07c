import type { Role } from '../access/roles.js';
import { TocsinError } from '../core/errors.js';
import type { Decision, WarningStatus } from './warning.js';

/** The steps that have a deadline: acknowledging a raised warning, deciding on an acknowledged one. */
export type Step = 'acknowledge' | 'decide';

/** What the state machine needs to know about a warning. */
export interface LifecycleState {
  id: number;
  status: WarningStatus;
  decision: Decision | null;
}

export type Transition =
  | { action: 'acknowledge' }
  | { action: 'decide'; decision: Decision; reason: string }
  | { action: 'start-measures' }
  | { action: 'close'; note: string }
  | { action: 'escalate' };

const VERB: Readonly<Record<Transition['action'], string>> = {
  acknowledge: 'acknowledged',
  decide: 'decided on',
  'start-measures': 'moved to measures',
  close: 'closed',
  escalate: 'escalated',
};

/** The statuses each transition may start from. */
const FROM: Readonly<Record<Transition['action'], readonly WarningStatus[]>> = {
  acknowledge: ['raised'],
  decide: ['acknowledged'],
  'start-measures': ['decided'],
  close: ['decided', 'measures'],
  escalate: ['raised', 'acknowledged'],
};

const WHY: Partial<Record<WarningStatus, Partial<Record<Transition['action'], string>>>> = {
  raised: { decide: 'acknowledge it first', close: 'decide on it first (no-action, with the reason, to withdraw it)' },
  acknowledged: { close: 'decide on it first (no-action, with the reason, to withdraw it)' },
  decided: { escalate: 'no step is waiting: it has been decided' },
  measures: { escalate: 'no step is waiting: it has been decided' },
};

/**
 * The warning lifecycle: raised -> acknowledged -> decided -> measures (an 'act' decision with its
 * first measure) -> closed. Returns the status after the transition, or refuses with why
 * ("warning 12 is closed: it cannot be acknowledged").
 */
export function transition(w: LifecycleState, t: Transition): WarningStatus {
  if (!FROM[t.action].includes(w.status)) {
    const why = WHY[w.status]?.[t.action];
    throw new TocsinError('conflict', `warning ${w.id} is ${w.status}: it cannot be ${VERB[t.action]}${why ? `; ${why}` : ''}`, {
      status: w.status,
    });
  }
  switch (t.action) {
    case 'acknowledge':
      return 'acknowledged';
    case 'decide':
      if (!t.reason.trim())
        throw new TocsinError('invalid_input', 'reason: a decision needs a written reason', { field: 'reason' });
      return 'decided';
    case 'start-measures':
      if (w.decision !== 'act')
        throw new TocsinError('conflict', `warning ${w.id} was decided "${w.decision}": measures follow an "act" decision`);
      return 'measures';
    case 'close':
      if (!t.note.trim()) throw new TocsinError('invalid_input', 'note: closing a warning needs a note', { field: 'note' });
      return 'closed';
    case 'escalate':
      return w.status;
  }
}

/** The step waiting on a warning, if any. */
export const waitingStep = (status: WarningStatus): Step | null =>
  status === 'raised' ? 'acknowledge' : status === 'acknowledged' ? 'decide' : null;

/** The step of a warning that is overdue at `now` (strictly after its due time), if any. */
export function overdueStep(w: { status: WarningStatus; ackDueAt: Date; decideDueAt: Date }, now: Date): Step | null {
  const step = waitingStep(w.status);
  if (step === 'acknowledge' && now.getTime() > w.ackDueAt.getTime()) return step;
  if (step === 'decide' && now.getTime() > w.decideDueAt.getTime()) return step;
  return null;
}

/**
 * The new due time of an overdue step: the old one plus the step's interval from the settings, or
 * `now` plus the interval if that is still past (after the scheduler was down, one escalation per
 * interval, not a cascade through every tier at once).
 */
export function extendedDue(oldDue: Date, intervalHours: number, now: Date): Date {
  const ms = intervalHours * 3_600_000;
  const next = oldDue.getTime() + ms;
  return new Date(next > now.getTime() ? next : now.getTime() + ms);
}

/**
 * Who may acknowledge and decide: admins, and decision-makers who are recipients (by name or by
 * role) of a tier the warning has reached.
 */
export function assertMayDecide(
  w: { id: number; tier: number },
  user: { id: number; username: string; role: Role },
  recipients: readonly { tier: number; userId: number | null; role: Role | null }[],
): void {
  if (user.role === 'admin') return;
  if (user.role !== 'decision-maker')
    throw new TocsinError(
      'forbidden',
      `${user.username} is ${user.role}: only decision-makers and admins acknowledge and decide`,
    );
  const reached = recipients.filter((r) => r.tier <= w.tier);
  if (!reached.some((r) => r.userId === user.id || r.role === user.role))
    throw new TocsinError('forbidden', `${user.username} is not a recipient of warning ${w.id} (tiers 0-${w.tier} reached)`);
}
