import type { Role } from '../access/roles.js';
import { TocsinError } from '../core/errors.js';
import type { Queryable } from '../db/database.js';
import type { Keyring } from './keyring.js';

/** Who may read confidential fields (identities of victims, witnesses and sources): every read is logged. */
export const CLEARED_ROLES: readonly Role[] = ['admin', 'investigator'];

export const isCleared = (role: Role): boolean => CLEARED_ROLES.includes(role);

export interface ConfidentialRead {
  user: { id: number; role: Role };
  /** The record, e.g. 'report:12', 'report-source:40'. */
  subject: string;
  /** The field, e.g. 'confidential', 'identity'. */
  field: string;
  /** Why it is read, when the reader said. */
  purpose?: string | undefined;
  envelope: unknown;
  /** The place the envelope was sealed for, e.g. 'report:12:confidential'. */
  aad: string;
}

/**
 * Opens a confidential field for a cleared user: refused ('forbidden') for any other role, and the
 * read is written to confidential_access_log before the value is decrypted and returned.
 * `db` may be a transaction (the log entry then commits with it).
 */
export async function readConfidential<T>(db: Queryable, keyring: Keyring, o: ConfidentialRead): Promise<T> {
  if (!isCleared(o.user.role))
    throw new TocsinError('forbidden', `confidential fields are readable only by ${CLEARED_ROLES.join(' or ')}`, {
      field: o.field,
    });
  if (!o.subject.trim() || !o.field.trim())
    throw new TocsinError('invalid_input', 'a confidential read names its subject and field', { field: 'subject' });
  if (o.envelope === null || o.envelope === undefined)
    throw new TocsinError('not_found', `${o.subject} has no sealed ${o.field}`, { field: o.field });
  await logRead(db, { userId: o.user.id, subject: o.subject, field: o.field, purpose: o.purpose ?? null });
  return keyring.open<T>(o.envelope, o.aad, db);
}

export async function logRead(
  q: Queryable,
  r: { userId: number | null; subject: string; field: string; purpose: string | null },
): Promise<void> {
  await q.query('INSERT INTO confidential_access_log (user_id, subject, field, purpose) VALUES ($1, $2, $3, $4)', [
    r.userId,
    r.subject,
    r.field,
    r.purpose?.trim() || null,
  ]);
}

export interface AccessLogEntry {
  id: number;
  at: string;
  username: string | null;
  subject: string;
  field: string;
  purpose: string | null;
}

/** The access log, newest first; `subject` ('report:12') narrows it to one record. */
export async function listAccessLog(q: Queryable, o: { subject?: string | undefined; limit: number }): Promise<AccessLogEntry[]> {
  return q.query<AccessLogEntry>(
    `SELECT l.id, to_char(l.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, u.username, l.subject, l.field, l.purpose
     FROM confidential_access_log l LEFT JOIN users u ON u.id = l.user_id
     WHERE $1::text IS NULL OR l.subject = $1
     ORDER BY l.id DESC LIMIT $2`,
    [o.subject ?? null, o.limit],
  );
}
