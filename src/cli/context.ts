import type { Command } from 'commander';
import type { Db } from '../db/database.js';
import { openDatabase, resolveDatabaseConfig } from '../db/open-database.js';

/** Global options every command shares. */
export interface GlobalOptions {
  dataDir?: string;
  databaseUrl?: string;
}

/** Opens the store named by the global options (or the environment), runs `fn`, always closes it. */
export async function withDatabase<T>(
  cmd: Command,
  fn: (db: Db) => Promise<T>,
  onMigrated?: (applied: string[]) => void,
): Promise<T> {
  const opts = cmd.optsWithGlobals<GlobalOptions>();
  const db = await openDatabase(resolveDatabaseConfig({ dataDir: opts.dataDir, databaseUrl: opts.databaseUrl }), onMigrated);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}
