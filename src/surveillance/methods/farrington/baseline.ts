import type { GlmWorkspace } from './glm-workspace.js';

/** A series with per-week terms the fits use, computed once: log(y + 0.1), y log y, y^(2/3). */
export interface PreparedSeries {
  readonly observed: Float64Array;
  readonly logStart: Float64Array;
  readonly yLogY: Float64Array;
  readonly yTwoThirds: Float64Array;
}

export function prepareSeries(observed: Float64Array): PreparedSeries {
  return {
    observed,
    logStart: observed.map((y) => Math.log(y + 0.1)),
    yLogY: observed.map((y) => (y > 0 ? y * Math.log(y) : 0)),
    yTwoThirds: observed.map((y) => Math.pow(y, 2 / 3)),
  };
}

/** The baseline layout of `farringtonFlexible` (R package surveillance 1.20.3). */
export interface BaselineLayout {
  /** Observations per year (52 for weekly data). */
  frequency: number;
  /** Years back. */
  b: number;
  /** Half-width of the window around the same week of past years. */
  w: number;
  /** Seasonal periods per year (1: windows only; Noufaily et al. 2013 use 10). */
  noPeriods: number;
  /** Weeks before the current one left out of the baseline (R default: w). */
  pastWeeksNotIncluded: number;
}

/** Where a baseline was written in the workspace. */
export interface Baseline {
  n: number;
  groups: number;
  /** The group of the windows around the same week of past years: the level predicted. */
  predictionGroup: number;
  /** The largest count in the baseline. */
  largest: number;
}

/** Writes `value` at the 1-based positions of R's `from:to` (which counts down when to < from). */
function assignSequence(factors: Float64Array, from: number, to: number, value: number): void {
  const step = to >= from ? 1 : -1;
  for (let i = from; ; i += step) {
    if (i >= 1) factors[i - 1] = value; // R ignores index 0
    if (i === to) break;
  }
}

/**
 * Labels the weeks of the baseline of week k (1-based) with their seasonal period, a literal port of
 * `surveillance:::blocks`: the windows k - freq*i +/- w get period `noPeriods`, and with noPeriods > 1
 * the weeks between two windows are cut into noPeriods - 1 blocks (the first `rest` one week longer).
 * A zero-length block writes two weeks, as R's `a:(a - 1)` does; that quirk is kept for equal output.
 * `factors` is scratch of the series' length, NaN outside the baseline.
 */
export function labelPeriods(factors: Float64Array, k: number, layout: BaselineLayout): void {
  const { frequency, b, w, noPeriods: p } = layout;
  factors.fill(Number.NaN, Math.max(0, k - frequency * b - w - 2), k);
  assignSequence(factors, k - w, k, p);
  const period = frequency - 2 * w - 1;
  for (let i = 1; i <= b; i++) {
    const refWeek = k - frequency * i;
    assignSequence(factors, refWeek - w, refWeek + w, p);
    if (p === 1) continue;
    const length = Math.floor(period / (p - 1));
    const rest = period % (p - 1);
    let start = refWeek + w + 1;
    for (let j = 1; j <= p - 1; j++) {
      const blockLength = length + (j <= rest ? 1 : 0);
      assignSequence(factors, start, start + blockLength - 1, j);
      start += blockLength;
    }
  }
}

/**
 * Fills the workspace with the baseline of week k (`algo.farrington.data.glm`): the labelled weeks
 * except k - pastWeeksNotIncluded .. k, in time order, with time centred on k and one group per period.
 */
export function buildBaseline(
  series: PreparedSeries,
  factors: Float64Array,
  k: number,
  layout: BaselineLayout,
  ws: GlmWorkspace,
  groupOfPeriod: Int32Array,
): Baseline {
  labelPeriods(factors, k, layout);
  let largest = 0;
  const first = Math.max(1, k - layout.frequency * layout.b - layout.w - 1);
  const lastIncluded = Math.min(k, k - layout.pastWeeksNotIncluded - 1);
  groupOfPeriod.fill(-1);
  for (let week = first; week <= lastIncluded; week++) {
    const period = factors[week - 1]!;
    if (!Number.isNaN(period)) groupOfPeriod[period] = 0;
  }
  // Groups in increasing period order, as R's factor levels.
  let groups = 0;
  for (let period = 0; period < groupOfPeriod.length; period++) if (groupOfPeriod[period] === 0) groupOfPeriod[period] = groups++;
  let n = 0;
  for (let week = first; week <= lastIncluded; week++) {
    const period = factors[week - 1]!;
    if (Number.isNaN(period)) continue;
    ws.y[n] = series.observed[week - 1]!;
    ws.logStart[n] = series.logStart[week - 1]!;
    ws.yLogY[n] = series.yLogY[week - 1]!;
    ws.yTwoThirds[n] = series.yTwoThirds[week - 1]!;
    ws.t[n] = week - k;
    ws.group[n] = groupOfPeriod[period]!;
    largest = Math.max(largest, ws.y[n]!);
    n++;
  }
  return { n, groups, predictionGroup: groupOfPeriod[layout.noPeriods] ?? -1, largest };
}
