import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { runNodeChild } from '../lib/child.js';
import { sampleCpuOf } from '../lib/proc-cpu.js';
import { BENCH_DIR, childScript } from '../lib/paths.js';
import { rate } from '../lib/stats.js';

interface ImportChildOutput {
  openSeconds: number;
  importSeconds: number;
  closeSeconds: number;
  report: {
    rowsRead: number;
    inserted: number;
    updated: number;
    unchanged: number;
    rejected: number;
    skipped: number;
    surveillance: { seconds: number } | null;
  };
}

/** One import run as the results record it. */
export interface ImportRun {
  rows: number;
  importSeconds: number;
  /** End to end, as `tocsin import` runs: read, parse, validate, normalise, insert, then the surveillance step. */
  eventsPerSecond: number;
  /** Of importSeconds, the surveillance step (re-clustering, roll-ups, detection, signals). */
  surveillanceSeconds: number;
  /** Without the surveillance step: read, parse, validate, normalise, insert. */
  loadEventsPerSecond: number;
  /** Process start to exit: Node start, migrations, import, close. */
  wallSeconds: number;
  /** CPU seconds of the importing process (user + system): near wallSeconds means it was busy throughout. */
  cpuSeconds: number;
  /** PostgreSQL only, server on this machine: CPU seconds of all `postgres` processes during the import. */
  serverCpuSeconds?: number;
  peakRssMb: number;
  rssSource: string;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface ImportResult {
  engine: 'pglite' | 'postgres';
  file: string;
  batchSize: number;
  first: ImportRun;
  /** The same file again: every row unchanged (the idempotent path). */
  second: ImportRun;
  /** first.eventsPerSecond / raw papaparse rate, when the papaparse part ran. */
  ratioToRawParse?: number;
}

/** PGlite data directory of the 1M-row store (reused by the API part). */
export const pgliteDir = (rows: number): string => join(BENCH_DIR, `pglite-${rows}`);

async function importOnce(file: string, target: string[], batchSize: number): Promise<ImportRun> {
  const server = sampleCpuOf('postgres');
  const r = await runNodeChild<ImportChildOutput>(childScript('import'), [file, ...target, '--batch-size', String(batchSize)]);
  const serverCpuSeconds = server.stop();
  const { report, importSeconds } = r.output;
  return {
    rows: report.rowsRead,
    importSeconds: Math.round(importSeconds * 10) / 10,
    eventsPerSecond: rate(report.rowsRead, importSeconds),
    surveillanceSeconds: report.surveillance?.seconds ?? 0,
    loadEventsPerSecond: rate(report.rowsRead, importSeconds - (report.surveillance?.seconds ?? 0)),
    wallSeconds: Math.round(r.wallSeconds * 10) / 10,
    cpuSeconds: r.cpuSeconds,
    ...(target[0] === '--database-url' ? { serverCpuSeconds } : {}),
    peakRssMb: r.peakRssMb,
    rssSource: r.rssSource,
    inserted: report.inserted,
    updated: report.updated,
    unchanged: report.unchanged,
    rejected: report.rejected,
  };
}

/**
 * Imports `file` into a fresh store twice, each time in a child process: the first run inserts
 * every row, the second finds every row unchanged. `target` is `--data-dir DIR` or `--database-url URL`.
 */
export async function benchImport(
  engine: ImportResult['engine'],
  file: string,
  target: string[],
  batchSize: number,
  log: (s: string) => void,
  opts: { once?: boolean } = {},
): Promise<ImportResult> {
  log(`import ${engine}: first run (fresh store)`);
  const first = await importOnce(file, target, batchSize);
  log(
    `  ${first.eventsPerSecond.toLocaleString('en')} events/s end to end (${first.loadEventsPerSecond.toLocaleString('en')} without the ${first.surveillanceSeconds} s surveillance step), peak ${first.peakRssMb} MB`,
  );
  if (opts.once) return { engine, file, batchSize, first, second: first };
  log('  second run (all unchanged)');
  const second = await importOnce(file, target, batchSize);
  log(`  ${second.eventsPerSecond.toLocaleString('en')} events/s, peak ${second.peakRssMb} MB`);
  return { engine, file, batchSize, first, second };
}

/** A fresh PGlite data directory for `rows`. */
export function freshPgliteDir(rows: number): string {
  const dir = pgliteDir(rows);
  rmSync(dir, { recursive: true, force: true });
  return dir;
}
