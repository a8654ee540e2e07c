/**
 * Where the JavaScript side of an import spends its time, no database involved:
 * `stages.ts FILE [--batch-size N]`. Each pass re-reads FILE doing one more stage of the chain
 * than the pass before (as src/ingest/import-events.ts does them), so the difference between
 * two passes is the cost of the stage added. Prints one JSON line.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { toEventRowJson } from '../../src/events/event-row.js';
import { readRecords } from '../../src/ingest/read-records.js';
import { ucdpFormat, type GedLayout } from '../../src/ingest/ucdp/ucdp-format.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'batch-size': { type: 'string', default: '5000' } },
});
const file = positionals[0]!;
const batchSize = Number(values['batch-size']);

type Stage = 'read' | 'parse' | 'normalise' | 'rowJson' | 'batch';

/** One pass over the file doing the stages up to `upTo`; returns seconds and rows. */
async function pass(upTo: Stage): Promise<{ seconds: number; rows: number }> {
  const t0 = performance.now();
  let rows = 0;
  if (upTo === 'read') {
    const h = createHash('sha256');
    for await (const c of createReadStream(file, { highWaterMark: 1 << 20 })) h.update(c as Buffer);
    h.digest();
    return { seconds: (performance.now() - t0) / 1000, rows: 0 };
  }
  let layout: GedLayout | undefined;
  let pending: string[] = [];
  let sink = 0;
  for await (const chunk of readRecords(file, ucdpFormat.csv)) {
    for (const record of chunk.records) {
      if (!layout) {
        layout = ucdpFormat.detectLayout(record) as GedLayout;
        continue;
      }
      rows++;
      if (upTo === 'parse') continue;
      const o = ucdpFormat.normalise(record, layout, {});
      if (upTo === 'normalise' || o.kind !== 'event') continue;
      const json = toEventRowJson(o.event, ucdpFormat.version);
      if (upTo === 'rowJson') continue;
      pending.push(json);
      if (pending.length >= batchSize) {
        sink += `[${pending.join(',')}]`.length;
        pending = [];
      }
    }
  }
  if (sink < 0) console.error(sink);
  return { seconds: (performance.now() - t0) / 1000, rows };
}

await pass('normalise'); // warm-up: JIT and file cache
const out: Record<string, { seconds: number; rowsPerSecond: number }> = {};
let rows = 0;
for (const s of ['read', 'parse', 'normalise', 'rowJson', 'batch'] as const) {
  const r = await pass(s);
  rows = Math.max(rows, r.rows);
  out[s] = { seconds: Math.round(r.seconds * 100) / 100, rowsPerSecond: Math.round(rows / r.seconds) };
}
console.log(JSON.stringify({ rows, passes: out, maxRssKb: process.resourceUsage().maxRSS }));
