import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/core/paths.js';
import { detect, type DetectOptions } from '../../src/surveillance/methods/detect.js';
import { readSeriesColumn } from '../../src/surveillance/methods/series-csv.js';
import { median } from '../lib/stats.js';

/** REFERENCE.md: the five R runs (surveillance 1.20.3) behind one CAR-sized weekly series take about 28 s. */
const R_REFERENCE_MS = 28_000;
const SERIES_FILE = join(PACKAGE_ROOT, 'src', 'surveillance', 'methods', 'fixtures', 'caf_ucdp_weekly.csv');

/** The runs timed, in the order of the R timing script (see docs/surveillance.md). */
const RUNS: readonly { name: string; options: DetectOptions }[] = [
  { name: 'ears-c1', options: { method: 'ears-c1' } },
  { name: 'ears-c2', options: { method: 'ears-c2' } },
  { name: 'ears-c3', options: { method: 'ears-c3' } },
  { name: 'cusum', options: { method: 'cusum' } },
  { name: 'farrington', options: { method: 'farrington' } },
  {
    name: 'farrington-noufaily',
    options: { method: 'farrington', noPeriods: 10, pastWeeksNotIncluded: 26, pThresholdTrend: 1, weightsThreshold: 2.58 },
  },
];

export interface DetectMethodTiming {
  name: string;
  /** Median wall time of one run over the whole series, ms. */
  medianMs: number;
  repetitions: number;
  /** Weeks monitored (rows returned). */
  weeks: number;
}

export interface DetectMethodsResult {
  series: string;
  weeks: number;
  methods: DetectMethodTiming[];
  /** Sum of the medians, ms. */
  totalMs: number;
  rReferenceMs: number;
  /** How many times faster than R's 28 s. */
  speedupOverR: number;
}

/** Repeats one run (after warm-up) until about `budgetMs` of samples, at least 7, and returns their times. */
function sample(series: readonly number[], options: DetectOptions, budgetMs: number): { times: number[]; weeks: number } {
  let weeks = 0;
  for (let i = 0; i < 3; i++) weeks = detect(series, options).length; // warm-up: let the JIT optimise
  const times: number[] = [];
  const started = performance.now();
  while (times.length < 7 || (performance.now() - started < budgetMs && times.length < 1000)) {
    const t0 = performance.now();
    detect(series, options);
    times.push(performance.now() - t0);
  }
  return { times, weeks };
}

/**
 * Times each aberration-detection method over one 1,669-week series: the weekly counts of UCDP GED
 * 23.1 events in the Central African Republic, 7-day weeks from 1991-01-01 (a committed fixture, so
 * the part needs no download). Same process, one method after another; medians in ms.
 */
export async function benchDetectMethods(budgetMsPerMethod = 1500): Promise<DetectMethodsResult> {
  const series = readSeriesColumn(readFileSync(SERIES_FILE, 'utf8'), 'events', SERIES_FILE, true);
  const methods: DetectMethodTiming[] = [];
  for (const run of RUNS) {
    const { times, weeks } = sample(series, run.options, budgetMsPerMethod);
    methods.push({ name: run.name, medianMs: Math.round(median(times) * 1000) / 1000, repetitions: times.length, weeks });
    await new Promise((resolve) => setImmediate(resolve)); // let the caller's logging through between methods
  }
  const totalMs = Math.round(methods.reduce((sum, m) => sum + m.medianMs, 0) * 1000) / 1000;
  return {
    series: 'UCDP GED 23.1, Central African Republic: weekly event counts from 1991-01-01 (caf_ucdp_weekly.csv, column events)',
    weeks: series.length,
    methods,
    totalMs,
    rReferenceMs: R_REFERENCE_MS,
    speedupOverR: Math.round(R_REFERENCE_MS / totalMs),
  };
}
