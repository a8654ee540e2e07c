import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LoginThrottle } from '../access/login-throttle.js';
import { issueCredential } from '../access/credentials.repository.js';
import { ROLES, type Role } from '../access/roles.js';
import { createUser } from '../access/users.repository.js';
import type { Db } from '../db/database.js';
import { createApp } from '../http/app.js';
import type { App } from '../http/app-env.js';

/**
 * An app over `db` with one user and one bearer token per role, for route tests without a socket.
 * Its data directory (keys, evidence files) is a fresh temporary one unless `dataDir` is given.
 */
export async function appWithRoleTokens(
  db: Db,
  o: { dataDir?: string } = {},
): Promise<{ app: App; tokens: Record<Role, string>; dataDir: string }> {
  const dataDir = o.dataDir ?? (await mkdtemp(join(tmpdir(), 'tocsin-app-')));
  const app = createApp({ db, throttle: new LoginThrottle(), secureCookies: false, version: 'test', dataDir });
  const tokens = {} as Record<Role, string>;
  for (const role of ROLES) {
    const user = await createUser(db, { username: `user-${role}`, password: `password for ${role}!`, role });
    tokens[role] = (await issueCredential(db, { userId: user.id, kind: 'api-token', ttlSeconds: 3600 })).secret;
  }
  return { app, tokens, dataDir };
}

/** `Authorization` header for a bearer token. */
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
