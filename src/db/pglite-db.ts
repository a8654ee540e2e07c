import { mkdirSync } from 'node:fs';
import { PGlite, types } from '@electric-sql/pglite';
import type { Db, Queryable } from './database.js';

// int8 as a JS number, as the pg adapter does: our ids and counts stay far below 2^53.
const parsers = {
  [types.INT8]: (v: string) => Number(v),
  // Calendar dates stay 'YYYY-MM-DD' text: a Date would shift them by the local time zone.
  [types.DATE]: (v: string) => v,
};

const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
  async query<R>(sql: string, params: readonly unknown[] = []) {
    const res = await q.query<R>(sql, params as unknown[], { parsers });
    return res.rows;
  },
  async exec(sql: string) {
    await q.exec(sql);
  },
  async copyFrom(table: string, columns: readonly string[], data: string) {
    // PGlite has no client stream: COPY reads the rows from the blob handed with the query.
    await q.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'`, [], { blob: new Blob([data]) });
  },
});

/** Opens (creating if needed) the embedded PostgreSQL in `dataDir`; `memory://` keeps it in memory. */
export async function openPglite(dataDir: string): Promise<Db> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  return pgliteDb(await PGlite.create(dataDir, { relaxedDurability: false }));
}

/** A `Db` over a PGlite instance opened elsewhere (the benchmarks open theirs with extra settings). */
export function pgliteDb(pg: PGlite): Db {
  return {
    engine: 'pglite',
    ...wrap(pg),
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
  };
}
