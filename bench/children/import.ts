/**
 * One import in a process of its own:
 * `import.ts FILE (--data-dir DIR | --database-url URL) [--batch-size N] [--reader worker|here]`.
 * Opens the store (migrations included), imports FILE as UCDP GED exactly as `tocsin import ucdp`
 * does, closes, and prints one JSON line with the timings, the import report and its peak RSS.
 */
import { parseArgs } from 'node:util';
import { openDatabase } from '../../src/db/open-database.js';
import { importEventFile } from '../../src/ingest/import-events.js';
import { ucdpFormat } from '../../src/ingest/ucdp/ucdp-format.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'data-dir': { type: 'string' },
    'database-url': { type: 'string' },
    'batch-size': { type: 'string', default: '5000' },
    // Where the file is parsed and normalised; default: the importer's own choice (a worker for big files).
    reader: { type: 'string' },
  },
});
const file = positionals[0];
if (!file) throw new Error('usage: import.ts FILE (--data-dir DIR | --database-url URL) [--batch-size N]');

const t0 = performance.now();
const db = await openDatabase({ dataDir: values['data-dir'], databaseUrl: values['database-url'] });
const t1 = performance.now();
const { rejectionsByReason, ...report } = await importEventFile(db, {
  format: ucdpFormat,
  file,
  batchSize: Number(values['batch-size']),
  ...(values.reader === undefined ? {} : { readInWorker: values.reader === 'worker' }),
});
const t2 = performance.now();
await db.close();
const t3 = performance.now();

console.log(
  JSON.stringify({
    openSeconds: (t1 - t0) / 1000,
    importSeconds: (t2 - t1) / 1000,
    closeSeconds: (t3 - t2) / 1000,
    report,
    rejectionReasons: rejectionsByReason.slice(0, 5),
    maxRssKb: process.resourceUsage().maxRSS,
  }),
);
