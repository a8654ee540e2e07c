import { TocsinError } from '../core/errors.js';
import type { Db, Queryable } from '../db/database.js';
import { notifyReachedTiers } from './notify-warning.js';
import type { EvidenceLink, Origin, Recipient, Severity, Warning } from './warning.js';
import type { ManualWarningInput, RecipientInput } from './warning-input.js';
import { deadlinesFor, type WarningSettings } from './warning-settings.js';
import { readWarningSettings } from './warning-settings.repository.js';
import { getWarning, insertWarning } from './warnings.repository.js';

/** A warning ready to store, whatever its origin. */
export interface WarningDraft {
  title: string;
  summary: string;
  severity: Severity;
  country: string;
  admin1: string | null;
  origin: Origin;
  signalId?: number;
  forecastModelId?: number;
  forecastYear?: number;
  assessmentId?: number;
  riskFactors: readonly string[];
  evidence: readonly EvidenceLink[];
  groupIds: readonly number[];
  /** By username or role; the settings' tiers when absent. */
  recipients?: readonly RecipientInput[] | undefined;
}

/** Who raises, and when (the injected clock). */
export interface Actor {
  by: number | null;
  now: Date;
}

/** The settings' tiers as recipients (usernames resolved to users). */
export const recipientsOfSettings = (settings: WarningSettings): RecipientInput[] =>
  settings.tiers.flatMap((t, tier) => [...t.roles.map((role) => ({ tier, role })), ...t.users.map((user) => ({ tier, user }))]);

/** Resolves usernames to ids and checks the tiers run 0, 1, 2, ... without a gap (a gap could never be reached). */
async function resolveRecipients(db: Queryable, input: readonly RecipientInput[]): Promise<Recipient[]> {
  const names = [...new Set(input.flatMap((r) => (r.user ? [r.user] : [])))];
  const users = names.length
    ? await db.query<{ id: number; username: string }>('SELECT id, username FROM users WHERE username = ANY($1::text[])', [names])
    : [];
  const out = input.map((r, i): Recipient => {
    if (r.role) return { tier: r.tier, role: r.role };
    const u = users.find((x) => x.username === r.user);
    if (!u)
      throw new TocsinError('invalid_input', `recipients.${i}.user: no user named ${r.user}`, { field: `recipients.${i}.user` });
    return { tier: r.tier, userId: u.id };
  });
  const tiers = [...new Set(out.map((r) => r.tier))].sort((a, b) => a - b);
  if (tiers.some((t, i) => t !== i))
    throw new TocsinError('invalid_input', `recipients: tiers must run 0, 1, 2, ... without a gap (got ${tiers.join(', ')})`, {
      field: 'recipients',
    });
  return out;
}

/** Checks the place and the groups: the country is known, each group is of that country. */
async function checkPlace(db: Queryable, d: WarningDraft): Promise<void> {
  const [c] = await db.query('SELECT 1 FROM countries WHERE iso3 = $1', [d.country]);
  if (!c) throw new TocsinError('invalid_input', `country: ${d.country} is not a known ISO alpha-3 code`, { field: 'country' });
  if (!d.groupIds.length) return;
  const groups = await db.query<{ id: number; country_iso3: string }>(
    'SELECT id, country_iso3 FROM protected_groups WHERE id = ANY($1::int[])',
    [[...d.groupIds]],
  );
  for (const [i, id] of d.groupIds.entries()) {
    const g = groups.find((x) => x.id === id);
    if (!g) throw new TocsinError('invalid_input', `groupIds.${i}: no protected group ${id}`, { field: `groupIds.${i}` });
    if (g.country_iso3 !== d.country)
      throw new TocsinError('invalid_input', `groupIds.${i}: group ${id} is in ${g.country_iso3}, not ${d.country}`, {
        field: `groupIds.${i}`,
      });
  }
}

/**
 * Stores a warning with deadlines from the settings by severity (from `now`), its recipients, the
 * 'raised' log entry, and queues the 'raised' notice to tier 0, all in one transaction. Returns
 * null when its origin (signal, forecast, assessment) has already raised a warning.
 */
export async function storeWarning(
  db: Db,
  d: WarningDraft,
  actor: Actor,
  settings?: WarningSettings,
  /** Runs in the same transaction once the warning is stored (e.g. the signal's triage). */
  alongside?: (tx: Queryable, w: Warning) => Promise<void>,
): Promise<Warning | null> {
  const s = settings ?? (await readWarningSettings(db));
  await checkPlace(db, d);
  const recipients = await resolveRecipients(db, d.recipients ?? recipientsOfSettings(s));
  const due = deadlinesFor(s, d.severity, actor.now);
  return db.transaction(async (tx) => {
    const id = await insertWarning(tx, {
      ...d,
      recipients,
      raisedBy: actor.by,
      raisedAt: actor.now,
      ...due,
    });
    if (id === null) return null;
    const w = await getWarning(tx, id);
    await alongside?.(tx, w);
    await notifyReachedTiers(tx, w, 'raised', s, actor.now);
    return w;
  });
}

/** Raises a warning by hand. */
export async function raiseWarning(db: Db, input: ManualWarningInput, actor: Actor): Promise<Warning> {
  const w = await storeWarning(
    db,
    {
      title: input.title,
      summary: input.summary ?? '',
      severity: input.severity,
      country: input.country,
      admin1: input.admin1 ?? null,
      origin: 'manual',
      riskFactors: input.riskFactors ?? [],
      evidence: input.evidence,
      groupIds: input.groupIds,
      recipients: input.recipients,
    },
    actor,
  );
  return w!; // manual warnings have no origin to repeat
}
