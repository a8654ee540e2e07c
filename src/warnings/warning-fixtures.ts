import type { Role } from '../access/roles.js';
import { createUser } from '../access/users.repository.js';
import type { Db } from '../db/database.js';

/** Users with e-mail addresses, one per role given, for warning tests. */
export async function usersWithEmail(
  db: Db,
  roles: readonly Role[],
  prefix = 'w',
): Promise<Record<string, { id: number; username: string; role: Role }>> {
  const out: Record<string, { id: number; username: string; role: Role }> = {};
  for (const role of roles) {
    const username = `${prefix}-${role}`;
    const u = await createUser(db, { username, password: `password for ${username}!`, role });
    await db.query('UPDATE users SET email = $2 WHERE id = $1', [u.id, `${username}@example.org`]);
    out[role] = { id: u.id, username, role };
  }
  return out;
}

export const hoursAfter = (t: Date, h: number) => new Date(t.getTime() + h * 3_600_000);
