import { TocsinError } from '../../core/errors.js';
import { cusum } from './cusum.js';
import { resolveCusum, resolveEars, resolveFarrington, type DetectionMethod, type DetectOptions } from './detect-options.js';
import { earsC1, earsC2, earsC3 } from './ears.js';
import { farringtonFlexible } from './farrington/farrington-flexible.js';
import { NO_ALARM_VALUE, type MethodOutput } from './method-output.js';

export type { DetectOptions, DetectionMethod } from './detect-options.js';

/** One monitored week: `upperbound` and `alarm` are null where the R package gives NA. */
export interface DetectionRow {
  /** 1-based position of the week in the series. */
  index: number;
  observed: number;
  upperbound: number | null;
  alarm: boolean | null;
}

/** Methods built on a count model (Poisson standardisation, quasi-Poisson GLM) need non-negative integers. */
export const needsCounts = (method: DetectionMethod): boolean => method === 'cusum' || method === 'farrington';

/** Refuses a series the method cannot take, naming the first bad week. */
function toSeries(series: ArrayLike<number>, method: DetectionMethod): Float64Array {
  const y = Float64Array.from(series);
  const counts = needsCounts(method);
  for (let i = 0; i < y.length; i++) {
    const v = y[i]!;
    const bad = !Number.isFinite(v)
      ? 'is not a finite number'
      : counts && !(Number.isInteger(v) && v >= 0)
        ? `is not a count: ${method} needs non-negative integers`
        : null;
    if (bad)
      throw new TocsinError('invalid_input', `week ${i + 1} of the series (${series[i]}) ${bad}`, {
        index: i + 1,
        value: series[i],
      });
  }
  return y;
}

function run(y: Float64Array, options: DetectOptions): MethodOutput {
  switch (options.method) {
    case 'ears-c1':
      return earsC1(y, resolveEars(options, y.length));
    case 'ears-c2':
      return earsC2(y, resolveEars(options, y.length));
    case 'ears-c3':
      return earsC3(y, resolveEars(options, y.length));
    case 'cusum':
      return cusum(y, resolveCusum(options, y.length));
    case 'farrington':
      return farringtonFlexible(y, resolveFarrington(options, y.length));
  }
}

/**
 * Runs one aberration-detection method over a weekly series with the semantics of the R package
 * `surveillance` 1.20.3 (EARS C3 follows the CDC definition instead; see ears.ts) and returns one row
 * per monitored week. Throws TocsinError('invalid_input') for a series or options the method cannot take.
 */
export function detect(series: ArrayLike<number>, options: DetectOptions): DetectionRow[] {
  const y = toSeries(series, options.method);
  const out = run(y, options);
  const rows: DetectionRow[] = [];
  for (let index = out.from; index <= out.to; index++) {
    const upper = out.upperbound[index - out.from]!;
    const alarm = out.alarm[index - out.from]!;
    rows.push({
      index,
      observed: y[index - 1]!,
      upperbound: Number.isNaN(upper) ? null : upper,
      alarm: alarm === NO_ALARM_VALUE ? null : alarm === 1,
    });
  }
  return rows;
}
