import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '../access/roles.js';
import { createUser } from '../access/users.repository.js';
import { VERSION, WEB_ROOT } from '../core/paths.js';
import type { Db } from '../db/database.js';
import { openDatabase } from '../db/open-database.js';
import { startServer } from '../http/server.js';
import { importEventFile } from '../ingest/import-events.js';
import { ucdpFormat } from '../ingest/ucdp/ucdp-format.js';

export interface Credentials {
  username: string;
  password: string;
}

export interface TestInstance {
  url: string;
  /** The instance's database, for a test to seed what its journey needs (signals, forecasts…). */
  db: Db;
  dataDir: string;
  admin: Credentials;
  viewer: Credentials;
  /** One user of every role, named after the role ("decision-maker"), password "<role> password 1234". */
  users: Readonly<Record<Role, Credentials>>;
  close(): Promise<void>;
}

const ROLE_USERS: readonly Role[] = ['analyst', 'reviewer', 'investigator', 'monitor', 'decision-maker'];

/**
 * A real Tocsin server on a free loopback port over a fresh PGlite data directory, with a user
 * of every role, and optionally a UCDP GED file imported. Serves the built UI from dist/web.
 */
export async function createTestInstance(options: { importUcdp?: string } = {}): Promise<TestInstance> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tocsin-instance-'));
  const db = await openDatabase({ dataDir });
  const admin = { username: 'admin', password: 'correct horse battery staple' };
  const viewer = { username: 'viewer', password: 'viewer password 1234' };
  await createUser(db, { ...admin, role: 'admin', displayName: 'Administrator' });
  await createUser(db, { ...viewer, role: 'viewer' });
  const users: Record<Role, Credentials> = { admin, viewer } as Record<Role, Credentials>;
  for (const role of ROLE_USERS) {
    users[role] = { username: role, password: `${role} password 1234` };
    await createUser(db, { ...users[role], role });
  }
  if (options.importUcdp) await importEventFile(db, { format: ucdpFormat, file: options.importUcdp });
  const server = await startServer({ db, host: '127.0.0.1', port: 0, webRoot: WEB_ROOT, version: VERSION, dataDir });
  return {
    url: server.url,
    db,
    dataDir,
    admin,
    viewer,
    users,
    async close() {
      await server.close();
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
