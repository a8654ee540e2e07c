import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Machine } from './machine.js';
import { BENCH_DIR, RESULTS_FILE } from './paths.js';

export interface PartRecord {
  measuredAt: string;
  /** The command that reproduces this part alone. */
  command: string;
  machine: Machine;
  result: unknown;
}

export type Results = Record<string, PartRecord>;

/** Results of earlier runs, so a run of one part keeps the others' figures. */
export const readResults = (): Results =>
  existsSync(RESULTS_FILE) ? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Results) : {};

/** Records one part's result at once (a later failure loses nothing). */
export function saveResult(part: string, record: PartRecord): void {
  mkdirSync(BENCH_DIR, { recursive: true });
  const all = readResults();
  all[part] = record;
  writeFileSync(RESULTS_FILE, `${JSON.stringify(all, null, 2)}\n`);
}
