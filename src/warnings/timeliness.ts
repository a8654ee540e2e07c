import type { Severity } from './warning.js';

/** What the metrics need of a warning: its first deadlines (before escalation extended them) and when steps were done. */
export interface TimelinessWarning {
  severity: Severity;
  country: string;
  raisedAt: Date;
  ackDueAt: Date;
  acknowledgedAt: Date | null;
  decideDueAt: Date;
  decidedAt: Date | null;
}

export interface TimelinessSignal {
  country: string;
  detectedAt: Date;
  triagedAt: Date | null;
}

/** Median and 90th percentile in hours (linear interpolation between order statistics, R's type 7); null with no data. */
export interface HoursSummary {
  count: number;
  median: number | null;
  p90: number | null;
}

export interface WarningTimeliness {
  warnings: number;
  timeToAcknowledge: HoursSummary;
  /** From raising to the decision. */
  timeToDecide: HoursSummary;
  /** Steps done after their first deadline, or still open past it, over the steps done or due. */
  overdue: { steps: number; late: number; share: number | null };
}

export interface TriageTimeliness {
  /** Signals triaged, or untriaged for longer than the target (open ones younger than the target are not counted yet). */
  signals: number;
  withinTarget: number;
  share: number | null;
  /** WHO EWARS benchmark: at least 80% within the target. */
  meetsBenchmark: boolean | null;
}

export interface TimelinessReport {
  asOf: string;
  triageTargetHours: number;
  overall: WarningTimeliness & { triage: TriageTimeliness };
  bySeverity: Record<string, WarningTimeliness>;
  byCountry: Record<string, WarningTimeliness & { triage: TriageTimeliness }>;
  /** By month of raising (warnings) and of detection (signals), YYYY-MM. */
  byMonth: Record<string, WarningTimeliness & { triage: TriageTimeliness }>;
}

export const EWARS_BENCHMARK = 0.8;
const HOUR = 3_600_000;
const round = (x: number) => Math.round(x * 100) / 100;

/** The q-quantile of sorted values, interpolated linearly (R's default, type 7). */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export function summariseHours(hours: readonly number[]): HoursSummary {
  const sorted = [...hours].sort((a, b) => a - b);
  const q = (p: number) => {
    const v = quantile(sorted, p);
    return v === null ? null : round(v);
  };
  return { count: sorted.length, median: q(0.5), p90: q(0.9) };
}

/** Whether a step is late at `now`: done after its due time, or still open past it; null when open and not yet due. */
function stepLate(doneAt: Date | null, dueAt: Date, now: Date): boolean | null {
  if (doneAt) return doneAt.getTime() > dueAt.getTime();
  return now.getTime() > dueAt.getTime() ? true : null;
}

export function warningTimeliness(ws: readonly TimelinessWarning[], now: Date): WarningTimeliness {
  const ack = ws.flatMap((w) => (w.acknowledgedAt ? [(w.acknowledgedAt.getTime() - w.raisedAt.getTime()) / HOUR] : []));
  const decide = ws.flatMap((w) => (w.decidedAt ? [(w.decidedAt.getTime() - w.raisedAt.getTime()) / HOUR] : []));
  const steps = ws.flatMap((w) => [stepLate(w.acknowledgedAt, w.ackDueAt, now), stepLate(w.decidedAt, w.decideDueAt, now)]);
  const known = steps.filter((s): s is boolean => s !== null);
  const late = known.filter(Boolean).length;
  return {
    warnings: ws.length,
    timeToAcknowledge: summariseHours(ack),
    timeToDecide: summariseHours(decide),
    overdue: { steps: known.length, late, share: known.length ? round(late / known.length) : null },
  };
}

export function triageTimeliness(ss: readonly TimelinessSignal[], targetHours: number, now: Date): TriageTimeliness {
  const target = targetHours * HOUR;
  let counted = 0;
  let within = 0;
  for (const s of ss) {
    const waited = (s.triagedAt ?? now).getTime() - s.detectedAt.getTime();
    if (!s.triagedAt && waited <= target) continue;
    counted++;
    if (s.triagedAt && waited <= target) within++;
  }
  const share = counted ? round(within / counted) : null;
  return { signals: counted, withinTarget: within, share, meetsBenchmark: share === null ? null : share >= EWARS_BENCHMARK };
}

const groupBy = <T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> => {
  const m = new Map<string, T[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
};
const month = (d: Date) => d.toISOString().slice(0, 7);

/** Timeliness of warnings and of signal triage: overall, by severity, by country and by month. */
export function timelinessReport(
  ws: readonly TimelinessWarning[],
  ss: readonly TimelinessSignal[],
  o: { now: Date; triageTargetHours: number },
): TimelinessReport {
  const both = (w: readonly TimelinessWarning[], s: readonly TimelinessSignal[]) => ({
    ...warningTimeliness(w, o.now),
    triage: triageTimeliness(s, o.triageTargetHours, o.now),
  });
  const keyed = (wKey: (w: TimelinessWarning) => string, sKey: (s: TimelinessSignal) => string) => {
    const w = groupBy(ws, wKey);
    const s = groupBy(ss, sKey);
    const keys = [...new Set([...w.keys(), ...s.keys()])].sort();
    return Object.fromEntries(keys.map((k) => [k, both(w.get(k) ?? [], s.get(k) ?? [])]));
  };
  const bySeverity = groupBy(ws, (w) => w.severity);
  return {
    asOf: o.now.toISOString(),
    triageTargetHours: o.triageTargetHours,
    overall: both(ws, ss),
    bySeverity: Object.fromEntries(
      (['critical', 'high', 'medium', 'low'] as const).flatMap((sev) =>
        bySeverity.has(sev) ? [[sev, warningTimeliness(bySeverity.get(sev)!, o.now)]] : [],
      ),
    ),
    byCountry: keyed(
      (w) => w.country,
      (s) => s.country,
    ),
    byMonth: keyed(
      (w) => month(w.raisedAt),
      (s) => month(s.detectedAt),
    ),
  };
}
