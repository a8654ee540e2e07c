/**
 * The SQL behind GET /api/events, one query at a time on a populated store, as shipped and with
 * the changes proposed in docs/benchmarks.md (ANALYZE; a category index), each tried inside a
 * transaction that is rolled back:
 * `api-queries.ts (--data-dir DIR [--setting shared_buffers=1GB] | --database-url URL)`.
 * Prints one JSON line: median milliseconds per query.
 */
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable } from '../../src/db/database.js';
import { pgliteDb } from '../../src/db/pglite-db.js';
import { openPostgres } from '../../src/db/postgres-db.js';
import { filterToSql, type EventFilter } from '../../src/events/event-filter.js';
import { countEvents, listEvents } from '../../src/events/events.repository.js';
import { SCENARIOS } from '../lib/load.js';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    'database-url': { type: 'string' },
    setting: { type: 'string', multiple: true, default: [] },
  },
});

async function open(): Promise<Db> {
  if (values['database-url']) return openPostgres(values['database-url']);
  const settings = values.setting.flatMap((s) => ['-c', s]);
  const pg = await PGlite.create(values['data-dir'], {
    relaxedDurability: false,
    ...(settings.length ? { startParams: [...PGlite.defaultStartParams, ...settings] } : {}),
  });
  return pgliteDb(pg);
}

/** Median milliseconds of `runs` calls after one warm-up call. */
async function median(fn: () => Promise<unknown>, runs = 5): Promise<number> {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return Math.round(ms.sort((a, b) => a - b)[Math.floor(runs / 2)]! * 10) / 10;
}

const filters = SCENARIOS.filter((s) => s.pages === 1).map((s) => ({ name: s.name, filter: s.query }));
const cappedCount = (db: Queryable, f: EventFilter) => {
  const { where, params } = filterToSql(f);
  return db.query(`SELECT count(*) FROM (SELECT 1 FROM events ${where} LIMIT 10001) t`, params);
};

/** First page, fifth page (cursor), exact total and a total capped at 10,000, per filter. */
async function timeAll(db: Queryable) {
  const out: Record<string, { page1: number; page5: number; count: number; countCapped: number }> = {};
  for (const { name, filter } of filters) {
    let cursor: string | undefined;
    for (let i = 0; i < 4; i++) cursor = (await listEvents(db, filter, { limit: 100, cursor })).nextCursor ?? undefined;
    out[name] = {
      page1: await median(() => listEvents(db, filter, { limit: 100 })),
      page5: await median(() => listEvents(db, filter, { limit: 100, cursor })),
      count: await median(() => countEvents(db, filter), 3),
      countCapped: await median(() => cappedCount(db, filter), 3),
    };
  }
  return out;
}

/** Runs `change` then times everything, inside a transaction rolled back after: the store is left as it was. */
async function tryChange(db: Db, change: string) {
  let timings: Awaited<ReturnType<typeof timeAll>> | undefined;
  let changeSeconds = 0;
  await db
    .transaction(async (tx) => {
      const t = performance.now();
      await tx.exec(change);
      changeSeconds = Math.round((performance.now() - t) / 100) / 10;
      timings = await timeAll(tx);
      throw new Error('rollback');
    })
    .catch((e: unknown) => {
      if (!(e instanceof Error && e.message === 'rollback')) throw e;
    });
  return { change, changeSeconds, timings: timings! };
}

const db = await open();
const [stats] = await db.query(
  `SELECT n_live_tup, last_analyze, last_autoanalyze FROM pg_stat_user_tables WHERE relname = 'events'`,
);
const asShipped = await timeAll(db);
// PGlite runs no autovacuum, so a store it filled has no planner statistics until ANALYZE.
const analyzed = await tryChange(db, 'ANALYZE events');
const indexed = await tryChange(
  db,
  'ANALYZE events; CREATE INDEX events_category_date ON events (category, date_start DESC, id DESC)',
);
await db.close();
console.log(
  JSON.stringify({ settings: values.setting, stats, asShipped, analyzed, indexed, maxRssKb: process.resourceUsage().maxRSS }),
);
