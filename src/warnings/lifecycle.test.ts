import { describe, expect, it } from 'vitest';
import { assertMayDecide, extendedDue, overdueStep, transition } from './lifecycle.js';

const T = new Date('2025-03-01T00:00:00Z');
const at = (h: number) => new Date(T.getTime() + h * 3_600_000);

describe('transition', () => {
  it('follows raised -> acknowledged -> decided -> measures -> closed', () => {
    expect(transition({ id: 1, status: 'raised', decision: null }, { action: 'acknowledge' })).toBe('acknowledged');
    expect(
      transition({ id: 1, status: 'acknowledged', decision: null }, { action: 'decide', decision: 'act', reason: 'x' }),
    ).toBe('decided');
    expect(transition({ id: 1, status: 'decided', decision: 'act' }, { action: 'start-measures' })).toBe('measures');
    expect(transition({ id: 1, status: 'measures', decision: 'act' }, { action: 'close', note: 'done' })).toBe('closed');
    expect(transition({ id: 1, status: 'decided', decision: 'no-action' }, { action: 'close', note: 'withdrawn' })).toBe(
      'closed',
    );
  });

  it('refuses illegal steps and says why', () => {
    expect(() => transition({ id: 12, status: 'closed', decision: 'act' }, { action: 'acknowledge' })).toThrow(
      'warning 12 is closed: it cannot be acknowledged',
    );
    expect(() =>
      transition({ id: 3, status: 'raised', decision: null }, { action: 'decide', decision: 'act', reason: 'r' }),
    ).toThrow(/is raised: it cannot be decided on; acknowledge it first/);
    expect(() => transition({ id: 3, status: 'acknowledged', decision: null }, { action: 'close', note: 'n' })).toThrow(
      /decide on it first/,
    );
    expect(() => transition({ id: 3, status: 'decided', decision: 'monitor' }, { action: 'start-measures' })).toThrow(
      /measures follow an "act" decision/,
    );
    expect(() => transition({ id: 3, status: 'decided', decision: 'act' }, { action: 'escalate' })).toThrow(/no step is waiting/);
  });

  it('requires a written reason to decide and a note to close', () => {
    expect(() =>
      transition({ id: 1, status: 'acknowledged', decision: null }, { action: 'decide', decision: 'monitor', reason: '  ' }),
    ).toThrow(/written reason/);
    expect(() => transition({ id: 1, status: 'decided', decision: 'monitor' }, { action: 'close', note: '' })).toThrow(
      /needs a note/,
    );
  });
});

describe('overdueStep and extendedDue', () => {
  const w = { ackDueAt: at(24), decideDueAt: at(72) };
  it('is overdue strictly after the due time, for the step waiting', () => {
    expect(overdueStep({ ...w, status: 'raised' }, at(24))).toBeNull();
    expect(overdueStep({ ...w, status: 'raised' }, new Date(at(24).getTime() + 1000))).toBe('acknowledge');
    expect(overdueStep({ ...w, status: 'acknowledged' }, at(30))).toBeNull();
    expect(overdueStep({ ...w, status: 'acknowledged' }, at(73))).toBe('decide');
    expect(overdueStep({ ...w, status: 'decided' }, at(1000))).toBeNull();
  });
  it('extends by the interval, or from now when that is still past', () => {
    expect(extendedDue(at(24), 24, at(25))).toEqual(at(48));
    expect(extendedDue(at(24), 24, at(100))).toEqual(at(124));
  });
});

describe('assertMayDecide', () => {
  const dm = { id: 7, username: 'amina', role: 'decision-maker' as const };
  it('admits admins and decision-makers who are recipients of a reached tier', () => {
    expect(() => assertMayDecide({ id: 1, tier: 0 }, { id: 1, username: 'root', role: 'admin' }, [])).not.toThrow();
    expect(() => assertMayDecide({ id: 1, tier: 0 }, dm, [{ tier: 0, userId: null, role: 'decision-maker' }])).not.toThrow();
    expect(() => assertMayDecide({ id: 1, tier: 1 }, dm, [{ tier: 1, userId: 7, role: null }])).not.toThrow();
  });
  it('refuses other roles, and decision-makers of a tier not yet reached', () => {
    expect(() => assertMayDecide({ id: 1, tier: 0 }, { id: 2, username: 'ana', role: 'analyst' }, [])).toThrow(
      /only decision-makers/,
    );
    expect(() => assertMayDecide({ id: 4, tier: 0 }, dm, [{ tier: 1, userId: 7, role: null }])).toThrow(
      'amina is not a recipient of warning 4 (tiers 0-0 reached)',
    );
  });
});
