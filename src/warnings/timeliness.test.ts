import { describe, expect, it } from 'vitest';
import { quantile, timelinessReport, triageTimeliness, warningTimeliness, type TimelinessWarning } from './timeliness.js';

const T = new Date('2025-03-01T00:00:00Z');
const at = (h: number) => new Date(T.getTime() + h * 3_600_000);
const warning = (o: Partial<TimelinessWarning>): TimelinessWarning => ({
  severity: 'critical',
  country: 'CAF',
  raisedAt: T,
  ackDueAt: at(24),
  acknowledgedAt: null,
  decideDueAt: at(72),
  decidedAt: null,
  ...o,
});

describe('quantile', () => {
  it('interpolates between order statistics as R quantile(type = 7) does', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1);
    expect(quantile([], 0.5)).toBeNull();
  });
});

describe('warningTimeliness', () => {
  it('gives hours to acknowledge and decide, and the share of steps late or open past due', () => {
    const ws = [
      warning({ acknowledgedAt: at(2), decidedAt: at(30) }), // both on time
      warning({ acknowledgedAt: at(30), decidedAt: at(80) }), // both late
      warning({ acknowledgedAt: at(10) }), // decide step open, not yet due at 50 h
      warning({}), // acknowledge open past due; decide open, not due
    ];
    const t = warningTimeliness(ws, at(50));
    expect(t.timeToAcknowledge).toEqual({ count: 3, median: 10, p90: 26 });
    expect(t.timeToDecide).toEqual({ count: 2, median: 55, p90: 75 });
    expect(t.overdue).toEqual({ steps: 6, late: 3, share: 0.5 });
  });
});

describe('triageTimeliness', () => {
  it('counts signals triaged within the target, and open ones only once past it', () => {
    const ss = [
      { country: 'CAF', detectedAt: T, triagedAt: at(5) },
      { country: 'CAF', detectedAt: T, triagedAt: at(30) },
      { country: 'CAF', detectedAt: T, triagedAt: null }, // open past target at 40 h
      { country: 'CAF', detectedAt: at(30), triagedAt: null }, // open, 10 h old: not counted yet
    ];
    expect(triageTimeliness(ss, 24, at(40))).toEqual({ signals: 3, withinTarget: 1, share: 0.33, meetsBenchmark: false });
    expect(triageTimeliness(ss.slice(0, 1), 24, at(40)).meetsBenchmark).toBe(true);
  });
});

describe('timelinessReport', () => {
  it('breaks down by severity, country and month', () => {
    const r = timelinessReport(
      [
        warning({ acknowledgedAt: at(1) }),
        warning({ severity: 'low', country: 'SSD', raisedAt: at(24 * 31), ackDueAt: at(24 * 45) }),
      ],
      [{ country: 'SSD', detectedAt: at(24 * 31), triagedAt: at(24 * 31 + 1) }],
      { now: at(24 * 32), triageTargetHours: 24 },
    );
    expect(Object.keys(r.bySeverity)).toEqual(['critical', 'low']);
    expect(Object.keys(r.byCountry)).toEqual(['CAF', 'SSD']);
    expect(Object.keys(r.byMonth)).toEqual(['2025-03', '2025-04']);
    expect(r.byCountry.SSD!.triage).toMatchObject({ signals: 1, withinTarget: 1, meetsBenchmark: true });
    expect(r.overall.warnings).toBe(2);
  });
});
