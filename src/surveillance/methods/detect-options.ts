import { TocsinError } from '../../core/errors.js';
import type { CusumParameters } from './cusum.js';
import type { EarsParameters } from './ears.js';
import type { FarringtonParameters } from './farrington/farrington-flexible.js';
import type { PowerTransform, ThresholdMethod } from './farrington/thresholds.js';

export const DETECTION_METHODS = ['ears-c1', 'ears-c2', 'ears-c3', 'cusum', 'farrington'] as const;
export type DetectionMethod = (typeof DETECTION_METHODS)[number];
export const THRESHOLD_METHODS = ['delta', 'nbPlugin', 'muan'] as const satisfies readonly ThresholdMethod[];

/** Weeks to monitor, 1-based and inclusive; a missing end is the method's default (first full baseline, last week). */
export interface WeekRange {
  from?: number | undefined;
  to?: number | undefined;
}

/** EARS C1, C2, C3; defaults as `earsC`: alpha 0.001 (C1, C2) or 0.025 (C3), baseline 7, minSigma 0. */
export interface EarsOptions {
  method: 'ears-c1' | 'ears-c2' | 'ears-c3';
  range?: WeekRange | undefined;
  alpha?: number | undefined;
  baseline?: number | undefined;
  minSigma?: number | undefined;
}

/** CUSUM; defaults as `cusum`: k 1.04, h 2.26 (R has no default range; Tocsin starts at week 8). */
export interface CusumOptions {
  method: 'cusum';
  range?: WeekRange | undefined;
  k?: number | undefined;
  h?: number | undefined;
}

/** Farrington flexible; defaults as `farringtonFlexible` (see FARRINGTON_DEFAULTS). */
/** Every property optional, and `undefined` allowed for "not given" (exactOptionalPropertyTypes). */
type Optional<T> = { [K in keyof T]?: T[K] | undefined };

export interface FarringtonOptions extends Optional<Omit<FarringtonParameters, 'from' | 'to'>> {
  method: 'farrington';
  range?: WeekRange | undefined;
}

export type DetectOptions = EarsOptions | CusumOptions | FarringtonOptions;

/** `farringtonFlexible` defaults (R package surveillance 1.20.3); pastWeeksNotIncluded defaults to w. */
export const FARRINGTON_DEFAULTS = {
  frequency: 52,
  b: 5,
  w: 3,
  alpha: 0.05,
  reweight: true,
  weightsThreshold: 2.58,
  trend: true,
  pThresholdTrend: 0.05,
  limit54: [5, 4] as const,
  powertrans: '2/3' as PowerTransform,
  noPeriods: 1,
  thresholdMethod: 'delta' as ThresholdMethod,
} as const;

const invalid = (message: string, details?: Record<string, unknown>): TocsinError =>
  new TocsinError('invalid_input', message, details);

function requireNumber(name: string, value: number, ok: (v: number) => boolean, expected: string): number {
  if (!Number.isFinite(value) || !ok(value)) throw invalid(`${name} must be ${expected} (got ${value})`, { option: name, value });
  return value;
}
const integerAtLeast = (name: string, value: number, min: number) =>
  requireNumber(name, value, (v) => Number.isInteger(v) && v >= min, `an integer >= ${min}`);
function requireBoolean(name: string, value: boolean): boolean {
  if (typeof value !== 'boolean') throw invalid(`${name} must be true or false (got ${String(value)})`, { option: name });
  return value;
}
const probability = (name: string, value: number) =>
  requireNumber(name, value, (v) => v > 0 && v < 1, 'between 0 and 1 (exclusive)');

/**
 * The weeks to monitor: `range`, or `defaultFrom`..n; `minFrom` is the first week with a full baseline.
 * Refuses a series too short for the method and a range outside it, saying which and why.
 */
function resolveRange(
  method: DetectionMethod,
  n: number,
  range: WeekRange | undefined,
  defaultFrom: number,
  minFrom: number,
  why: string,
): { from: number; to: number } {
  if (n < minFrom) {
    throw invalid(`the series has ${n} weeks; ${method} needs at least ${minFrom} (${why}, then the week monitored)`, {
      method,
      reason: 'too-short',
      weeks: n,
      minimum: minFrom,
    });
  }
  const from = range?.from ?? defaultFrom;
  const to = range?.to ?? n;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from > to || from < 1 || to > n) {
    throw invalid(`range ${from}:${to} is not within the series (weeks 1 to ${n}, first <= last)`, { from, to, weeks: n });
  }
  if (from < minFrom) {
    throw invalid(
      `range ${from}:${to} starts too early: ${method} needs ${why}, so the first week monitored is at least ${minFrom}`,
      {
        from,
        minimum: minFrom,
      },
    );
  }
  return { from, to };
}

/** EARS parameters with `earsC`'s defaults, validated against the series length. */
export function resolveEars(o: EarsOptions, n: number): EarsParameters {
  const baseline = integerAtLeast('baseline', o.baseline ?? 7, 3);
  const guard = o.method === 'ears-c1' ? 0 : o.method === 'ears-c2' ? 2 : 4;
  const why = `${baseline + guard} weeks before it (a ${baseline}-week baseline${guard ? ` and ${guard === 2 ? 'a 2-week guard band' : 'the C2 baselines of the 2 weeks before'}` : ''})`;
  const range = resolveRange(o.method, n, o.range, baseline + guard + 1, baseline + guard + 1, why);
  return {
    ...range,
    alpha: probability('alpha', o.alpha ?? (o.method === 'ears-c3' ? 0.025 : 0.001)),
    baseline,
    minSigma: requireNumber('minSigma', o.minSigma ?? 0, (v) => v >= 0, '>= 0'),
  };
}

/** CUSUM parameters with `cusum`'s defaults (range from week 8), validated. */
export function resolveCusum(o: CusumOptions, n: number): CusumParameters {
  const range = resolveRange('cusum', n, o.range, 8, 2, 'at least 1 week before the range for the mean');
  return {
    ...range,
    k: requireNumber('k', o.k ?? 1.04, () => true, 'a finite number'),
    h: requireNumber('h', o.h ?? 2.26, () => true, 'a finite number'),
  };
}

/** Farrington parameters with `farringtonFlexible`'s defaults, validated against the series length. */
export function resolveFarrington(o: FarringtonOptions, n: number): FarringtonParameters {
  const d = FARRINGTON_DEFAULTS;
  const frequency = integerAtLeast('frequency', o.frequency ?? d.frequency, 1);
  const b = integerAtLeast('b', o.b ?? d.b, 1);
  const w = requireNumber(
    'w',
    o.w ?? d.w,
    (v) => Number.isInteger(v) && v >= 0 && 2 * v + 1 <= frequency,
    `an integer from 0 to ${Math.floor((frequency - 1) / 2)} (2w + 1 <= frequency)`,
  );
  const noPeriods = requireNumber(
    'noPeriods',
    o.noPeriods ?? d.noPeriods,
    (v) => Number.isInteger(v) && v >= 1 && v <= frequency,
    `an integer from 1 to frequency (${frequency})`,
  );
  const pastWeeksNotIncluded = requireNumber(
    'pastWeeksNotIncluded',
    o.pastWeeksNotIncluded ?? w,
    (v) => Number.isInteger(v) && v >= 0 && v < frequency * b,
    `an integer from 0 to ${frequency * b - 1}`,
  );
  const minFrom = frequency * b + w + 1;
  const range = resolveRange(
    'farrington',
    n,
    o.range,
    minFrom,
    minFrom,
    `${b} years of ${frequency} weeks and ${w} more before it (b = ${b}, w = ${w})`,
  );
  const [cases, weeks] = o.limit54 ?? d.limit54;
  if (!(Number.isFinite(cases) && cases >= 0 && Number.isInteger(weeks) && weeks >= 1 && weeks <= range.from)) {
    throw invalid(`limit54 must be [cases >= 0, weeks from 1 to ${range.from}] (got [${cases}, ${weeks}])`, {
      option: 'limit54',
    });
  }
  const thresholdMethod = o.thresholdMethod ?? d.thresholdMethod;
  if (!THRESHOLD_METHODS.includes(thresholdMethod))
    throw invalid(`thresholdMethod must be one of ${THRESHOLD_METHODS.join(', ')} (got ${String(thresholdMethod)})`);
  const powertrans = o.powertrans ?? d.powertrans;
  if (!['none', '1/2', '2/3'].includes(powertrans))
    throw invalid(`powertrans must be none, 1/2 or 2/3 (got ${String(powertrans)})`);
  return {
    ...range,
    frequency,
    b,
    w,
    noPeriods,
    pastWeeksNotIncluded,
    alpha: probability('alpha', o.alpha ?? d.alpha),
    reweight: requireBoolean('reweight', o.reweight ?? d.reweight),
    weightsThreshold: requireNumber('weightsThreshold', o.weightsThreshold ?? d.weightsThreshold, () => true, 'a finite number'),
    trend: requireBoolean('trend', o.trend ?? d.trend),
    pThresholdTrend: requireNumber(
      'pThresholdTrend',
      o.pThresholdTrend ?? d.pThresholdTrend,
      (v) => v >= 0 && v <= 1,
      'between 0 and 1',
    ),
    limit54: [cases, weeks],
    powertrans,
    thresholdMethod,
    alarmsOnly: o.alarmsOnly === true,
  };
}

/** The first week a method monitors by default: the first with a full baseline (CUSUM: week 8). */
export function firstMonitoredWeek(o: DetectOptions): number {
  switch (o.method) {
    case 'ears-c1':
    case 'ears-c2':
    case 'ears-c3':
      return (o.baseline ?? 7) + (o.method === 'ears-c1' ? 0 : o.method === 'ears-c2' ? 2 : 4) + 1;
    case 'cusum':
      return 8;
    case 'farrington':
      return (o.frequency ?? FARRINGTON_DEFAULTS.frequency) * (o.b ?? FARRINGTON_DEFAULTS.b) + (o.w ?? FARRINGTON_DEFAULTS.w) + 1;
  }
}
