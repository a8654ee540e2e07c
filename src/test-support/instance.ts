import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createUser } from '../access/users.repository.js';
import { VERSION, WEB_ROOT } from '../core/paths.js';
import { openDatabase } from '../db/open-database.js';
import { startServer } from '../http/server.js';
import { importEventFile } from '../ingest/import-events.js';
import { ucdpFormat } from '../ingest/ucdp/ucdp-format.js';

export interface TestInstance {
  url: string;
  admin: { username: string; password: string };
  viewer: { username: string; password: string };
  close(): Promise<void>;
}

/**
 * A real Tocsin server on a free loopback port over a fresh PGlite data directory, with an admin
 * and a viewer, and optionally a UCDP GED file imported. Serves the built UI from dist/web.
 */
export async function createTestInstance(options: { importUcdp?: string } = {}): Promise<TestInstance> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tocsin-instance-'));
  const db = await openDatabase({ dataDir });
  const admin = { username: 'admin', password: 'correct horse battery staple' };
  const viewer = { username: 'viewer', password: 'viewer password 1234' };
  await createUser(db, { ...admin, role: 'admin', displayName: 'Administrator' });
  await createUser(db, { ...viewer, role: 'viewer' });
  if (options.importUcdp) await importEventFile(db, { format: ucdpFormat, file: options.importUcdp });
  const server = await startServer({ db, host: '127.0.0.1', port: 0, webRoot: WEB_ROOT, version: VERSION });
  return {
    url: server.url,
    admin,
    viewer,
    async close() {
      await server.close();
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
