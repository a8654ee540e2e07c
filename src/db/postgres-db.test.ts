import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, TEST_DATABASE_URL } from '../test-support/engines.js';
import type { Db } from './database.js';
import { openPostgres } from './postgres-db.js';

const runOnPostgres = TEST_DATABASE_URL || process.env.CI === 'true';
if (!runOnPostgres) console.warn('[tocsin tests] NOTICE: PostgreSQL connection tests skipped: set TEST_DATABASE_URL to run them');

describe.skipIf(!runOnPostgres)('PostgreSQL connections', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let name: string;
  beforeAll(async () => {
    if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL must point at a PostgreSQL server under CI (see .ci/run)');
    scratch = await createScratchDatabase(TEST_DATABASE_URL);
    name = new URL(scratch.url).pathname.slice(1);
  });
  afterAll(async () => scratch?.drop());

  it('survives the server ending an idle connection, and reconnects for the next query', async () => {
    const heard: string[] = [];
    const db: Db = await openPostgres(scratch.url, 2, (e) => heard.push(e.message));
    try {
      await db.query('SELECT 1');
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
      await admin.end();
      await expect.poll(() => heard).toEqual([expect.stringMatching(/terminating connection due to administrator command/)]);
      expect(await db.query<{ n: number }>('SELECT 2 AS n')).toEqual([{ n: 2 }]);
    } finally {
      await db.close();
    }
  });
});
