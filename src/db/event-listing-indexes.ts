import type { Queryable } from './database.js';

/**
 * The two indexes the event listings use (migration 0001): newest first, and by country. A first
 * import into an empty store loads without them and builds them once at the end, as `pg_restore`
 * does (about 6 µs a row less on PGlite, docs/benchmarks.md). They are re-created by every start
 * (`migrate`), so a process killed in between leaves no store without them.
 */
const LISTING_INDEXES = [
  'CREATE INDEX IF NOT EXISTS events_date ON events (date_start DESC, id DESC)',
  'CREATE INDEX IF NOT EXISTS events_country_date ON events (country_iso3, date_start DESC, id DESC)',
] as const;

/** Builds whichever of the listing indexes is missing (a no-op when both exist). */
export async function ensureEventListingIndexes(db: Queryable): Promise<void> {
  await db.exec(LISTING_INDEXES.join(';\n'));
}

/** Drops the listing indexes, for a bulk load into an empty store; `ensureEventListingIndexes` builds them again. */
export async function dropEventListingIndexes(db: Queryable): Promise<void> {
  await db.exec('DROP INDEX IF EXISTS events_date; DROP INDEX IF EXISTS events_country_date');
}
