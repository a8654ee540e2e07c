import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import type { Db, Engine } from '../db/database.js';
import { openDatabase } from '../db/open-database.js';

/**
 * The PostgreSQL server for the repository suites (`.ci/run` starts one on loopback and sets it).
 * Each suite gets a database of its own, created and dropped around it, so suites run in parallel.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

/** A fresh database on the test server, for one suite. */
export async function createScratchDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `tocsin_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Opens a migrated, empty store on the given engine; `close` also drops a PostgreSQL scratch database. */
export async function openTestDatabase(engine: Engine): Promise<{ db: Db; close(): Promise<void> }> {
  if (engine === 'pglite') {
    const db = await openDatabase({ dataDir: 'memory://' });
    return { db, close: () => db.close() };
  }
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
  const scratch = await createScratchDatabase(TEST_DATABASE_URL);
  const db = await openDatabase({ databaseUrl: scratch.url });
  return {
    db,
    async close() {
      await db.close();
      await scratch.drop();
    },
  };
}

/**
 * Runs one suite on every engine: PGlite always, PostgreSQL when TEST_DATABASE_URL is set.
 * Without it the PostgreSQL run is skipped with a notice on a developer's machine and fails under CI.
 */
export function describeEachEngine(name: string, body: (ctx: { db: () => Db; engine: Engine }) => void): void {
  for (const engine of ['pglite', 'postgres'] as const) {
    if (engine === 'postgres' && !TEST_DATABASE_URL) {
      if (process.env.CI === 'true') {
        describe(`${name} [postgres]`, () => {
          throw new Error('TEST_DATABASE_URL must point at a PostgreSQL server under CI (see .ci/run)');
        });
      } else {
        console.warn(`[tocsin tests] NOTICE: "${name}" skipped on PostgreSQL: set TEST_DATABASE_URL to run it there`);
        describe.skip(`${name} [postgres]`, () => body({ db: () => undefined as never, engine }));
      }
      continue;
    }
    describe(`${name} [${engine}]`, () => {
      let handle: { db: Db; close(): Promise<void> } | undefined;
      beforeAll(async () => {
        handle = await openTestDatabase(engine);
      });
      afterAll(async () => {
        await handle?.close();
      });
      body({ db: () => handle!.db, engine });
    });
  }
}
