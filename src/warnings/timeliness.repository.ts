import type { Queryable } from '../db/database.js';
import { timelinessReport, type TimelinessReport } from './timeliness.js';
import { readWarningSettings } from './warning-settings.repository.js';
import type { Severity } from './warning.js';

export interface TimelinessFilter {
  /** YYYY-MM-DD: warnings raised and signals detected on or after this day. */
  from?: string | undefined;
  /** YYYY-MM-DD: ... on or before this day. */
  to?: string | undefined;
  country?: string | undefined;
}

const date = (t: Date | string | null) => (t === null ? null : new Date(t));

/**
 * Reads warnings (with their first deadlines, kept in the 'raised' log entry) and signals in the
 * period, and computes the timeliness report as of `now`.
 */
export async function readTimeliness(db: Queryable, f: TimelinessFilter, now: Date): Promise<TimelinessReport> {
  const settings = await readWarningSettings(db);
  const params: unknown[] = [];
  const where = (col: string, country: string) => {
    const w: string[] = [];
    if (f.from) w.push(`${col} >= $${params.push(f.from)}::date`);
    if (f.to) w.push(`${col} < $${params.push(f.to)}::date + 1`);
    if (f.country) w.push(`${country} = $${params.push(f.country)}`);
    return w.length ? `WHERE ${w.join(' AND ')}` : '';
  };
  const warnings = await db.query<{
    severity: Severity;
    country_iso3: string;
    raised_at: Date | string;
    ack_due: string;
    acknowledged_at: Date | string | null;
    decide_due: string;
    decided_at: Date | string | null;
  }>(
    `SELECT w.severity, w.country_iso3, w.raised_at, w.acknowledged_at, w.decided_at,
            COALESCE(l.detail->>'ackDueAt', to_json(w.ack_due_at) #>> '{}') AS ack_due,
            COALESCE(l.detail->>'decideDueAt', to_json(w.decide_due_at) #>> '{}') AS decide_due
     FROM warnings w
     LEFT JOIN LATERAL (SELECT detail FROM warning_log WHERE warning_id = w.id AND action = 'raised' ORDER BY id LIMIT 1) l ON true
     ${where('w.raised_at', 'w.country_iso3')}`,
    params,
  );
  params.length = 0;
  const signals = await db.query<{ country_iso3: string; detected_at: Date | string; triaged_at: Date | string | null }>(
    `SELECT country_iso3, detected_at, triaged_at FROM signals ${where('detected_at', 'country_iso3')}`,
    params,
  );
  return timelinessReport(
    warnings.map((w) => ({
      severity: w.severity,
      country: w.country_iso3,
      raisedAt: new Date(w.raised_at),
      ackDueAt: new Date(w.ack_due),
      acknowledgedAt: date(w.acknowledged_at),
      decideDueAt: new Date(w.decide_due),
      decidedAt: date(w.decided_at),
    })),
    signals.map((s) => ({ country: s.country_iso3, detectedAt: new Date(s.detected_at), triagedAt: date(s.triaged_at) })),
    { now, triageTargetHours: settings.signalTriageTargetHours },
  );
}
