/**
 * The surveillance step of a first import, statement by statement:
 * `surveillance-statements.ts --data-dir DIR` (a copy of an imported PGlite store; it is changed).
 * Empties the incident and roll-up tables, runs `refreshSurveillance` over every country from its
 * first event, as the first import's step does, and prints one JSON line: the step's report and the
 * milliseconds of each distinct statement (first 100 characters), slowest first.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { IsoDate, Iso3 } from '../../src/core/brand.js';
import type { Db, Queryable } from '../../src/db/database.js';
import { openDatabase } from '../../src/db/open-database.js';
import { refreshSurveillance } from '../../src/surveillance/refresh-surveillance.js';

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' } } });
if (!values['data-dir']) throw new Error('--data-dir is required');

const spent = new Map<string, { ms: number; calls: number }>();
const note = (sql: string, ms: number) => {
  const key = sql.replace(/\s+/g, ' ').trim().slice(0, 100);
  const s = spent.get(key) ?? { ms: 0, calls: 0 };
  s.ms += ms;
  s.calls++;
  spent.set(key, s);
};
const timed = <Q extends Queryable>(q: Q): Q => ({
  ...q,
  async query<R>(sql: string, params?: readonly unknown[]) {
    const t = performance.now();
    const rows = await q.query<R>(sql, params);
    note(sql, performance.now() - t);
    return rows;
  },
  async exec(sql: string) {
    const t = performance.now();
    await q.exec(sql);
    note(sql, performance.now() - t);
  },
});

const db = await openDatabase({ dataDir: values['data-dir'] });
await db.exec('TRUNCATE event_cluster_members, event_clusters, event_series_weekly, event_series_monthly, signals CASCADE');
const firstEvents = await db.query<{ country: Iso3; since: IsoDate }>(
  'SELECT country_iso3 AS country, min(date_start) AS since FROM events WHERE country_iso3 IS NOT NULL GROUP BY 1',
);
const watched: Db = { ...timed(db), transaction: (fn) => db.transaction((tx) => fn(timed(tx))) };
const t0 = performance.now();
const report = await refreshSurveillance(watched, new Map(firstEvents.map((r) => [r.country, r.since])), null);
const totalMs = Math.round(performance.now() - t0);
await db.close();
const statements = [...spent]
  .sort((a, b) => b[1].ms - a[1].ms)
  .map(([sql, s]) => ({ sql, ms: Math.round(s.ms), calls: s.calls }));
console.log(JSON.stringify({ totalMs, report, statements }));
