import { readFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { TocsinError } from '../core/errors.js';
import { formatDetectionCsv } from '../surveillance/methods/detection-csv.js';
import { detect, needsCounts, type DetectOptions } from '../surveillance/methods/detect.js';
import {
  DETECTION_METHODS,
  THRESHOLD_METHODS,
  type DetectionMethod,
  type WeekRange,
} from '../surveillance/methods/detect-options.js';
import { readSeriesColumn } from '../surveillance/methods/series-csv.js';

/** The method options of the command, as commander hands them over (strings; `periods` is `--no-periods`). */
interface DetectFlags {
  method: DetectionMethod;
  input: string;
  column: string;
  alpha?: string;
  range?: string;
  k?: string;
  h?: string;
  frequency?: string;
  b?: string;
  w?: string;
  /** `--no-periods <n>`: commander reads a `--no-` flag as the negation of `periods`, true when absent. */
  periods: string | boolean;
  pastWeeksNotIncluded?: string;
  pThresholdTrend?: string;
  weightsThreshold?: string;
  thresholdMethod?: (typeof THRESHOLD_METHODS)[number];
  reweight: boolean;
}

const FARRINGTON_ONLY = ['frequency', 'b', 'w', 'pastWeeksNotIncluded', 'pThresholdTrend', 'weightsThreshold', 'thresholdMethod'];
const FLAG_OF: Readonly<Record<string, string>> = {
  alpha: '--alpha',
  k: '--k',
  h: '--h',
  frequency: '--frequency',
  b: '--b',
  w: '--w',
  pastWeeksNotIncluded: '--past-weeks-not-included',
  pThresholdTrend: '--p-threshold-trend',
  weightsThreshold: '--weights-threshold',
  thresholdMethod: '--threshold-method',
};

const invalid = (message: string): TocsinError => new TocsinError('invalid_input', message);

function numberFlag(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = value.trim() === '' ? Number.NaN : Number(value);
  if (!Number.isFinite(n)) throw invalid(`${flag} must be a number (got "${value}")`);
  return n;
}

/** `FROM:TO` (1-based, inclusive); `FROM:` runs to the last week, `:TO` starts at the method's first week. */
function parseRange(text: string | undefined): WeekRange | undefined {
  if (text === undefined) return undefined;
  const match = /^\s*(\d*)\s*:\s*(\d*)\s*$/.exec(text);
  if (!match || (match[1] === '' && match[2] === ''))
    throw invalid(`--range must be FROM:TO with week numbers from 1 (got "${text}")`);
  return { from: match[1] ? Number(match[1]) : undefined, to: match[2] ? Number(match[2]) : undefined };
}

/** Refuses flags that the chosen method does not take, rather than ignoring them. */
function refuseForeignFlags(flags: DetectFlags): void {
  const given = (name: string) => (flags as unknown as Record<string, unknown>)[name] !== undefined;
  const foreign: string[] = [];
  if (flags.method !== 'farrington') {
    foreign.push(...FARRINGTON_ONLY.filter(given).map((n) => FLAG_OF[n]!));
    if (typeof flags.periods === 'string') foreign.push('--no-periods');
    if (!flags.reweight) foreign.push('--no-reweight');
  }
  if (flags.method !== 'cusum') foreign.push(...['k', 'h'].filter(given).map((n) => FLAG_OF[n]!));
  if (flags.method === 'cusum' && given('alpha')) foreign.push('--alpha');
  if (foreign.length > 0)
    throw invalid(`${foreign.join(', ')} ${foreign.length > 1 ? 'do' : 'does'} not apply to --method ${flags.method}`);
}

/** The `detect()` options from the flags; R's defaults for everything not given. */
export function detectOptionsFromFlags(flags: DetectFlags): DetectOptions {
  refuseForeignFlags(flags);
  const range = parseRange(flags.range);
  const alpha = numberFlag('--alpha', flags.alpha);
  switch (flags.method) {
    case 'ears-c1':
    case 'ears-c2':
    case 'ears-c3':
      return { method: flags.method, range, alpha };
    case 'cusum':
      return { method: 'cusum', range, k: numberFlag('--k', flags.k), h: numberFlag('--h', flags.h) };
    case 'farrington':
      return {
        method: 'farrington',
        range,
        alpha,
        frequency: numberFlag('--frequency', flags.frequency),
        b: numberFlag('--b', flags.b),
        w: numberFlag('--w', flags.w),
        noPeriods: numberFlag('--no-periods', typeof flags.periods === 'string' ? flags.periods : undefined),
        pastWeeksNotIncluded: numberFlag('--past-weeks-not-included', flags.pastWeeksNotIncluded),
        pThresholdTrend: numberFlag('--p-threshold-trend', flags.pThresholdTrend),
        weightsThreshold: numberFlag('--weights-threshold', flags.weightsThreshold),
        thresholdMethod: flags.thresholdMethod,
        reweight: flags.reweight,
      };
  }
}

async function readInput(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : e instanceof Error ? e.message : String(e);
    throw new TocsinError('invalid_input', `--input ${file}: cannot read the file (${reason})`, { file });
  }
}

/** `tocsin detect`: one aberration-detection method over one column of a CSV file, bounds and alarms as CSV on stdout. */
export const detectCommand = new Command('detect')
  .description(
    'run an aberration-detection method (R package surveillance semantics) over a weekly series; ' +
      'prints index,observed,upperbound,alarm as CSV (NA where the method gives none). No database needed.',
  )
  .addOption(new Option('--method <method>', 'detection method').choices(DETECTION_METHODS).makeOptionMandatory())
  .requiredOption('--input <file>', 'CSV file with a header line and one line per week, oldest first')
  .requiredOption('--column <name>', 'column holding the weekly counts')
  .option('--alpha <a>', 'one-sided level: 0.001 (EARS C1, C2), 0.025 (C3), 0.05 (Farrington)')
  .option('--range <from:to>', 'weeks to monitor, 1-based inclusive (default: the first week with a full baseline to the last)')
  .option('--k <k>', 'CUSUM reference value (default 1.04)')
  .option('--h <h>', 'CUSUM decision boundary (default 2.26)')
  .option('--frequency <n>', 'Farrington: weeks per year (default 52)')
  .option('--b <years>', 'Farrington: years back (default 5)')
  .option('--w <weeks>', 'Farrington: half-width of the window around the same week of past years (default 3)')
  .option('--no-periods <n>', 'Farrington: seasonal periods per year, 10 in Noufaily et al. 2013 (default 1)')
  .option('--past-weeks-not-included <n>', 'Farrington: recent weeks left out of the baseline (default: w)')
  .option('--p-threshold-trend <p>', 'Farrington: keep the trend only below this p-value (default 0.05)')
  .option('--weights-threshold <s>', 'Farrington: Anscombe residual above which a week is down-weighted (default 2.58)')
  .addOption(new Option('--threshold-method <m>', 'Farrington: upper bound (default delta)').choices(THRESHOLD_METHODS))
  .option('--no-reweight', 'Farrington: do not down-weight past outbreaks')
  // A usage error (missing or unknown option) reaches runCli as a CommanderError: exit code 2, not process.exit(1).
  .exitOverride()
  .action(async (flags: DetectFlags) => {
    const text = await readInput(flags.input);
    const series = readSeriesColumn(text, flags.column, flags.input, needsCounts(flags.method));
    const rows = detect(series, detectOptionsFromFlags(flags));
    process.stdout.write(formatDetectionCsv(rows));
  });
