import type { Db } from '../db/database.js';
import { extendedDue, overdueStep, type Step } from './lifecycle.js';
import { notifyReachedTiers } from './notify-warning.js';
import type { WarningSettings } from './warning-settings.js';
import { readWarningSettings } from './warning-settings.repository.js';
import { getWarning, logWarning, readRecipients } from './warnings.repository.js';

export interface Escalation {
  warningId: number;
  step: Step;
  fromTier: number;
  toTier: number;
  /** The overdue step's new due time. */
  dueAt: string;
  notified: number;
}

const DUE_COLUMN = { acknowledge: 'ack_due_at', decide: 'decide_due_at' } as const;
const STATUS_OF_STEP = { acknowledge: 'raised', decide: 'acknowledged' } as const;

/**
 * For each warning whose waiting step is overdue at `now` (still raised past its acknowledgement
 * deadline, or acknowledged past its decision deadline): moves it to the next tier if there is
 * one, logs 'escalated' (or 'overdue' at the last tier) with the step, extends that step's due
 * time by the step's interval, and queues the notices, in one transaction per warning.
 *
 * Safe with several processes on one PostgreSQL: the update only applies while the warning is in
 * the same status and tier with the step still past due, so whichever process commits first
 * escalates, and the others' updates match no row (they wait on the row lock, then re-check).
 */
export async function escalateOverdue(db: Db, now: Date, settings?: WarningSettings): Promise<Escalation[]> {
  const s = settings ?? (await readWarningSettings(db));
  const due = await db.query<{ id: number }>(
    `SELECT id FROM warnings
     WHERE (status = 'raised' AND ack_due_at < $1::timestamptz) OR (status = 'acknowledged' AND decide_due_at < $1::timestamptz)
     ORDER BY id`,
    [now.toISOString()],
  );
  const out: Escalation[] = [];
  for (const { id } of due) {
    const e = await db.transaction(async (tx): Promise<Escalation | null> => {
      const w = await getWarning(tx, id);
      const step = overdueStep({ status: w.status, ackDueAt: new Date(w.ackDueAt), decideDueAt: new Date(w.decideDueAt) }, now);
      if (!step) return null;
      const lastTier = Math.max(0, ...(await readRecipients(tx, id)).map((r) => r.tier));
      const toTier = Math.min(w.tier + 1, lastTier);
      const deadline = s.deadlines[w.severity];
      const interval = step === 'acknowledge' ? deadline.acknowledgeHours : deadline.decideHours;
      const oldDue = new Date(step === 'acknowledge' ? w.ackDueAt : w.decideDueAt);
      const newDue = extendedDue(oldDue, interval, now);
      const column = DUE_COLUMN[step];
      const won = await tx.query(
        `UPDATE warnings SET tier = $2, ${column} = $3 WHERE id = $1 AND status = $4 AND tier = $5 AND ${column} < $6::timestamptz
         RETURNING id`,
        [id, toTier, newDue.toISOString(), STATUS_OF_STEP[step], w.tier, now.toISOString()],
      );
      if (won.length === 0) return null; // another process escalated it first
      const detail = { step, fromTier: w.tier, toTier, dueWas: oldDue.toISOString(), dueAt: newDue.toISOString() };
      await logWarning(tx, id, toTier > w.tier ? 'escalated' : 'overdue', detail, null, now);
      const after = await getWarning(tx, id);
      // The missed deadline names the occasion: a reminder for the decision after one for the
      // acknowledgement is sent too, while two processes handling the same miss still send once.
      const occasion = `${step}@${oldDue.toISOString()}`;
      const notified = await notifyReachedTiers(tx, after, toTier > w.tier ? 'escalated' : 'reminder', s, now, occasion);
      return { warningId: id, step, fromTier: w.tier, toTier, dueAt: newDue.toISOString(), notified };
    });
    if (e) out.push(e);
  }
  return out;
}
