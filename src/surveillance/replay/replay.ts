import type { IsoDate } from '../../core/brand.js';
import { isTocsinError } from '../../core/errors.js';
import { detect } from '../methods/detect.js';
import type { Measure, SeriesCategory, SeriesSet } from '../series/series.js';
import { detectOptionsOf } from '../signals/find-alarms.js';
import type { ConfiguredMethod } from '../surveillance-settings.js';

/** A signal as it would have fired in week `week`, computed from the series as it stood then. */
export interface ReplayedSignal {
  week: IsoDate;
  category: SeriesCategory;
  measure: Measure;
  method: string;
  observed: number;
  upperbound: number | null;
}

/**
 * Replays detection week by week: at each week t of [from, to] every method sees only the weeks up
 * to t (the data available then) and judges week t alone, as a weekly surveillance run would have.
 * CUSUM keeps its running sum from its first monitored week, as it does in operation. With one data
 * vintage this equals a single run over the whole series for these causal methods (a test checks
 * it); the walk is kept literal so a store with revisions or reporting lags replays honestly.
 */
export function replayWeeks(
  set: SeriesSet,
  window: { from: IsoDate; to: IsoDate },
  settings: { measures: readonly Measure[]; methods: readonly ConfiguredMethod[] },
): ReplayedSignal[] {
  const out: ReplayedSignal[] = [];
  const first = set.periods.findIndex((p) => p >= window.from);
  if (first < 0) return out;
  for (let t = first; t < set.periods.length && set.periods[t]! <= window.to; t++) {
    const week = set.periods[t]!;
    for (const s of set.series) {
      for (const measure of settings.measures) {
        const upToNow = (measure === 'incidents' ? s.incidents : s.fatalities).subarray(0, t + 1);
        for (const m of settings.methods) {
          const base = detectOptionsOf(m);
          const cusumFrom = base.method === 'cusum' ? (base.range?.from ?? 8) : 0;
          if (t + 1 < cusumFrom) continue; // CUSUM's first monitored week is not reached yet
          const range = base.method === 'cusum' ? { from: cusumFrom, to: t + 1 } : { from: t + 1, to: t + 1 };
          let row;
          try {
            row = detect(upToNow, { ...base, range }).at(-1);
          } catch (e) {
            // Too early in the series for this method (no full baseline yet): it stays silent.
            if (
              isTocsinError(e) &&
              e.code === 'invalid_input' &&
              (e.details?.reason === 'too-short' || 'minimum' in (e.details ?? {}))
            )
              continue;
            throw e;
          }
          if (row?.alarm === true)
            out.push({
              week,
              category: s.key.category,
              measure,
              method: m.label,
              observed: row.observed,
              upperbound: row.upperbound,
            });
        }
      }
    }
  }
  return out;
}
