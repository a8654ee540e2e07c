import { runNodeChild } from '../lib/child.js';
import { childScript } from '../lib/paths.js';
import { rate } from '../lib/stats.js';

export interface ParseResult {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  peakRssMb: number;
}

/** papaparse alone over the same file, in a child process: the ceiling for the import. */
export async function benchRawParse(file: string): Promise<ParseResult> {
  const r = await runNodeChild<{ rows: number; seconds: number }>(childScript('papaparse'), [file]);
  return {
    rows: r.output.rows,
    seconds: Math.round(r.output.seconds * 100) / 100,
    rowsPerSecond: rate(r.output.rows, r.output.seconds),
    peakRssMb: r.peakRssMb,
  };
}
