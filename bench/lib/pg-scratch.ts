import pg from 'pg';

/** The PostgreSQL server of the PostgreSQL parts: BENCH_DATABASE_URL, else TEST_DATABASE_URL. */
export const serverUrl = (): string | undefined => process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;

/** The scratch database the PostgreSQL parts share within one run. */
export const SCRATCH_DB = 'tocsin_bench_1m';

/** The URL of database `name` on the server of `url`. */
export function databaseUrl(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function onServer<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Drops (if present) and creates `name`; returns its URL. */
export async function recreateDatabase(url: string, name: string): Promise<string> {
  await onServer(url, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name}`);
  });
  return databaseUrl(url, name);
}

export const dropDatabase = (url: string, name: string): Promise<void> =>
  onServer(url, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

export const databaseExists = (url: string, name: string): Promise<boolean> =>
  onServer(url, async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);

/** The server's version string (`PostgreSQL 15.18 ...` -> `15.18`). */
export const serverVersion = (url: string): Promise<string> =>
  onServer(
    url,
    async (c) => (await c.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0]?.v ?? 'unknown',
  );
