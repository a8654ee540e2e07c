import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is `bench/lib/paths.ts`). */
export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** Scratch space of the benchmarks (git-ignored): generated files, data directories, results. */
export const BENCH_DIR = join(ROOT, '.bench');

/** The real GED rows the synthetic file repeats. */
export const GED_SAMPLE = resolve(ROOT, '../shared/data/events/ucdp/ged231_sample1000.csv');

export const RESULTS_FILE = join(BENCH_DIR, 'results.json');

/** A bench child script by name (`bench/children/<name>.ts`). */
export const childScript = (name: string): string => join(ROOT, 'bench', 'children', `${name}.ts`);

/** The CLI entry point, run from source through tsx (no build needed). */
export const CLI_MAIN = join(ROOT, 'src', 'cli', 'main.ts');
