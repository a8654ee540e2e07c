import type { IsoDate, Iso3 } from '../../core/brand.js';
import type { Db } from '../../db/database.js';
import type { ConfiguredMethod } from '../../surveillance/surveillance-settings.js';
import { dailySeries, daysBetween } from './daily-series.js';
import { findSurges } from './find-surges.js';
import { DEFAULT_SURGE_METHODS } from './surge-methods.js';
import { daysCovered, newestSpeechModel, readHatefulCounts, storeSurgeSignals } from './surges.repository.js';

export interface SurgeOptions {
  /** Judge days from this one on (earlier days still form the baselines); every day without it. */
  since?: IsoDate | undefined;
  /** Only this country's series. */
  country?: Iso3 | undefined;
  /** The methods to run; DEFAULT_SURGE_METHODS without them. */
  methods?: readonly ConfiguredMethod[] | undefined;
}

export interface SurgeReport {
  /** The model whose scores were counted; null when no model was ever trained. */
  modelId: number | null;
  days: number;
  series: number;
  alarms: number;
  /** The ids of the signals stored (new or refreshed) in this run. */
  signalIds: number[];
  withdrawn: number;
}

/**
 * The surveillance step after scoring: daily counts of hateful posts (newest model) per country and
 * target group, zero-filled over the days the store covers, run through the surge methods; alarms
 * become daily `hateful-posts` signals for triage like any other (hate:<group> or hate:all).
 */
export async function refreshSpeechSurges(db: Db, o: SurgeOptions = {}): Promise<SurgeReport> {
  const modelId = await newestSpeechModel(db);
  const covered = await daysCovered(db, o.country);
  if (modelId === null || covered === null) return { modelId, days: 0, series: 0, alarms: 0, signalIds: [], withdrawn: 0 };
  const days = daysBetween(covered.first, covered.last);
  const series = dailySeries(await readHatefulCounts(db, modelId, o.country), days);
  const alarms = findSurges(series, days, o.methods ?? DEFAULT_SURGE_METHODS, o.since);
  const stored = await db.transaction((tx) => storeSurgeSignals(tx, alarms, { modelId, since: o.since, country: o.country }));
  return {
    modelId,
    days: days.length,
    series: series.length,
    alarms: alarms.length,
    signalIds: stored.ids,
    withdrawn: stored.withdrawn,
  };
}
