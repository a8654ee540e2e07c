import type { IsoDate } from '../../core/brand.js';
import { isTocsinError } from '../../core/errors.js';
import { detect, type DetectOptions } from '../methods/detect.js';
import type { SeriesSet } from '../series/series.js';
import type { ConfiguredMethod, SurveillanceSettings } from '../surveillance-settings.js';
import type { Alarm } from './signal.js';

/** The options `detect` takes for a configured method (its label is ours, not the method's). */
export const detectOptionsOf = (m: ConfiguredMethod): DetectOptions => ({ ...m.options, method: m.method });

/**
 * Runs every configured method over every series and measure of `set` and returns the alarms in
 * periods from `since` on (all of them without it). A series too short for a method (Farrington
 * needs b years of history) is passed over for that method, not an error: it alarms once it is long
 * enough. Pure: series in, alarms out.
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
      for (const m of settings.methods) {
        let rows;
        try {
          rows = detect(values, detectOptionsOf(m));
        } catch (e) {
          if (isTocsinError(e) && e.code === 'invalid_input' && e.details?.reason === 'too-short') continue;
          throw e;
        }
        for (const r of rows) {
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
