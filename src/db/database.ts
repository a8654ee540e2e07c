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
  /**
   * Loads rows into `table` with COPY ... FROM STDIN in the text format: `data` is the rows, each
   * ending in a newline, tab-separated, `\N` for null (see src/events/event-copy.ts). The bulk path
   * for rows known to be new; a row that breaks a constraint fails the whole COPY.
   */
  copyFrom(table: string, columns: readonly string[], data: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly engine: Engine;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
