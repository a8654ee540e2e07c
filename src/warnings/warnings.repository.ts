import type { WarningDraft } from './raise-warning.js';
import { recommendMeasures } from '../measures/catalogue.repository.js';
import { listMeasures } from '../measures/warning-measures.repository.js';
import type { Role } from '../access/roles.js';
import { TocsinError } from '../core/errors.js';
import type { Queryable } from '../db/database.js';
import type {
  Decision,
  EvidenceLink,
  Origin,
  Severity,
  Warning,
  WarningDetail,
  WarningLogEntry,
  WarningStatus,
} from './warning.js';

interface WarningRow {
  id: number;
  title: string;
  summary: string;
  severity: Severity;
  country_iso3: string;
  admin1: string | null;
  origin: Origin;
  signal_id: number | null;
  forecast_model_id: number | null;
  forecast_year: number | null;
  assessment_id: number | null;
  risk_factors: string[];
  evidence: EvidenceLink[];
  status: WarningStatus;
  decision: Decision | null;
  decision_reason: string | null;
  tier: number;
  public: boolean;
  raised_by: string | null;
  raised_at: Date | string;
  ack_due_at: Date | string;
  acknowledged_by: string | null;
  acknowledged_at: Date | string | null;
  decide_due_at: Date | string;
  decided_by: string | null;
  decided_at: Date | string | null;
  closed_by: string | null;
  closed_at: Date | string | null;
  close_note: string | null;
}

const iso = (t: Date | string): string => new Date(t).toISOString();
const isoOrNull = (t: Date | string | null): string | null => (t === null ? null : iso(t));

const toWarning = (r: WarningRow): Warning => ({
  id: r.id,
  title: r.title,
  summary: r.summary,
  severity: r.severity,
  country: r.country_iso3,
  admin1: r.admin1,
  origin: r.origin,
  signalId: r.signal_id,
  forecastModelId: r.forecast_model_id,
  forecastYear: r.forecast_year,
  assessmentId: r.assessment_id,
  riskFactors: r.risk_factors,
  evidence: r.evidence,
  status: r.status,
  decision: r.decision,
  decisionReason: r.decision_reason,
  tier: r.tier,
  public: r.public,
  raisedBy: r.raised_by,
  raisedAt: iso(r.raised_at),
  ackDueAt: iso(r.ack_due_at),
  acknowledgedBy: r.acknowledged_by,
  acknowledgedAt: isoOrNull(r.acknowledged_at),
  decideDueAt: iso(r.decide_due_at),
  decidedBy: r.decided_by,
  decidedAt: isoOrNull(r.decided_at),
  closedBy: r.closed_by,
  closedAt: isoOrNull(r.closed_at),
  closeNote: r.close_note,
});

const SELECT = `SELECT w.id, w.title, w.summary, w.severity, w.country_iso3, w.admin1, w.origin, w.signal_id,
  w.forecast_model_id, w.forecast_year, w.assessment_id, w.risk_factors, w.evidence, w.status, w.decision,
  w.decision_reason, w.tier, w.public, ur.username AS raised_by, w.raised_at, w.ack_due_at,
  ua.username AS acknowledged_by, w.acknowledged_at, w.decide_due_at, ud.username AS decided_by, w.decided_at,
  uc.username AS closed_by, w.closed_at, w.close_note
  FROM warnings w
  LEFT JOIN users ur ON ur.id = w.raised_by LEFT JOIN users ua ON ua.id = w.acknowledged_by
  LEFT JOIN users ud ON ud.id = w.decided_by LEFT JOIN users uc ON uc.id = w.closed_by`;

export interface WarningFilter {
  status?: WarningStatus | undefined;
  severity?: Severity | undefined;
  country?: string | undefined;
  origin?: Origin | undefined;
  /** Only warnings with a step past due at this time. */
  overdueAt?: Date | undefined;
  /** Raised on or after this day / before the day after this day (YYYY-MM-DD). */
  from?: string | undefined;
  to?: string | undefined;
}

/** Warnings matching the filter, newest first, at most `limit`. */
export async function listWarnings(db: Queryable, f: WarningFilter, limit: number): Promise<Warning[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (sql: string, v: unknown) => where.push(sql.replaceAll('?', `$${params.push(v)}`));
  if (f.status) add('w.status = ?', f.status);
  if (f.severity) add('w.severity = ?', f.severity);
  if (f.country) add('w.country_iso3 = ?', f.country);
  if (f.origin) add('w.origin = ?', f.origin);
  if (f.from) add('w.raised_at >= ?::date', f.from);
  if (f.to) add(`w.raised_at < ?::date + 1`, f.to);
  if (f.overdueAt)
    add(
      `((w.status = 'raised' AND w.ack_due_at < ?::timestamptz) OR (w.status = 'acknowledged' AND w.decide_due_at < ?::timestamptz))`,
      f.overdueAt.toISOString(),
    );
  const rows = await db.query<WarningRow>(
    `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY w.raised_at DESC, w.id DESC LIMIT $${params.push(limit)}`,
    params,
  );
  return rows.map(toWarning);
}

/** One warning; `forUpdate` locks its row until the transaction ends. */
export async function getWarning(db: Queryable, id: number, o: { forUpdate?: boolean } = {}): Promise<Warning> {
  const [row] = await db.query<WarningRow>(`${SELECT} WHERE w.id = $1${o.forUpdate ? ' FOR UPDATE OF w' : ''}`, [id]);
  if (!row) throw new TocsinError('not_found', `no warning ${id}`);
  return toWarning(row);
}

export interface StoredRecipient {
  tier: number;
  userId: number | null;
  username: string | null;
  role: Role | null;
}

export async function readRecipients(db: Queryable, warningId: number): Promise<StoredRecipient[]> {
  return db.query<StoredRecipient>(
    `SELECT r.tier, r.user_id AS "userId", u.username, r.role FROM warning_recipients r LEFT JOIN users u ON u.id = r.user_id
     WHERE r.warning_id = $1 ORDER BY r.tier, r.role NULLS LAST, u.username`,
    [warningId],
  );
}

/** A warning with its history, recipients and groups at risk. */
export async function getWarningDetail(db: Queryable, id: number): Promise<WarningDetail> {
  const w = await getWarning(db, id);
  const groups = await db.query<{ id: number; name: string }>(
    `SELECT g.id, g.name FROM warning_groups wg JOIN protected_groups g ON g.id = wg.group_id WHERE wg.warning_id = $1 ORDER BY g.name`,
    [id],
  );
  const log = await db.query<{
    id: number;
    action: string;
    detail: Record<string, unknown>;
    by: string | null;
    at: Date | string;
  }>(
    `SELECT l.id, l.action, l.detail, u.username AS by, l.at FROM warning_log l LEFT JOIN users u ON u.id = l.user_id
     WHERE l.warning_id = $1 ORDER BY l.id`,
    [id],
  );
  return {
    ...w,
    groups,
    recipients: await readRecipients(db, id),
    log: log.map((l): WarningLogEntry => ({ ...l, at: iso(l.at) })),
    recommendedMeasures: await recommendMeasures(db, w.riskFactors),
    measures: await listMeasures(db, { warningId: id }),
  };
}

/** What a new warning is stored with (checked by the caller): the draft with its recipients resolved. */
export interface NewWarning extends Omit<WarningDraft, 'recipients'> {
  recipients: readonly { tier: number; userId?: number | undefined; role?: Role | undefined }[];
  raisedBy: number | null;
  raisedAt: Date;
  ackDueAt: Date;
  decideDueAt: Date;
}

/**
 * Stores a warning with its groups, recipients and the 'raised' log entry (which keeps the first
 * deadlines, before any escalation extends them). Returns null when its origin already raised one
 * (a unique index per signal, forecast and assessment).
 */
export async function insertWarning(tx: Queryable, w: NewWarning): Promise<number | null> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO warnings (title, summary, severity, country_iso3, admin1, origin, signal_id, forecast_model_id, forecast_year,
       assessment_id, risk_factors, evidence, raised_by, raised_at, ack_due_at, decide_due_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::text[], $12::jsonb, $13, $14, $15, $16)
     ON CONFLICT DO NOTHING RETURNING id`,
    [
      w.title,
      w.summary,
      w.severity,
      w.country,
      w.admin1,
      w.origin,
      w.signalId ?? null,
      w.forecastModelId ?? null,
      w.forecastYear ?? null,
      w.assessmentId ?? null,
      [...w.riskFactors],
      JSON.stringify(w.evidence),
      w.raisedBy,
      w.raisedAt.toISOString(),
      w.ackDueAt.toISOString(),
      w.decideDueAt.toISOString(),
    ],
  );
  if (!row) return null;
  if (w.groupIds.length)
    await tx.query('INSERT INTO warning_groups (warning_id, group_id) SELECT $1, unnest($2::int[])', [row.id, [...w.groupIds]]);
  await tx.query(
    `INSERT INTO warning_recipients (warning_id, tier, user_id, role)
     SELECT $1, r.tier, r."userId", r.role FROM json_to_recordset($2::json) AS r(tier int, "userId" int, role text)`,
    [row.id, JSON.stringify(w.recipients.map((r) => ({ tier: r.tier, userId: r.userId ?? null, role: r.role ?? null })))],
  );
  await logWarning(
    tx,
    row.id,
    'raised',
    {
      origin: w.origin,
      severity: w.severity,
      ackDueAt: w.ackDueAt.toISOString(),
      decideDueAt: w.decideDueAt.toISOString(),
    },
    w.raisedBy,
    w.raisedAt,
  );
  return row.id;
}

/** Appends to a warning's history. */
export async function logWarning(
  tx: Queryable,
  warningId: number,
  action: string,
  detail: Record<string, unknown>,
  userId: number | null,
  at: Date,
): Promise<void> {
  await tx.query('INSERT INTO warning_log (warning_id, action, detail, user_id, at) VALUES ($1, $2, $3::jsonb, $4, $5)', [
    warningId,
    action,
    JSON.stringify(detail),
    userId,
    at.toISOString(),
  ]);
}
