import pg from 'pg';
import type { Db, Queryable } from './database.js';

const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    // int8 (20) as number, like PGlite; dates (1082) stay 'YYYY-MM-DD' text, not a local-time Date.
    if (oid === 20) return (v: string) => Number(v);
    if (oid === 1082) return (v: string) => v;
    return pg.types.getTypeParser(oid, format) as (v: string) => unknown;
  },
};

const wrap = (c: pg.Pool | pg.PoolClient): Queryable => ({
  async query<R>(sql: string, params: readonly unknown[] = []) {
    const res = await c.query({ text: sql, values: params as unknown[], types: typeParsers });
    return res.rows as R[];
  },
  async exec(sql: string) {
    await c.query(sql);
  },
});

/** Connects to a PostgreSQL server (`postgres://user:pass@host:port/db`). */
export async function openPostgres(url: string, poolSize = 10): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // Fail now, with the server's own message, rather than on the first query.
  const probe = await pool.connect();
  probe.release();
  return {
    engine: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn(wrap(client));
        await client.query('COMMIT');
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
