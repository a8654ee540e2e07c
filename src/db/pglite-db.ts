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
});

/** Opens (creating if needed) the embedded PostgreSQL in `dataDir`; `memory://` keeps it in memory. */
export async function openPglite(dataDir: string): Promise<Db> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir, { relaxedDurability: false });
  const base = wrap(pg);
  return {
    engine: 'pglite',
    ...base,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
  };
}
