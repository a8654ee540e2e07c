/**
 * The one seam between Tocsin and its SQL engine. Both engines speak the same PostgreSQL:
 * PGlite (embedded, WASM, default) and a PostgreSQL server (when DATABASE_URL is set).
 * Repositories take a `Db` and never know which engine is behind it.
 */
export type Engine = 'pglite' | 'postgres';

export interface Queryable {
  /** Runs one statement with `$1`-style parameters and returns its rows. int8 comes back as number. */
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** Runs several `;`-separated statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly engine: Engine;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
