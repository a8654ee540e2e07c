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
 * The weeks to judge: from the week of `since` (1-based index `sinceWeek`) on, or the method's
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
  const weeks = set.periods.length;
  for (const s of set.series) {
    const from = since?.get(s.key.country);
    const sinceIndex = from === undefined ? -1 : set.periods.findIndex((p) => p >= from);
    const sinceWeek = from === undefined ? undefined : sinceIndex < 0 ? weeks + 1 : sinceIndex + 1;
    for (const measure of settings.measures) {
      const values = measure === 'incidents' ? s.incidents : s.fatalities;
      if (values.every((v) => v === 0)) continue; // nothing can alarm on a series of zeros
      for (const m of settings.methods) {
        const options = detectOptionsOf(m);
        const range = rangeFor(options, weeks, sinceWeek);
        if (!range) continue;
        for (const r of detect(values, { ...options, range })) {
          if (r.alarm !== true) continue;
          const week = set.periods[r.index - 1]!;
          if (from !== undefined && week < from) continue;
          alarms.push({
            country: s.key.country,
            category: s.key.category,
            measure,
            week,
            method: m.label,
            observed: r.observed,
            upperbound: r.upperbound,
          });
        }
      }
    }
  }
  return alarms;
}
