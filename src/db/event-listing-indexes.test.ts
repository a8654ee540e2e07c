import { expect, it } from 'vitest';
import { describeEachEngine } from '../test-support/engines.js';
import { dropEventListingIndexes } from './event-listing-indexes.js';
import { migrate } from './migrate.js';

describeEachEngine('event listing indexes', ({ db }) => {
  it('are built again by the next start when a process dropped them and died', async () => {
    const names = async () =>
      (
        await db().query<{ indexname: string }>(
          "SELECT indexname FROM pg_indexes WHERE tablename = 'events' AND indexname LIKE 'events\\_%date' ORDER BY indexname",
        )
      ).map((r) => r.indexname);
    expect(await names()).toEqual(['events_country_date', 'events_date']);
    await dropEventListingIndexes(db());
    expect(await names()).toEqual([]);
    expect(await migrate(db())).toEqual([]); // nothing to migrate, the indexes are restored all the same
    expect(await names()).toEqual(['events_country_date', 'events_date']);
  });
});
