import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { syncCountries } from '../../src/countries/countries.repository.js';
import type { Db } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import { pgliteDb } from '../../src/db/pglite-db.js';
import { openPostgres } from '../../src/db/postgres-db.js';
import { dropDatabase, recreateDatabase } from '../lib/pg-scratch.js';
import { BENCH_DIR } from '../lib/paths.js';

/** A fresh, migrated store for one variant; `pglite` is set on PGlite (for COPY FROM '/dev/blob'). */
export interface VariantStore {
  db: Db;
  pglite?: PGlite;
  dispose(): Promise<void>;
}

/** A fresh PGlite data directory (same options as src/db/pglite-db.ts) with the schema applied. */
async function freshPglite(name: string, settings: readonly string[]): Promise<VariantStore> {
  const dir = join(BENCH_DIR, 'variants', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const startParams = settings.length ? [...PGlite.defaultStartParams, ...settings.flatMap((x) => ['-c', x])] : undefined;
  const pg = await PGlite.create(dir, { relaxedDurability: false, ...(startParams ? { startParams } : {}) });
  const db = pgliteDb(pg);
  await migrate(db);
  await syncCountries(db);
  return {
    db,
    pglite: pg,
    async dispose() {
      await pg.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function freshPostgres(server: string): Promise<VariantStore> {
  const name = 'tocsin_bench_variant';
  const db = await openPostgres(await recreateDatabase(server, name));
  await migrate(db);
  await syncCountries(db);
  return {
    db,
    async dispose() {
      await db.close();
      await dropDatabase(server, name);
    },
  };
}

/**
 * A fresh store on the engine: PGlite under .bench/variants/ (with extra `settings` such as
 * `full_page_writes=off` passed as `-c` start parameters), or a scratch database on `server`.
 */
export const freshStore = (
  engine: 'pglite' | 'postgres',
  name: string,
  server?: string,
  settings: readonly string[] = [],
): Promise<VariantStore> => (engine === 'pglite' ? freshPglite(name, settings) : freshPostgres(server!));
