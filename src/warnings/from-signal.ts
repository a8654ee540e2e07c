import { countryByIso3 } from '../countries/countries.js';
import { TocsinError } from '../core/errors.js';
import type { Db } from '../db/database.js';
import { getSignal, triageSignal } from '../surveillance/signals/signals.repository.js';
import type { Signal } from '../surveillance/signals/signal.js';
import { storeWarning, type Actor } from './raise-warning.js';
import { severityOfSignal } from './severity-rules.js';
import type { Warning } from './warning.js';
import type { FromSignalInput } from './warning-input.js';

const figure = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** The words of a warning drawn from a signal (a weekly count of violence, or a daily surge of hateful posts). */
export function signalWording(s: Signal): { title: string; summary: string } {
  const place = countryByIso3(s.country)?.name ?? s.country;
  const above = s.upperbound === null ? '' : `, above the expected upper bound of ${figure(s.upperbound)}`;
  if (s.measure === 'hateful-posts') {
    const group = s.category.replace(/^hate:/, '');
    const against = group === 'all' ? '' : ` against ${group}`;
    return {
      title: `Surge of hateful posts${against} in ${place} on ${s.week}`,
      summary: `${figure(s.observed)} hateful posts${against} on ${s.week}${above} (${s.method}).`,
    };
  }
  const what = `${s.category} ${s.measure}`;
  return {
    title: `Unusual ${what} in ${place}, week of ${s.week}`,
    summary: `${figure(s.observed)} ${s.measure} of ${s.category} violence in the week of ${s.week}${above} (${s.method}).`,
  };
}

/**
 * Raises a warning from a signal: risk factor RF8 (triggering factors) unless others are given,
 * evidence = the signal and its events, severity by `severityOfSignal` unless given. A signal not
 * yet triaged 'raise-warning' is triaged so now (in the triage log). One warning per signal.
 */
export async function raiseFromSignal(db: Db, signalId: number, input: FromSignalInput, actor: Actor): Promise<Warning> {
  const s = await getSignal(db, signalId);
  const [existing] = await db.query<{ id: number }>("SELECT id FROM warnings WHERE origin = 'signal' AND signal_id = $1", [
    signalId,
  ]);
  if (existing) throw new TocsinError('conflict', `signal ${signalId} has already raised warning ${existing.id}`);
  const words = signalWording(s);
  const w = await storeWarning(
    db,
    {
      title: input.title ?? words.title,
      summary: input.summary ?? words.summary,
      severity: input.severity ?? severityOfSignal(s),
      country: s.country,
      admin1: input.admin1 ?? null,
      origin: 'signal',
      signalId,
      riskFactors: input.riskFactors ?? ['RF8'],
      evidence: [{ kind: 'signal', id: s.id }, ...s.eventIds.map((id) => ({ kind: 'event' as const, id }))],
      groupIds: input.groupIds,
      recipients: input.recipients,
    },
    actor,
    undefined,
    async (tx, stored) => {
      if (s.status !== 'warning')
        await triageSignal(tx, signalId, { decision: 'raise-warning', note: `warning ${stored.id} raised`, userId: actor.by });
    },
  );
  if (!w) throw new TocsinError('conflict', `signal ${signalId} has already raised a warning`);
  return w;
}
