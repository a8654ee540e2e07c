import { describe, expect, it } from 'vitest';
import {
  compareForInbox,
  durationParts,
  formatDuration,
  isEscalated,
  pendingStep,
  sortForInbox,
  timeLeft,
  type Deadlined,
} from './deadlines.js';

const NOW = Date.parse('2025-03-10T12:00:00.000Z');
const HOUR = 3_600_000;
const at = (hoursFromNow: number) => new Date(NOW + hoursFromNow * HOUR).toISOString();

function warning(over: Partial<Deadlined> = {}): Deadlined {
  return {
    id: 1,
    status: 'raised',
    severity: 'high',
    tier: 0,
    raisedAt: at(-10),
    ackDueAt: at(38),
    decideDueAt: at(158),
    ...over,
  };
}

describe('pendingStep', () => {
  it('waits for acknowledgement while raised and for a decision once acknowledged', () => {
    expect(pendingStep('raised')).toBe('acknowledge');
    expect(pendingStep('acknowledged')).toBe('decide');
  });

  it('has nothing pending once decided, with measures, or closed', () => {
    expect(['decided', 'measures', 'closed'].map((s) => pendingStep(s as Deadlined['status']))).toEqual([null, null, null]);
  });
});

describe('timeLeft', () => {
  it('counts to the acknowledgement deadline of a raised warning', () => {
    expect(timeLeft(warning(), NOW)).toEqual({ step: 'acknowledge', dueAt: at(38), msLeft: 38 * HOUR, overdue: false });
  });

  it('counts to the decision deadline of an acknowledged warning', () => {
    expect(timeLeft(warning({ status: 'acknowledged' }), NOW)?.msLeft).toBe(158 * HOUR);
  });

  it('is overdue strictly after the due time, as the scheduler counts it', () => {
    expect(timeLeft(warning({ ackDueAt: at(0) }), NOW)?.overdue).toBe(false);
    expect(timeLeft(warning({ ackDueAt: new Date(NOW - 1000).toISOString() }), NOW)?.overdue).toBe(true);
    expect(timeLeft(warning({ ackDueAt: at(-3) }), NOW)).toMatchObject({ msLeft: -3 * HOUR, overdue: true });
  });

  it('is null when no step is pending, even past an old deadline', () => {
    expect(timeLeft(warning({ status: 'decided', ackDueAt: at(-100), decideDueAt: at(-50) }), NOW)).toBeNull();
  });
});

describe('isEscalated', () => {
  it('marks a warning that reached a tier beyond the first', () => {
    expect(isEscalated({ tier: 0 })).toBe(false);
    expect(isEscalated({ tier: 1 })).toBe(true);
  });
});

describe('durationParts and formatDuration', () => {
  it('keeps the two largest units, dropping a zero second unit', () => {
    expect(durationParts(3 * HOUR)).toEqual([{ unit: 'hour', value: 3 }]);
    expect(durationParts(52 * HOUR + 20 * 60_000)).toEqual([
      { unit: 'day', value: 2 },
      { unit: 'hour', value: 4 },
    ]);
    expect(durationParts(90 * 60_000)).toEqual([
      { unit: 'hour', value: 1 },
      { unit: 'minute', value: 30 },
    ]);
  });

  it('reads overdue (negative) durations by their size, and never says zero minutes', () => {
    expect(durationParts(-3 * HOUR)).toEqual([{ unit: 'hour', value: 3 }]);
    expect(durationParts(10_000)).toEqual([{ unit: 'minute', value: 1 }]);
  });

  it('writes the units of the language', () => {
    expect(formatDuration(-3 * HOUR, 'en')).toBe('3 hr');
    expect(formatDuration(26 * HOUR, 'fr').replace(/\s/gu, ' ')).toBe('1 j 2 h'); // CLDR puts no-break spaces in French
  });
});

describe('the inbox order', () => {
  const overdue = warning({ id: 1, ackDueAt: at(-3) });
  const dueSoon = warning({ id: 2, status: 'acknowledged', decideDueAt: at(2) });
  const dueLater = warning({ id: 3, ackDueAt: at(40) });
  const dueLaterCritical = warning({ id: 4, ackDueAt: at(40), severity: 'critical' });
  const decidedOld = warning({ id: 5, status: 'decided', raisedAt: at(-300) });
  const closedNew = warning({ id: 6, status: 'closed', raisedAt: at(-1) });

  it('puts the most overdue first, then the least time left, the most severe among equals, then the rest newest first', () => {
    const shuffled = [decidedOld, dueLater, closedNew, dueSoon, dueLaterCritical, overdue];
    expect(sortForInbox(shuffled, NOW).map((w) => w.id)).toEqual([1, 2, 4, 3, 6, 5]);
  });

  it('never puts a warning without a pending step before one waiting for a step', () => {
    expect(compareForInbox(closedNew, dueLater, NOW)).toBeGreaterThan(0);
    expect(compareForInbox(dueLater, closedNew, NOW)).toBeLessThan(0);
  });
});
