import type { Role } from '../access/roles.js';
import { TocsinError } from '../core/errors.js';
import type { Queryable } from '../db/database.js';

/** The user a command acts as (`--by <username>`): who is recorded, and whose role decides what they may do. */
export interface CliUser {
  id: number;
  username: string;
  role: Role;
}

/** The active user named with `flag`; refused, naming the flag, when there is none or the account is disabled. */
export async function userNamed(db: Queryable, username: string, flag = '--by'): Promise<CliUser> {
  const [u] = await db.query<CliUser & { disabled: boolean }>(
    'SELECT id, username, role, disabled FROM users WHERE username = $1',
    [username],
  );
  if (!u) throw new TocsinError('not_found', `${flag}: no user ${username}`, { field: flag });
  if (u.disabled) throw new TocsinError('forbidden', `${flag}: user ${username} is disabled`, { field: flag });
  return { id: u.id, username: u.username, role: u.role };
}

/** The id of the user named with `flag`, or null when the flag was not given. */
export async function userIdOf(db: Queryable, username: string | undefined, flag = '--by'): Promise<number | null> {
  return username ? (await userNamed(db, username, flag)).id : null;
}

/** Refuses a user whose role may not take this step, saying which roles may. */
export function requireRole(user: CliUser, roles: readonly Role[], what: string): void {
  if (!roles.includes(user.role))
    throw new TocsinError('forbidden', `${user.username} is ${user.role}: only ${roles.join(' or ')} may ${what}`);
}
