import type { IsoDate } from '../../core/brand.js';
import { firstMonitoredWeek } from '../methods/detect-options.js';
import { detect, type DetectOptions } from '../methods/detect.js';
import type { SeriesSet } from '../series/series.js';
import type { ConfiguredMethod, SurveillanceSettings } from '../surveillance-settings.js';
import type { Alarm } from './signal.js';

/** The options `detect` takes for a configured method (its label is ours, not the method's). */
export const detectOptionsOf = (m: ConfiguredMethod): DetectOptions => {
  const options = { ...m.options, method: m.method } as DetectOptions;
  // Only alarms become signals: Farrington may skip the fit in weeks that cannot alarm.
  return options.method === 'farrington' ? { ...options, alarmsOnly: true } : options;
};

/**
 * The periods to judge: from the period of `since` (1-based index `sinceWeek`) on, or the method's
 * default range without it. CUSUM always runs from its own first week: its running sum and its
 * reference mean depend on where monitoring starts, and a signal must not depend on when data arrived.
 */
function rangeFor(options: DetectOptions, weeks: number, sinceWeek: number | undefined) {
  const first = firstMonitoredWeek(options);
  if (weeks < first) return null; // too short: the method stays silent until its baseline exists
  if (sinceWeek === undefined || options.method === 'cusum') return { from: first, to: weeks };
  const from = Math.max(first, sinceWeek);
  return from <= weeks ? { from, to: weeks } : null;
}

/** One alarm of one configured method on one series: the period it is for and the figures. */
export interface SeriesAlarm {
  period: IsoDate;
  method: string;
  observed: number;
  upperbound: number | null;
}

/**
 * Runs the configured methods over one series (`values[i]` counted in `periods[i]`, weeks or days:
 * the methods only see positions) and returns the alarms in periods from `since` on (all without it).
 * A series too short for a method is passed over for that method. Pure.
 */
export function findSeriesAlarms(
  values: Float64Array,
  periods: readonly IsoDate[],
  methods: readonly ConfiguredMethod[],
  since?: IsoDate,
): SeriesAlarm[] {
  if (values.every((v) => v === 0)) return []; // nothing can alarm on a series of zeros
  const n = periods.length;
  const sinceIndex = since === undefined ? -1 : periods.findIndex((p) => p >= since);
  const sincePeriod = since === undefined ? undefined : sinceIndex < 0 ? n + 1 : sinceIndex + 1;
  const alarms: SeriesAlarm[] = [];
  for (const m of methods) {
    const options = detectOptionsOf(m);
    const range = rangeFor(options, n, sincePeriod);
    if (!range) continue;
    for (const r of detect(values, { ...options, range })) {
      if (r.alarm !== true) continue;
      const period = periods[r.index - 1]!;
      if (since !== undefined && period < since) continue;
      alarms.push({ period, method: m.label, observed: r.observed, upperbound: r.upperbound });
    }
  }
  return alarms;
}

/**
 * Runs every configured method over every series and measure of `set` and returns the alarms in
 * weeks from `since` on (all of them without it). A series too short for a method (Farrington
 * needs b years of history) is passed over for that method: it alarms once it is long enough.
 * Pure: series in, alarms out.
 */
export function findAlarms(
  set: SeriesSet,
  settings: Pick<SurveillanceSettings, 'measures' | 'methods'>,
  since?: ReadonlyMap<string, IsoDate>,
): Alarm[] {
  const alarms: Alarm[] = [];
  for (const s of set.series) {
    const from = since?.get(s.key.country);
    for (const measure of settings.measures) {
      const values = measure === 'incidents' ? s.incidents : s.fatalities;
      for (const a of findSeriesAlarms(values, set.periods, settings.methods, from)) {
        const { period: week, ...figures } = a;
        alarms.push({ country: s.key.country, category: s.key.category, measure, week, ...figures });
      }
    }
  }
  return alarms;
}
