/**
 * Does the importer's "write one batch while the next is normalised" overlap on PostgreSQL?
 * `overlap.ts FILE --database-url URL [--yield-every N]`: the import chain reduced to its core
 * (read -> normalise -> row JSON -> upsert, one batch in flight, as src/ingest/import-events.ts),
 * optionally handing the event loop a turn every N rows so the socket can send the batch in flight
 * while the next is normalised. Prints one JSON line: events/s, and the CPU of this process.
 */
import { parseArgs } from 'node:util';
import { openDatabase } from '../../src/db/open-database.js';
import { toEventRowJson } from '../../src/events/event-row.js';
import { upsertEventRows } from '../../src/events/events-writer.repository.js';
import { readRecords } from '../../src/ingest/read-records.js';
import { ucdpFormat, type GedLayout } from '../../src/ingest/ucdp/ucdp-format.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'database-url': { type: 'string' },
    'yield-every': { type: 'string', default: '0' },
    'batch-size': { type: 'string', default: '5000' },
  },
});
const yieldEvery = Number(values['yield-every']);
const batchSize = Number(values['batch-size']);
const db = await openDatabase({ databaseUrl: values['database-url'] });
const [b] = await db.query<{ id: number }>(
  `INSERT INTO import_batches (source, format, file_name, status) VALUES ('ucdp', 'bench', 'bench', 'running') RETURNING id`,
);
const cpu0 = process.cpuUsage();
const t0 = performance.now();
let writing: Promise<unknown> = Promise.resolve();
let pending: string[] = [];
let rows = 0;
let layout: GedLayout | undefined;
const flush = async () => {
  await writing;
  const batch = pending;
  pending = [];
  writing = db.transaction((tx) => upsertEventRows(tx, b!.id, batch));
};
for await (const chunk of readRecords(positionals[0]!, ucdpFormat.csv)) {
  for (const record of chunk.records) {
    if (!layout) {
      layout = ucdpFormat.detectLayout(record) as GedLayout;
      continue;
    }
    const o = ucdpFormat.normalise(record, layout, {});
    if (o.kind !== 'event') continue;
    pending.push(toEventRowJson(o.event, ucdpFormat.version));
    if (++rows % batchSize === 0) await flush();
    if (yieldEvery > 0 && rows % yieldEvery === 0) await new Promise((r) => setImmediate(r));
  }
}
await flush();
await writing;
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
await db.close();
console.log(
  JSON.stringify({
    rows,
    yieldEvery,
    seconds,
    eventsPerSecond: Math.round(rows / seconds),
    clientCpuSeconds: (cpu.user + cpu.system) / 1e6,
  }),
);
