/**
 * What the database side of an import costs, and which change would help most:
 * `sql-variants.ts FILE --engine pglite|postgres [--server URL] [--batch-size N]`.
 * The rows of FILE are prepared once as the importer prepares them (row JSON strings); then each
 * variant loads them into a fresh store, one transaction per batch, and only the SQL is timed.
 * Prints one JSON line.
 */
import { parseArgs } from 'node:util';
import type { Queryable } from '../../src/db/database.js';
import { EVENT_ROW_COLUMNS, toEventRowJson } from '../../src/events/event-row.js';
import { upsertEventRows } from '../../src/events/events-writer.repository.js';
import { readRecords } from '../../src/ingest/read-records.js';
import { ucdpFormat, type GedLayout } from '../../src/ingest/ucdp/ucdp-format.js';
import { COPY_COLUMNS, rowJsonToCsv } from './copy-csv.js';
import { freshStore, type VariantStore } from './variant-store.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { engine: { type: 'string', default: 'pglite' }, server: { type: 'string' }, 'batch-size': { type: 'string', default: '5000' } },
});
const file = positionals[0]!;
const engine = values.engine as 'pglite' | 'postgres';
const batchSize = Number(values['batch-size']);

/** The rows of FILE as the importer builds them, in batches. */
async function prepareBatches(): Promise<string[][]> {
  const batches: string[][] = [];
  let layout: GedLayout | undefined;
  let cur: string[] = [];
  for await (const chunk of readRecords(file, ucdpFormat.csv)) {
    for (const record of chunk.records) {
      if (!layout) {
        layout = ucdpFormat.detectLayout(record) as GedLayout;
        continue;
      }
      const o = ucdpFormat.normalise(record, layout, {});
      if (o.kind !== 'event') continue;
      cur.push(toEventRowJson(o.event));
      if (cur.length === batchSize) {
        batches.push(cur);
        cur = [];
      }
    }
  }
  if (cur.length) batches.push(cur);
  return batches;
}

const columns = EVENT_ROW_COLUMNS.map(([c]) => c).join(', ');
const recordDef = EVENT_ROW_COLUMNS.map(([c, t]) => `${c} ${t}`).join(', ');
const recordDefNoRaw = EVENT_ROW_COLUMNS.filter(([c]) => c !== 'raw').map(([c, t]) => `${c} ${t}`).join(', ');
const insertInto = (table: string, cols = columns, def = recordDef) =>
  `INSERT INTO ${table} (${cols}, first_batch_id, import_batch_id) SELECT ${cols}, $2::integer, $2::integer FROM json_to_recordset($1::json) AS r(${def})`;
const BARE = `CREATE TABLE events_bare (LIKE events INCLUDING DEFAULTS INCLUDING IDENTITY)`;

interface Variant {
  name: string;
  /** Schema changes before loading. */
  setup?: string;
  /** Loads one batch (the joined JSON array) inside its transaction. */
  load: (tx: Queryable, json: string, rows: string[], batchId: number) => Promise<unknown>;
  /** Uses rows without the raw column. */
  withoutRaw?: boolean;
  /** Load the same rows twice and time the second pass (the re-import path). */
  secondPass?: boolean;
  pgliteOnly?: boolean;
}

const VARIANTS: Variant[] = [
  { name: 'upsert as shipped (json_to_recordset, ON CONFLICT, RETURNING)', load: (tx, _j, rows, b) => upsertEventRows(tx, b, rows) },
  { name: 'same upsert, second pass (every row unchanged)', secondPass: true, load: (tx, _j, rows, b) => upsertEventRows(tx, b, rows) },
  { name: 'plain INSERT into events (no ON CONFLICT, no RETURNING)', load: (tx, j, _r, b) => tx.query(insertInto('events'), [j, b]) },
  {
    name: 'plain INSERT, events without its 2 listing indexes (unique key kept)',
    setup: 'DROP INDEX events_date; DROP INDEX events_country_date',
    load: (tx, j, _r, b) => tx.query(insertInto('events'), [j, b]),
  },
  { name: 'plain INSERT into a table without indexes or constraints', setup: BARE, load: (tx, j, _r, b) => tx.query(insertInto('events_bare'), [j, b]) },
  { name: 'same, UNLOGGED table (no WAL)', setup: BARE.replace('CREATE TABLE', 'CREATE UNLOGGED TABLE'), load: (tx, j, _r, b) => tx.query(insertInto('events_bare'), [j, b]) },
  { name: 'same, raw stored as json (text) not jsonb', setup: `${BARE}; ALTER TABLE events_bare ALTER COLUMN raw TYPE json`, load: (tx, j, _r, b) => tx.query(insertInto('events_bare'), [j, b]) },
  {
    name: 'same, rows without raw (not sent, not stored)',
    withoutRaw: true,
    setup: `${BARE}; ALTER TABLE events_bare DROP COLUMN raw`,
    load: (tx, j, _r, b) => tx.query(insertInto('events_bare', columns.replace(', raw', ''), recordDefNoRaw), [j, b]),
  },
  { name: 'json_to_recordset only (SELECT count(*), nothing stored)', load: (tx, j) => tx.query(`SELECT count(*) FROM json_to_recordset($1::json) AS r(${recordDef})`, [j]) },
  { name: 'parameter only (SELECT length($1))', load: (tx, j) => tx.query('SELECT length($1::text)', [j]) },
  { name: 'COPY FROM /dev/blob (CSV) into events, all indexes', pgliteOnly: true, load: async () => undefined },
];

async function runVariant(v: Variant, batches: string[][]): Promise<{ seconds: number; rowsPerSecond: number }> {
  const store: VariantStore = await freshStore(engine, 'v', values.server);
  try {
    if (v.setup) await store.db.exec(v.setup);
    const [b] = await store.db.query<{ id: number }>(`INSERT INTO import_batches (source, format, file_name, status) VALUES ('ucdp', 'bench', 'bench', 'running') RETURNING id`);
    const batchId = b!.id;
    const data = v.withoutRaw
      ? batches.map((rows) => rows.map((r) => { const o = JSON.parse(r) as Record<string, unknown>; delete o.raw; return JSON.stringify(o); }))
      : batches;
    // COPY's CSV is built before the clock starts, as the JSON is.
    const csv = v.pgliteOnly ? data.map((rows) => new Blob([rows.map((r) => rowJsonToCsv(r, batchId)).join('')])) : [];
    const loadAll = async () => {
      const t0 = performance.now();
      for (const [i, rows] of data.entries()) {
        if (v.pgliteOnly) {
          const blob = csv[i]!;
          await store.pglite!.transaction((tx) => tx.query(`COPY events (${COPY_COLUMNS}) FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob }));
        } else {
          const json = `[${rows.join(',')}]`;
          await store.db.transaction((tx) => v.load(tx, json, rows, batchId));
        }
      }
      return (performance.now() - t0) / 1000;
    };
    let seconds = await loadAll();
    if (v.secondPass) seconds = await loadAll();
    const n = data.reduce((a, r) => a + r.length, 0);
    return { seconds: Math.round(seconds * 100) / 100, rowsPerSecond: Math.round(n / seconds) };
  } finally {
    await store.dispose();
  }
}

const batches = await prepareBatches();
const rows = batches.reduce((a, r) => a + r.length, 0);
const out: { variant: string; seconds: number; rowsPerSecond: number }[] = [];
for (const v of VARIANTS) {
  if (v.pgliteOnly && engine !== 'pglite') continue;
  console.error(`[sql-variants ${engine}] ${v.name}`);
  out.push({ variant: v.name, ...(await runVariant(v, batches)) });
}
console.log(JSON.stringify({ engine, rows, batchSize, variants: out, maxRssKb: process.resourceUsage().maxRSS }));
