/**
 * The raw parsing ceiling: papaparse reading FILE as arrays of strings through its own Node
 * stream support, nothing else (no line tracking, no hashing, no normalising, no database).
 * Prints one JSON line: rows, seconds, peak RSS.
 */
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';

const file = process.argv[2];
if (!file) throw new Error('usage: papaparse.ts FILE');

const started = performance.now();
let rows = 0;
await new Promise<void>((resolve, reject) => {
  Papa.parse<string[]>(createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }) as unknown as File, {
    chunk: (r) => {
      rows += r.data.length;
    },
    complete: () => resolve(),
    error: (e) => reject(e),
  });
});
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ rows: rows - 1, seconds, maxRssKb: process.resourceUsage().maxRSS }));
