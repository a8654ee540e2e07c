import type { Role } from '../access/roles.js';
import type { Db } from '../db/database.js';
import { assertMayDecide, transition, waitingStep } from './lifecycle.js';
import { notifyReachedTiers } from './notify-warning.js';
import type { Decision, Warning } from './warning.js';
import { readWarningSettings } from './warning-settings.repository.js';
import { TocsinError } from '../core/errors.js';
import { getWarning, logWarning, readRecipients } from './warnings.repository.js';

/** The person taking a step, and when (the injected clock). */
export interface StepActor {
  user: { id: number; username: string; role: Role };
  now: Date;
}

/** A decision-maker who is a recipient of a reached tier (or an admin) acknowledges a raised warning. */
export async function acknowledgeWarning(db: Db, id: number, a: StepActor): Promise<Warning> {
  const settings = await readWarningSettings(db);
  return db.transaction(async (tx) => {
    const w = await getWarning(tx, id, { forUpdate: true });
    transition(w, { action: 'acknowledge' });
    assertMayDecide(w, a.user, await readRecipients(tx, id));
    await tx.query(`UPDATE warnings SET status = 'acknowledged', acknowledged_by = $2, acknowledged_at = $3 WHERE id = $1`, [
      id,
      a.user.id,
      a.now.toISOString(),
    ]);
    await logWarning(tx, id, 'acknowledged', { tier: w.tier, late: a.now > new Date(w.ackDueAt) }, a.user.id, a.now);
    const after = await getWarning(tx, id);
    await notifyReachedTiers(tx, after, 'acknowledged', settings, a.now);
    return after;
  });
}

/** Records the decision on an acknowledged warning (act, monitor, no-action) with its written reason. */
export async function decideWarning(
  db: Db,
  id: number,
  d: { decision: Decision; reason: string },
  a: StepActor,
): Promise<Warning> {
  const settings = await readWarningSettings(db);
  return db.transaction(async (tx) => {
    const w = await getWarning(tx, id, { forUpdate: true });
    transition(w, { action: 'decide', ...d });
    assertMayDecide(w, a.user, await readRecipients(tx, id));
    await tx.query(
      `UPDATE warnings SET status = 'decided', decision = $2, decision_reason = $3, decided_by = $4, decided_at = $5 WHERE id = $1`,
      [id, d.decision, d.reason.trim(), a.user.id, a.now.toISOString()],
    );
    await logWarning(
      tx,
      id,
      'decided',
      { decision: d.decision, reason: d.reason.trim(), late: a.now > new Date(w.decideDueAt) },
      a.user.id,
      a.now,
    );
    const after = await getWarning(tx, id);
    await notifyReachedTiers(tx, after, 'decided', settings, a.now);
    return after;
  });
}

/** Closes a decided warning (or one whose measures are under way) with a note. */
export async function closeWarning(db: Db, id: number, note: string, a: StepActor): Promise<Warning> {
  const settings = await readWarningSettings(db);
  return db.transaction(async (tx) => {
    const w = await getWarning(tx, id, { forUpdate: true });
    transition(w, { action: 'close', note });
    await tx.query(`UPDATE warnings SET status = 'closed', closed_by = $2, closed_at = $3, close_note = $4 WHERE id = $1`, [
      id,
      a.user.id,
      a.now.toISOString(),
      note.trim(),
    ]);
    await logWarning(tx, id, 'closed', { from: w.status, note: note.trim() }, a.user.id, a.now);
    const after = await getWarning(tx, id);
    await notifyReachedTiers(tx, after, 'closed', settings, a.now);
    return after;
  });
}

/**
 * Escalates a warning by hand to its next tier, with the reason: the waiting step's deadline does
 * not move. Refused when no step is waiting or the warning is at its last tier.
 */
export async function escalateWarning(db: Db, id: number, reason: string, a: StepActor): Promise<Warning> {
  const settings = await readWarningSettings(db);
  return db.transaction(async (tx) => {
    const w = await getWarning(tx, id, { forUpdate: true });
    transition(w, { action: 'escalate' });
    const last = Math.max(...(await readRecipients(tx, id)).map((r) => r.tier));
    if (w.tier >= last) throw new TocsinError('conflict', `warning ${id} is already at its last tier (${w.tier})`);
    await tx.query('UPDATE warnings SET tier = tier + 1 WHERE id = $1', [id]);
    await logWarning(
      tx,
      id,
      'escalated',
      { step: waitingStep(w.status), fromTier: w.tier, toTier: w.tier + 1, manual: true, reason: reason.trim() },
      a.user.id,
      a.now,
    );
    const after = await getWarning(tx, id);
    await notifyReachedTiers(tx, after, 'escalated', settings, a.now);
    return after;
  });
}
