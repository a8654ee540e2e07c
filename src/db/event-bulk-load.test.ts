import { expect, it } from 'vitest';
import { describeEachEngine } from '../test-support/engines.js';
import { deferForBulkLoad, restoreAfterBulkLoad } from './event-bulk-load.js';
import { migrate } from './migrate.js';

describeEachEngine('what a bulk load defers', ({ db }) => {
  it('is restored by the next start when a process dropped it and died', async () => {
    const names = async () => [
      ...(
        await db().query<{ name: string }>(
          "SELECT indexname AS name FROM pg_indexes WHERE tablename = 'events' AND indexname LIKE 'events\\_%date' ORDER BY indexname",
        )
      ).map((r) => r.name),
      ...(
        await db().query<{ name: string; valid: boolean }>(
          "SELECT conname AS name, convalidated AS valid FROM pg_constraint WHERE conrelid = 'events'::regclass AND contype = 'f' ORDER BY conname",
        )
      ).map((r) => `${r.name}${r.valid ? '' : ' (not valid)'}`),
    ];
    const all = ['events_country_date', 'events_date', 'events_first_batch_id_fkey', 'events_import_batch_id_fkey'];
    expect(await names()).toEqual(all);
    await deferForBulkLoad(db());
    expect(await names()).toEqual([]);
    expect(await migrate(db())).toEqual([]); // nothing to migrate, and all is restored all the same
    expect(await names()).toEqual(all);
  });

  it('validates a key left unvalidated, and lets two imports restore at once', async () => {
    await db().exec('ALTER TABLE events DROP CONSTRAINT events_import_batch_id_fkey');
    await db().exec(
      'ALTER TABLE events ADD CONSTRAINT events_import_batch_id_fkey FOREIGN KEY (import_batch_id) REFERENCES import_batches(id) NOT VALID',
    );
    await restoreAfterBulkLoad(db());
    const state = await db().query<{ valid: boolean }>(
      "SELECT convalidated AS valid FROM pg_constraint WHERE conname = 'events_import_batch_id_fkey'",
    );
    expect(state).toEqual([{ valid: true }]);
    await deferForBulkLoad(db());
    await Promise.all([restoreAfterBulkLoad(db()), restoreAfterBulkLoad(db())]);
    expect(
      await db().query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_constraint WHERE conrelid = 'events'::regclass AND contype = 'f'",
      ),
    ).toEqual([{ n: 2 }]);
  });
});
