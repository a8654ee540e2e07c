import { setTimeout as delay } from 'node:timers/promises';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import type { Db, Queryable } from './database.js';

const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    // int8 (20) as number, like PGlite; dates (1082) stay 'YYYY-MM-DD' text, not a local-time Date.
    if (oid === 20) return (v: string) => Number(v);
    if (oid === 1082) return (v: string) => v;
    return pg.types.getTypeParser(oid, format) as (v: string) => unknown;
  },
};

/** COPY ... FROM STDIN on one connection, the rows streamed from `data`. */
const copyOn = async (client: pg.PoolClient, table: string, columns: readonly string[], data: string) => {
  const sink = client.query(copyFromStdin(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from([data]), sink);
};

const wrap = (c: pg.Pool | pg.PoolClient): Queryable => ({
  async query<R>(sql: string, params: readonly unknown[] = []) {
    const res = await c.query({ text: sql, values: params as unknown[], types: typeParsers });
    return res.rows as R[];
  },
  async exec(sql: string) {
    await c.query(sql);
  },
  async copyFrom(table, columns, data) {
    if (!(c instanceof pg.Pool)) return copyOn(c, table, columns, data);
    const client = await c.connect();
    try {
      await copyOn(client, table, columns, data);
    } finally {
      client.release();
    }
  },
});

/**
 * Connects to a PostgreSQL server (`postgres://user:pass@host:port/db`).
 * `onIdleError` hears of idle connections the server ended (a restart, `pg_terminate_backend`,
 * `DROP DATABASE ... WITH (FORCE)`): the pool drops them and opens new ones on demand. Without a
 * listener, node-postgres would throw such an error out of the process, taking the server down.
 */
export async function openPostgres(
  url: string,
  poolSize = 10,
  onIdleError: (e: Error) => void = (e) => console.warn(`[tocsin] PostgreSQL closed an idle connection: ${e.message}`),
): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', onIdleError);
  // pool.end() resolves once its clients are told to end, not once their sockets have closed:
  // count them, so `close` returns only when the server has let every connection go.
  let connections = 0;
  let allClosed: (() => void) | undefined;
  pool.on('connect', () => connections++);
  pool.on('remove', () => {
    if (--connections === 0) allClosed?.();
  });
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
    async close() {
      const closed = new Promise<void>((resolve) => (allClosed = resolve));
      await pool.end();
      if (connections > 0) await Promise.race([closed, delay(5_000, undefined, { ref: false })]);
    },
  };
}
