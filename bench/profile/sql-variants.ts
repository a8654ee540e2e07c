/**
 * What the database side of an import costs, and which change would help most:
 * `sql-variants.ts FILE --engine pglite|postgres [--server URL] [--batch-size N]`.
 * The rows of FILE are prepared once as the importer prepares them (row JSON strings); then each
 * variant (sql-variant-list.ts) loads them into a fresh store, one transaction per batch, and only
 * the loading is timed. Prints one JSON line.
 */
import { parseArgs } from 'node:util';
import { toEventRowJson } from '../../src/events/event-row.js';
import { readRecords } from '../../src/ingest/read-records.js';
import { ucdpFormat, type GedLayout } from '../../src/ingest/ucdp/ucdp-format.js';
import { databaseUrl } from '../lib/pg-scratch.js';
import { loaderOf, VARIANTS, type Variant } from './sql-variant-list.js';
import { freshStore } from './variant-store.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    engine: { type: 'string', default: 'pglite' },
    server: { type: 'string' },
    'batch-size': { type: 'string', default: '5000' },
  },
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
      cur.push(toEventRowJson(o.event, ucdpFormat.version));
      if (cur.length === batchSize) {
        batches.push(cur);
        cur = [];
      }
    }
  }
  if (cur.length) batches.push(cur);
  return batches;
}

async function runVariant(v: Variant, batches: string[][]): Promise<{ seconds: number; rowsPerSecond: number }> {
  const store = await freshStore(engine, 'v', values.server, v.settings);
  try {
    if (v.setup) await store.db.exec(v.setup);
    const [b] = await store.db.query<{ id: number }>(
      `INSERT INTO import_batches (source, format, file_name, status) VALUES ('ucdp', 'bench', 'bench', 'running') RETURNING id`,
    );
    const data = v.transform ? batches.map((rows) => rows.map(v.transform!)) : batches;
    const url = engine === 'postgres' ? databaseUrl(values.server!, 'tocsin_bench_variant') : undefined;
    const step = loaderOf(v)(store, data, b!.id, url);
    const timed = async () => {
      const t0 = performance.now();
      await step();
      return (performance.now() - t0) / 1000;
    };
    let seconds = await timed();
    if (v.secondPass) seconds = await timed();
    const n = data.reduce((a, r) => a + r.length, 0);
    return { seconds: Math.round(seconds * 100) / 100, rowsPerSecond: Math.round(n / seconds) };
  } finally {
    await store.dispose();
  }
}

const batches = await prepareBatches();
const rows = batches.reduce((a, r) => a + r.length, 0);
const out: ({ variant: string } & ({ seconds: number; rowsPerSecond: number } | { error: string }))[] = [];
for (const v of VARIANTS) {
  if (v.engines && !v.engines.includes(engine)) continue;
  console.error(`[sql-variants ${engine}] ${v.name}`);
  // A variant that cannot run here (a setting refused, psql missing) is reported, not fatal.
  out.push({
    variant: v.name,
    ...(await runVariant(v, batches).catch((e: unknown) => ({ error: e instanceof Error ? e.message : String(e) }))),
  });
}
console.log(JSON.stringify({ engine, rows, batchSize, variants: out, maxRssKb: process.resourceUsage().maxRSS }));
