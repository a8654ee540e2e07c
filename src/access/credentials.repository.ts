import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database.js';
import type { User } from './users.repository.js';
import type { Role } from './roles.js';

export type CredentialKind = 'session' | 'api-token';

/** Only a digest of a secret is stored: a copy of the database does not let anyone sign in. */
const digest = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** Issues a new secret for a user; returns it once (it cannot be read back). */
export async function issueCredential(
  db: Queryable,
  c: { userId: number; kind: CredentialKind; label?: string | null; ttlSeconds: number | null },
): Promise<{ secret: string; expiresAt: Date | null }> {
  const prefix = c.kind === 'session' ? 'tss' : 'tst';
  const secret = `${prefix}_${randomBytes(32).toString('base64url')}`;
  const expiresAt = c.ttlSeconds === null ? null : new Date(Date.now() + c.ttlSeconds * 1000);
  await db.query('INSERT INTO credentials (token_hash, user_id, kind, label, expires_at) VALUES ($1, $2, $3, $4, $5)', [
    digest(secret),
    c.userId,
    c.kind,
    c.label ?? null,
    expiresAt,
  ]);
  return { secret, expiresAt };
}

/** The enabled user behind a live secret of the given kind, or undefined. */
export async function resolveCredential(db: Queryable, secret: string, kind: CredentialKind): Promise<User | undefined> {
  const hash = digest(secret);
  const [r] = await db.query<{ id: number; username: string; display_name: string | null; role: Role; stale: boolean }>(
    `SELECT u.id, u.username, u.display_name, u.role,
            (c.last_used_at IS NULL OR c.last_used_at < now() - interval '1 minute') AS stale
     FROM credentials c JOIN users u ON u.id = c.user_id
     WHERE c.token_hash = $1 AND c.kind = $2 AND NOT u.disabled AND (c.expires_at IS NULL OR c.expires_at > now())`,
    [hash, kind],
  );
  if (!r) return undefined;
  // Last use is kept to the minute: writing it on every request would make concurrent requests
  // with one token queue on the same row lock.
  if (r.stale) await db.query('UPDATE credentials SET last_used_at = now() WHERE token_hash = $1', [hash]);
  return { id: r.id, username: r.username, displayName: r.display_name, role: r.role, disabled: false };
}

/** Revokes a secret (sign-out). */
export async function revokeCredential(db: Queryable, secret: string): Promise<void> {
  await db.query('DELETE FROM credentials WHERE token_hash = $1', [digest(secret)]);
}
