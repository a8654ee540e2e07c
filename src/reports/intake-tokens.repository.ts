import { createHash, randomBytes } from 'node:crypto';
import { TocsinError } from '../core/errors.js';
import type { Queryable } from '../db/database.js';

/** Longest life of an intake link: a link that lingers is a link that leaks. */
export const MAX_INTAKE_DAYS = 90;

const digest = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
/** Tokens are 32 random bytes, base64url: 43 characters. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export interface IntakeToken {
  /** The secret, shown once: only its SHA-256 is stored. */
  token: string;
  label: string | null;
  expiresAt: string;
}

/** Makes a one-time token for anonymous submission, valid for `days` days. */
export async function createIntakeToken(
  db: Queryable,
  o: { label: string | null; days: number; userId: number | null },
): Promise<IntakeToken> {
  if (!Number.isFinite(o.days) || o.days <= 0 || o.days > MAX_INTAKE_DAYS)
    throw new TocsinError('invalid_input', `days: must be more than 0 and at most ${MAX_INTAKE_DAYS}`, { field: 'days' });
  const token = randomBytes(32).toString('base64url');
  const [row] = await db.query<{ expires_at: Date | string }>(
    `INSERT INTO intake_tokens (token_hash, label, created_by, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(secs => $4)) RETURNING expires_at`,
    [digest(token), o.label, o.userId, Math.round(o.days * 86_400)],
  );
  return { token, label: o.label, expiresAt: new Date(row!.expires_at).toISOString() };
}

/**
 * Refuses a token that is unknown, used or expired, with a message the submitter can act on.
 * Checked before a submission is sealed; `burnIntakeToken` then spends it in the submission's transaction.
 */
export async function checkIntakeToken(db: Queryable, token: string): Promise<void> {
  const rows = TOKEN_SHAPE.test(token)
    ? await db.query<{ used: boolean; expired: boolean }>(
        'SELECT used_at IS NOT NULL AS used, expires_at <= now() AS expired FROM intake_tokens WHERE token_hash = $1',
        [digest(token)],
      )
    : [];
  const t = rows[0];
  if (!t) throw new TocsinError('not_found', 'this submission link is not valid: ask for a new one', { field: 'token' });
  if (t.used)
    throw new TocsinError('conflict', 'this submission link was already used: each link takes one report; ask for a new one', {
      field: 'token',
    });
  if (t.expired) throw new TocsinError('conflict', 'this submission link has expired: ask for a new one', { field: 'token' });
}

/** Spends a token; refused (as checkIntakeToken does) when another submission spent it first. */
export async function burnIntakeToken(tx: Queryable, token: string): Promise<void> {
  const burnt = await tx.query(
    'UPDATE intake_tokens SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING 1',
    [digest(token)],
  );
  if (burnt.length === 0) await checkIntakeToken(tx, token);
  if (burnt.length === 0) throw new TocsinError('conflict', 'this submission link cannot be used', { field: 'token' });
}
