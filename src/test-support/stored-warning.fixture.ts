import type { Queryable } from '../db/database.js';

/** What a test warning looks like; everything has a default. */
export interface WarningFixture {
  title?: string;
  summary?: string;
  severity?: 'critical' | 'high' | 'medium' | 'low';
  country?: string;
  admin1?: string | null;
  riskFactors?: string[];
  evidence?: unknown[];
  status?: 'raised' | 'acknowledged' | 'decided' | 'measures' | 'closed';
  decision?: 'act' | 'monitor' | 'no-action' | null;
  isPublic?: boolean;
  raisedAt?: string;
}

const HOUR = 3_600_000;

/**
 * Stores a warning in a given state straight into `warnings`, for the tests of the measures, CAP and
 * export parts (which read warnings but do not raise them). Steps up to the status are filled in
 * one hour apart from `raisedAt`, as the table's checks require.
 */
export async function storeWarning(db: Queryable, f: WarningFixture = {}): Promise<number> {
  const status = f.status ?? 'raised';
  const raised = new Date(f.raisedAt ?? '2025-03-01T08:00:00Z');
  const at = (h: number) => new Date(raised.getTime() + h * HOUR);
  const acknowledged = status !== 'raised';
  const decided = acknowledged && status !== 'acknowledged';
  const decision = decided ? (f.decision ?? 'act') : null;
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO warnings (title, summary, severity, country_iso3, admin1, origin, risk_factors, evidence, status, decision,
       decision_reason, public, raised_at, ack_due_at, acknowledged_at, decide_due_at, decided_at, closed_at, close_note)
     VALUES ($1, $2, $3, $4, $5, 'manual', $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING id`,
    [
      f.title ?? 'Attacks on displaced people',
      f.summary ?? 'Armed groups threaten camps near the border.',
      f.severity ?? 'high',
      f.country ?? 'CAF',
      f.admin1 ?? null,
      f.riskFactors ?? ['RF9', 'RF10'],
      JSON.stringify(f.evidence ?? [{ kind: 'event', id: 1 }]),
      status,
      decision,
      decided ? 'the risk is real and rising' : null,
      f.isPublic ?? false,
      raised,
      at(24),
      acknowledged ? at(1) : null,
      at(72),
      decided ? at(2) : null,
      status === 'closed' ? at(3) : null,
      status === 'closed' ? 'over' : null,
    ],
  );
  return row!.id;
}
