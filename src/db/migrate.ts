import { MIGRATIONS } from './migrations/index.js';
import type { Db } from './database.js';
import { restoreAfterBulkLoad } from './event-bulk-load.js';

/** An arbitrary constant: the advisory lock that keeps two servers from migrating at once. */
const MIGRATION_LOCK = 7_201_944;

/** Applies every pending migration in one transaction (all or none); returns the ids applied now. */
export async function migrate(db: Db): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const done = new Set((await tx.query<{ id: string }>('SELECT id FROM schema_migrations')).map((r) => r.id));
    const applied: string[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.id)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (id) VALUES ($1)', [m.id]);
      applied.push(m.id);
    }
    // A bulk import drops and restores the listing indexes and batch keys; a process killed in between left them out.
    await restoreAfterBulkLoad(tx);
    return applied;
  });
}
