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

/** A user as administered: with the address warnings are sent to. */
export interface UserAccount extends User {
  email: string | null;
}

interface UserRow {
  id: number;
  username: string;
  display_name: string | null;
  role: Role;
  disabled: boolean;
  email: string | null;
  password_hash: string;
}

const toUser = (r: UserRow): UserAccount => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  disabled: r.disabled,
  email: r.email,
});

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,62}$/;
const EMAIL = /^[^@\s]+@[^@\s]+$/; // as the users.email CHECK in migration 0004

/** An e-mail address as stored (trimmed), or null for none; refuses a malformed one. */
function checkEmail(email: string | null | undefined): string | null {
  const e = email?.trim() || null;
  if (e !== null && (e.length > 254 || !EMAIL.test(e))) {
    throw new TocsinError('invalid_input', `not an e-mail address: ${JSON.stringify(e)}`, { field: 'email' });
  }
  return e;
}

/** Creates a user with a hashed password; refuses a taken or malformed username. */
export async function createUser(
  db: Queryable,
  u: { username: string; password: string; role: Role; displayName?: string | null; email?: string | null },
): Promise<UserAccount> {
  if (!USERNAME.test(u.username)) {
    throw new TocsinError(
      'invalid_input',
      'a username is 2-63 characters: lower-case letters, digits, ".", "_" or "-", starting with a letter or digit',
      { field: 'username' },
    );
  }
  const email = checkEmail(u.email);
  const hash = await hashPassword(u.password);
  const rows = await db.query<UserRow>(
    `INSERT INTO users (username, display_name, role, password_hash, email) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (username) DO NOTHING RETURNING *`,
    [u.username, u.displayName ?? null, u.role, hash, email],
  );
  if (!rows[0]) throw new TocsinError('conflict', `a user named ${u.username} already exists`, { field: 'username' });
  return toUser(rows[0]);
}

/** Sets (or, with null, removes) the address a user receives warnings at. */
export async function setUserEmail(db: Queryable, username: string, email: string | null): Promise<UserAccount> {
  const [r] = await db.query<UserRow>('UPDATE users SET email = $2 WHERE username = $1 RETURNING *', [
    username,
    checkEmail(email),
  ]);
  if (!r) throw new TocsinError('not_found', `no user named ${username}`, { field: 'username' });
  return toUser(r);
}

/** The user and the stored password hash, for sign-in. */
export async function findUserForLogin(db: Queryable, username: string): Promise<(User & { passwordHash: string }) | undefined> {
  const [r] = await db.query<UserRow>('SELECT * FROM users WHERE username = $1', [username]);
  return r ? { ...toUser(r), passwordHash: r.password_hash } : undefined;
}

/** All users, by name. */
export async function listUsers(db: Queryable): Promise<UserAccount[]> {
  return (await db.query<UserRow>('SELECT * FROM users ORDER BY username')).map(toUser);
}

/** How many users exist (0 means the instance still needs its first admin). */
export async function countUsers(db: Queryable): Promise<number> {
  const [r] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  return r?.n ?? 0;
}
