import type { Severity, WarningStatus } from '../../../src/warnings/warning.js';

/** The step a warning waits for: acknowledgement while raised, a decision once acknowledged. */
export type PendingStep = 'acknowledge' | 'decide';

/** What the inbox needs of a warning to place it and say how long is left. */
export interface Deadlined {
  id: number;
  status: WarningStatus;
  severity: Severity;
  tier: number;
  raisedAt: string;
  ackDueAt: string;
  decideDueAt: string;
}

export interface TimeLeft {
  step: PendingStep;
  dueAt: string;
  /** Milliseconds until the step is due; negative once it is overdue. */
  msLeft: number;
  overdue: boolean;
}

export function pendingStep(status: WarningStatus): PendingStep | null {
  if (status === 'raised') return 'acknowledge';
  if (status === 'acknowledged') return 'decide';
  return null;
}

/**
 * Time left for the pending step, or null when nothing is pending. Overdue strictly after the due
 * time, as the scheduler counts it (docs/warnings.md: a step due at 00:00 escalates from 00:00:01).
 */
export function timeLeft(w: Deadlined, now: number): TimeLeft | null {
  const step = pendingStep(w.status);
  if (step === null) return null;
  const dueAt = step === 'acknowledge' ? w.ackDueAt : w.decideDueAt;
  const msLeft = new Date(dueAt).getTime() - now;
  return { step, dueAt, msLeft, overdue: msLeft < 0 };
}

/** A warning is escalated once it has reached a tier beyond its first recipients. */
export const isEscalated = (w: Pick<Deadlined, 'tier'>): boolean => w.tier > 0;

export type DurationUnit = 'day' | 'hour' | 'minute';

/** A duration as its two largest whole units ("2 days 4 h"; "3 h"; "40 min"), at least one minute. */
export function durationParts(ms: number): { unit: DurationUnit; value: number }[] {
  const minutes = Math.max(1, Math.floor(Math.abs(ms) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts =
    days > 0
      ? [
          { unit: 'day' as const, value: days },
          { unit: 'hour' as const, value: hours },
        ]
      : hours > 0
        ? [
            { unit: 'hour' as const, value: hours },
            { unit: 'minute' as const, value: rest },
          ]
        : [{ unit: 'minute' as const, value: rest }];
  return parts.filter((p, i) => i === 0 || p.value > 0);
}

/** The duration in the user's language, with the units CLDR gives it ("3 h", "2 j 4 h", "3 س"). */
export function formatDuration(ms: number, locale: string): string {
  return durationParts(ms)
    .map(({ unit, value }) => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(value))
    .join(' ');
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { critical: 0, high: 1, medium: 2, low: 3 };

/**
 * The inbox order: warnings waiting for a step first, the most overdue (then the least time left)
 * on top, the more severe first among equal deadlines; then the rest, newest raised first.
 */
export function compareForInbox(a: Deadlined, b: Deadlined, now: number): number {
  const ta = timeLeft(a, now);
  const tb = timeLeft(b, now);
  if (ta !== null && tb !== null) {
    return ta.msLeft - tb.msLeft || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.id - b.id;
  }
  if (ta !== null) return -1;
  if (tb !== null) return 1;
  return b.raisedAt.localeCompare(a.raisedAt) || b.id - a.id;
}

export const sortForInbox = <T extends Deadlined>(warnings: readonly T[], now: number): T[] =>
  [...warnings].sort((a, b) => compareForInbox(a, b, now));
