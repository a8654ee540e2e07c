import type { Queryable } from './database.js';

/**
 * What a first import into an empty store loads without and restores once at the end, as
 * `pg_restore` does (docs/benchmarks.md, "Loading without indexes and key checks"):
 * - the two indexes the event listings use (migration 0001), about 6 µs a row less on PGlite;
 * - the two foreign keys from `events` to `import_batches`, checked row by row by a trigger while
 *   they exist (about 15 µs a row on PGlite), and by one scan when added back. Every row of such a
 *   load carries the batch the import has just created, so nothing goes unchecked for long.
 * `restoreAfterBulkLoad` is also run by every start (`migrate`), so a process killed in between
 * leaves no store without them.
 */
const LISTING_INDEXES = [
  'CREATE INDEX IF NOT EXISTS events_date ON events (date_start DESC, id DESC)',
  'CREATE INDEX IF NOT EXISTS events_country_date ON events (country_iso3, date_start DESC, id DESC)',
] as const;

/** The foreign keys of `events`, by their names in migration 0001. */
const BATCH_KEYS = [
  ['events_first_batch_id_fkey', 'first_batch_id'],
  ['events_import_batch_id_fkey', 'import_batch_id'],
] as const;

/** Drops the listing indexes and the batch foreign keys, for a bulk load into an empty store. */
export async function deferForBulkLoad(db: Queryable): Promise<void> {
  await db.exec(
    [
      'DROP INDEX IF EXISTS events_date',
      'DROP INDEX IF EXISTS events_country_date',
      ...BATCH_KEYS.map(([name]) => `ALTER TABLE events DROP CONSTRAINT IF EXISTS ${name}`),
    ].join(';\n'),
  );
}

/**
 * Builds whichever listing index is missing and adds back whichever batch key is missing (a no-op
 * when all are there). A key comes back `NOT VALID` first and is then validated, so the scan of
 * existing rows holds no lock that stops the API reading on PostgreSQL; a key left unvalidated is
 * validated. Two imports finishing at once may both add a key: the second finds it there.
 */
export async function restoreAfterBulkLoad(db: Queryable): Promise<void> {
  await db.exec(LISTING_INDEXES.join(';\n'));
  const present = new Map(
    (
      await db.query<{ conname: string; convalidated: boolean }>(
        "SELECT conname, convalidated FROM pg_constraint WHERE conrelid = 'events'::regclass AND contype = 'f'",
      )
    ).map((r) => [r.conname, r.convalidated]),
  );
  for (const [name, column] of BATCH_KEYS) {
    const validated = present.get(name);
    if (validated === true) continue;
    try {
      if (validated === undefined) {
        await db.exec(
          `ALTER TABLE events ADD CONSTRAINT ${name} FOREIGN KEY (${column}) REFERENCES import_batches(id) NOT VALID`,
        );
      }
      await db.exec(`ALTER TABLE events VALIDATE CONSTRAINT ${name}`);
    } catch (e) {
      if (!isDuplicateObject(e)) throw e;
    }
  }
}

/** PostgreSQL's duplicate_object (42710): here, another import added the key first. */
const isDuplicateObject = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '42710';
