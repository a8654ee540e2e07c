import type { Db } from '../db/database.js';
import { generatePassword } from './password.js';
import { countUsers, createUser } from './users.repository.js';

/**
 * Creates the first admin when the instance has no user yet (at setup or first start).
 * The password is `password` when given (TOCSIN_ADMIN_PASSWORD), otherwise generated and
 * returned so the caller can show it once. Returns null when users already exist.
 */
export async function ensureFirstAdmin(
  db: Db,
  opts: { username?: string; password?: string | undefined },
): Promise<{ username: string; password: string; generated: boolean } | null> {
  if ((await countUsers(db)) > 0) return null;
  const username = opts.username ?? 'admin';
  const password = opts.password ?? generatePassword();
  await createUser(db, { username, password, role: 'admin', displayName: 'Administrator' });
  return { username, password, generated: opts.password === undefined };
}
