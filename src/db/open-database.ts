import { resolve } from 'node:path';
import type { Db } from './database.js';
import { migrate } from './migrate.js';
import { openPglite } from './pglite-db.js';
import { openPostgres } from './postgres-db.js';
import { syncCountries } from '../countries/countries.repository.js';
import { ensureMeasureCatalogue } from '../measures/catalogue.repository.js';
import { ensureFramework } from '../framework/framework.repository.js';

export interface DatabaseConfig {
  /** PostgreSQL server URL; when absent the embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data directory (default `./tocsin-data`). */
  dataDir?: string | undefined;
}

/** Where the store lives, from flags first, then the environment, then the default. */
export function resolveDatabaseConfig(
  flags: DatabaseConfig,
  env: NodeJS.ProcessEnv = process.env,
): { databaseUrl: string; dataDir: string } {
  return {
    databaseUrl: flags.databaseUrl ?? env.DATABASE_URL ?? '',
    dataDir: resolve(flags.dataDir ?? env.TOCSIN_DATA_DIR ?? './tocsin-data'),
  };
}

/** Opens the store, applies pending migrations and refreshes the reference tables. */
export async function openDatabase(config: DatabaseConfig, onMigrated?: (applied: string[]) => void): Promise<Db> {
  const db = config.databaseUrl ? await openPostgres(config.databaseUrl) : await openPglite(config.dataDir ?? './tocsin-data');
  try {
    const applied = await migrate(db); // not inside `onMigrated?.(...)`: that would skip it
    onMigrated?.(applied);
    await syncCountries(db);
    await ensureMeasureCatalogue(db);
    await ensureFramework(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  return db;
}
