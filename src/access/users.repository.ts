import { TocsinError } from '../core/errors.js';
import type { Queryable } from '../db/database.js';
import { hashPassword } from './password.js';
import type { Role } from './roles.js';

export interface User {
  id: number;
  username: string;
  displayName: string | null;
  role: Role;
  disabled: boolean;
}

interface UserRow {
  id: number;
  username: string;
  display_name: string | null;
  role: Role;
  disabled: boolean;
  password_hash: string;
}

const toUser = (r: UserRow): User => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  disabled: r.disabled,
});

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,62}$/;

/** Creates a user with a hashed password; refuses a taken or malformed username. */
export async function createUser(
  db: Queryable,
  u: { username: string; password: string; role: Role; displayName?: string | null },
): Promise<User> {
  if (!USERNAME.test(u.username)) {
    throw new TocsinError(
      'invalid_input',
      'a username is 2-63 characters: lower-case letters, digits, ".", "_" or "-", starting with a letter or digit',
      { field: 'username' },
    );
  }
  const hash = await hashPassword(u.password);
  const rows = await db.query<UserRow>(
    `INSERT INTO users (username, display_name, role, password_hash) VALUES ($1, $2, $3, $4)
     ON CONFLICT (username) DO NOTHING RETURNING *`,
    [u.username, u.displayName ?? null, u.role, hash],
  );
  if (!rows[0]) throw new TocsinError('conflict', `a user named ${u.username} already exists`, { field: 'username' });
  return toUser(rows[0]);
}

/** The user and the stored password hash, for sign-in. */
export async function findUserForLogin(db: Queryable, username: string): Promise<(User & { passwordHash: string }) | undefined> {
  const [r] = await db.query<UserRow>('SELECT * FROM users WHERE username = $1', [username]);
  return r ? { ...toUser(r), passwordHash: r.password_hash } : undefined;
}

/** All users, by name. */
export async function listUsers(db: Queryable): Promise<User[]> {
  return (await db.query<UserRow>('SELECT * FROM users ORDER BY username')).map(toUser);
}

/** How many users exist (0 means the instance still needs its first admin). */
export async function countUsers(db: Queryable): Promise<number> {
  const [r] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  return r?.n ?? 0;
}
