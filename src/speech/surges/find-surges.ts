import type { IsoDate, Iso3 } from '../../core/brand.js';
import { findSeriesAlarms } from '../../surveillance/signals/find-alarms.js';
import type { ConfiguredMethod } from '../../surveillance/surveillance-settings.js';
import { hateCategory, type HateSeries } from './daily-series.js';

/** An alarm on a daily series of hateful posts: what a surge signal is made from. */
export interface SurgeAlarm {
  country: Iso3;
  /** `hate:<target group>` or `hate:all`. */
  category: `hate:${string}`;
  /** The target group as the classifier names it, or `all`. */
  group: string;
  day: IsoDate;
  method: string;
  observed: number;
  upperbound: number | null;
}

/**
 * Runs the methods over every daily series and returns the alarms on days from `since` on (all
 * without it), with the same rules as weekly surveillance (findSeriesAlarms). Pure.
 */
export function findSurges(
  series: readonly HateSeries[],
  days: readonly IsoDate[],
  methods: readonly ConfiguredMethod[],
  since?: IsoDate,
): SurgeAlarm[] {
  return series.flatMap((s) =>
    findSeriesAlarms(s.counts, days, methods, since).map(({ period, ...figures }) => ({
      country: s.country,
      category: hateCategory(s.group),
      group: s.group,
      day: period,
      ...figures,
    })),
  );
}
