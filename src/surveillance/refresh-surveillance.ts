import { performance } from 'node:perf_hooks';
import type { IsoDate, Iso3 } from '../core/brand.js';
import type { Db } from '../db/database.js';
import { parseCorroborationRule } from './corroboration/corroboration-rule.js';
import { mondayOf } from './series/periods.js';
import { rebuildRollupsInGroups } from './series/rollup.repository.js';
import { readSeriesSet } from './series/series.repository.js';
import { findAlarms } from './signals/find-alarms.js';
import { storeSignals } from './signals/signals.repository.js';
import { readSurveillanceSettings } from './surveillance-settings.repository.js';

/** Re-clustered events from which the roll-up tables' planner statistics are refreshed. */
const ANALYZE_AFTER_EVENTS = 5_000;
/** Stored signals from which the signals table's statistics are refreshed. */
const ANALYZE_AFTER_SIGNALS = 1_000;

export interface SurveillanceReport {
  countries: number;
  events: number;
  incidents: number;
  alarms: number;
  signalsStored: number;
  signalsWithdrawn: number;
  seconds: number;
}

/**
 * The surveillance step after an import: for each country whose events changed, re-cluster its
 * events into incidents and rebuild its roll-ups from shortly before the first change (the whole
 * history with `wholeHistory`), then run the configured methods over its weekly series and store
 * the alarms from the first changed week on as signals.
 * `changedSince` maps each touched country to the earliest start date among its changed events.
 */
export async function refreshSurveillance(
  db: Db,
  changedSince: ReadonlyMap<Iso3, IsoDate>,
  batchId: number | null,
  wholeHistory = false,
): Promise<SurveillanceReport> {
  const t0 = performance.now();
  const settings = await readSurveillanceSettings(db);
  const rule = parseCorroborationRule(settings.corroboration);
  const countries = [...changedSince.keys()].sort();
  const { events, incidents } = await rebuildRollupsInGroups(db, changedSince, rule, wholeHistory);
  // PGlite runs no autovacuum: after a bulk re-count, fresh statistics keep the next small update on
  // index plans (measured: a week of new events in 59 countries, 3.9 s without, 0.5 s with).
  if (events >= ANALYZE_AFTER_EVENTS)
    await db.exec(
      'ANALYZE event_clusters; ANALYZE event_cluster_members; ANALYZE event_series_weekly; ANALYZE event_series_monthly',
    );
  const set = await readSeriesSet(db, { frequency: 'weekly', categories: settings.categories, countries });
  const since = new Map([...changedSince].map(([c, d]) => [c as string, mondayOf(d)]));
  const alarms = findAlarms(set, settings, since);
  const stored = await db.transaction((tx) => storeSignals(tx, alarms, { since, batchId }));
  // Likewise for the signals a first import stores by the thousand: the triage queue and the API read them.
  if (stored.stored >= ANALYZE_AFTER_SIGNALS) await db.exec('ANALYZE signals');
  return {
    countries: countries.length,
    events,
    incidents,
    alarms: alarms.length,
    signalsStored: stored.stored,
    signalsWithdrawn: stored.withdrawn,
    seconds: Math.round((performance.now() - t0) / 10) / 100,
  };
}

/**
 * Redoes the surveillance step for the given countries (default: every country with events) over
 * their whole history: after a change of settings, or when an import's surveillance step failed.
 */
export async function redoSurveillance(db: Db, countries?: readonly Iso3[]): Promise<SurveillanceReport> {
  const rows = await db.query<{ country: Iso3; since: IsoDate }>(
    `SELECT country_iso3 AS country, min(date_start) AS since FROM events
     WHERE country_iso3 IS NOT NULL ${countries ? 'AND country_iso3 = ANY($1::text[])' : ''} GROUP BY 1`,
    countries ? [[...countries]] : [],
  );
  return refreshSurveillance(db, new Map(rows.map((r) => [r.country, r.since])), null, true);
}
