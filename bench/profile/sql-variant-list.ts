import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../src/db/database.js';
import { EVENT_ROW_COLUMNS } from '../../src/events/event-row.js';
import { upsertEventRows } from '../../src/events/events-writer.repository.js';
import { BENCH_DIR } from '../lib/paths.js';
import { COPY_COLUMNS, rowJsonToCsv } from './copy-csv.js';
import type { VariantStore } from './variant-store.js';

type Engine = 'pglite' | 'postgres';

/** One way of loading the same prepared rows; only the loading is timed. */
export interface Variant {
  name: string;
  engines?: readonly Engine[];
  /** PGlite `-c` start settings. */
  settings?: readonly string[];
  /** Schema changes before loading. */
  setup?: string;
  /** Rewrites each row JSON before the clock starts. */
  transform?: (row: string) => string;
  /** Loads the rows twice and times the second pass (the re-import path). */
  secondPass?: boolean;
  /**
   * Prepares what is not timed (COPY's CSV) and returns the timed step that loads every batch;
   * default: one transaction per batch running `sql` on the batch as one JSON array text.
   */
  load?: (store: VariantStore, batches: readonly string[][], batchId: number, url?: string) => () => Promise<void>;
  sql?: (tx: Db | Parameters<Parameters<Db['transaction']>[0]>[0], json: string, batchId: number) => Promise<unknown>;
}

const cols = (withRaw = true) => EVENT_ROW_COLUMNS.filter(([c]) => withRaw || c !== 'raw');
const insertInto = (table: string, withRaw = true) =>
  `INSERT INTO ${table} (${cols(withRaw)
    .map(([c]) => c)
    .join(', ')}, first_batch_id, import_batch_id)
   SELECT ${cols(withRaw)
     .map(([c]) => c)
     .join(', ')}, $2::integer, $2::integer
   FROM json_to_recordset($1::json) AS r(${cols(withRaw)
     .map(([c, t]) => `${c} ${t}`)
     .join(', ')})`;
const BARE = 'CREATE TABLE events_bare (LIKE events INCLUDING DEFAULTS INCLUDING IDENTITY)';
const withoutRaw = (row: string) => {
  const o = JSON.parse(row) as Record<string, unknown>;
  delete o.raw;
  return JSON.stringify(o);
};
const emptyRaw = (row: string) => {
  const o = JSON.parse(row) as Record<string, unknown>;
  o.raw = [];
  return JSON.stringify(o);
};

// The shipped upsert itself: handed the batch already joined as one element, it sends `[json]`
// unchanged (its join of one string is free), so the SQL timed is exactly src/events' UPSERT_SQL.
const shipped: NonNullable<Variant['sql']> = (tx, json, batchId) => upsertEventRows(tx, batchId, [json.slice(1, -1)]);

const oneTransactionPerBatch = (v: Variant) => (store: VariantStore, batches: readonly string[][], batchId: number) => {
  const json = batches.map((rows) => `[${rows.join(',')}]`);
  return async () => {
    for (const j of json) await store.db.transaction((tx) => v.sql!(tx, j, batchId));
  };
};

/** Two batches in flight on two connections (PostgreSQL). */
const twoAtOnce = (store: VariantStore, batches: readonly string[][], batchId: number) => {
  const json = batches.map((rows) => `[${rows.join(',')}]`);
  return async () => {
    let next = 0;
    const worker = async () => {
      while (next < json.length) {
        const j = json[next++]!;
        await store.db.transaction((tx) => shipped(tx, j, batchId));
      }
    };
    await Promise.all([worker(), worker()]);
  };
};

/** COPY through PGlite's /dev/blob, one CSV blob per batch. */
const copyPglite = (store: VariantStore, batches: readonly string[][], batchId: number) => {
  const blobs = batches.map((rows) => new Blob([rows.map((r) => rowJsonToCsv(r, batchId)).join('')]));
  return async () => {
    for (const blob of blobs) {
      await store.pglite!.transaction((tx) =>
        tx.query(`COPY events (${COPY_COLUMNS}) FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob }),
      );
    }
  };
};

/** COPY through psql's \copy from a CSV file written beforehand (one transaction: the server's ceiling for COPY). */
const copyPsql = (_store: VariantStore, batches: readonly string[][], batchId: number, url?: string) => {
  mkdirSync(join(BENCH_DIR, 'variants'), { recursive: true });
  const file = join(BENCH_DIR, 'variants', 'copy.csv');
  writeFileSync(file, batches.map((rows) => rows.map((r) => rowJsonToCsv(r, batchId)).join('')).join(''));
  return () =>
    new Promise<void>((resolve, reject) => {
      const p = spawn(
        'psql',
        [url!, '-v', 'ON_ERROR_STOP=1', '-c', `\\copy events (${COPY_COLUMNS}) FROM '${file}' WITH (FORMAT csv)`],
        { stdio: ['ignore', 'ignore', 'inherit'] },
      );
      p.once('error', reject);
      p.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`psql exited with ${code}`))));
    });
};

export const VARIANTS: readonly Variant[] = [
  { name: 'upsert as shipped (json_to_recordset, ON CONFLICT, RETURNING)', sql: shipped },
  { name: 'same upsert, second pass (every row unchanged)', secondPass: true, sql: shipped },
  { name: 'plain INSERT into events (no ON CONFLICT, no RETURNING)', sql: (tx, j, b) => tx.query(insertInto('events'), [j, b]) },
  {
    name: 'plain INSERT, events without its 2 listing indexes (unique key kept)',
    setup: 'DROP INDEX events_date; DROP INDEX events_country_date',
    sql: (tx, j, b) => tx.query(insertInto('events'), [j, b]),
  },
  {
    name: 'plain INSERT into a table without indexes or constraints',
    setup: BARE,
    sql: (tx, j, b) => tx.query(insertInto('events_bare'), [j, b]),
  },
  {
    name: 'same, UNLOGGED table (no WAL)',
    setup: BARE.replace('CREATE TABLE', 'CREATE UNLOGGED TABLE'),
    sql: (tx, j, b) => tx.query(insertInto('events_bare'), [j, b]),
  },
  {
    name: 'same, raw stored as json (text) not jsonb',
    setup: `${BARE}; ALTER TABLE events_bare ALTER COLUMN raw TYPE json`,
    sql: (tx, j, b) => tx.query(insertInto('events_bare'), [j, b]),
  },
  {
    name: 'same, rows without raw (not sent, not stored)',
    transform: withoutRaw,
    setup: `${BARE}; ALTER TABLE events_bare DROP COLUMN raw`,
    sql: (tx, j, b) => tx.query(insertInto('events_bare', false), [j, b]),
  },
  { name: 'upsert as shipped, raw sent and stored empty ([])', transform: emptyRaw, sql: shipped },
  {
    name: 'json_to_recordset only (SELECT count(*), nothing stored)',
    sql: (tx, j) =>
      tx.query(
        `SELECT count(*) FROM json_to_recordset($1::json) AS r(${cols()
          .map(([c, t]) => `${c} ${t}`)
          .join(', ')})`,
        [j],
      ),
  },
  { name: 'parameter only (SELECT length($1))', sql: (tx, j) => tx.query('SELECT length($1::text)', [j]) },
  {
    name: 'upsert as shipped, PGlite with full_page_writes=off',
    engines: ['pglite'],
    settings: ['full_page_writes=off'],
    sql: shipped,
  },
  {
    name: 'upsert as shipped, PGlite with wal_level=minimal',
    engines: ['pglite'],
    settings: ['wal_level=minimal', 'max_wal_senders=0'],
    sql: shipped,
  },
  { name: 'upsert as shipped, 2 batches at once on 2 connections', engines: ['postgres'], load: twoAtOnce },
  { name: 'COPY FROM /dev/blob (CSV) into events, all indexes', engines: ['pglite'], load: copyPglite },
  { name: 'COPY via psql \\copy (CSV file) into events, all indexes', engines: ['postgres'], load: copyPsql },
];

/** The load function of a variant. */
export const loaderOf = (v: Variant) => v.load ?? oneTransactionPerBatch(v);
