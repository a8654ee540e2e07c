import type { IsoDate, Iso3 } from '../core/brand.js';
import type { Db } from '../db/database.js';
import type { NormalisedEvent } from '../events/event.js';
import { toEventRowJson } from '../events/event-row.js';
import { upsertEventRows } from '../events/events-writer.repository.js';
import type { ChangedSince } from '../events/changed-since.js';
import { startImportBatch } from '../ingest/import-batches.repository.js';
import { refreshSurveillance } from '../surveillance/refresh-surveillance.js';

let nextId = 1;
/** A plausible event; fields a test cares about are overridden. */
export function event(o: Omit<Partial<NormalisedEvent>, 'dateStart'> & { dateStart: string }): NormalisedEvent {
  return {
    source: 'ucdp',
    sourceId: String(nextId++),
    dateEnd: o.dateStart as IsoDate,
    datePrecision: 'day',
    countryIso3: 'CAF' as Iso3,
    admin1: 'Ouham',
    admin2: null,
    location: 'Bossangoa',
    latitude: 6.49,
    longitude: 17.45,
    locationPrecision: 'exact',
    category: 'one-sided',
    sourceCategory: 'test',
    perpetrator: null,
    target: null,
    fatalitiesBest: 3,
    fatalitiesLow: null,
    fatalitiesHigh: null,
    description: null,
    citations: [],
    goldsteinScale: null,
    avgTone: null,
    numMentions: null,
    numSources: null,
    numArticles: null,
    raw: [],
    ...o,
  } as NormalisedEvent;
}

/** An import batch for events a test writes itself. */
export const startTestBatch = (db: Db): Promise<number> =>
  startImportBatch(db, { source: 'test', format: 'test', version: 1, fileName: 'test', columns: [], options: {}, userId: null });

/** Stores events as one import would, then runs the surveillance step on what changed. */
export async function storeAndSurvey(db: Db, events: NormalisedEvent[]) {
  const batchId = await startTestBatch(db);
  const changed: ChangedSince = new Map();
  await upsertEventRows(
    db,
    batchId,
    events.map((e) => toEventRowJson(e, 1)),
    changed,
  );
  return refreshSurveillance(db, changed, batchId);
}

/** A quiet weekly background (one incident every Monday from 2010) ending in a week of `burst` incidents. */
export function quietThenBurst(burst: number, country = 'CAF'): NormalisedEvent[] {
  const events: NormalisedEvent[] = [];
  const start = Date.UTC(2010, 0, 4);
  for (let w = 0; w < 300; w++) {
    const day = new Date(start + w * 7 * 86_400_000).toISOString().slice(0, 10);
    events.push(event({ dateStart: day, latitude: 6 + (w % 10) * 0.5, countryIso3: country as Iso3 }));
  }
  // 100+ km apart: distinct incidents.
  for (let i = 0; i < burst; i++)
    events.push(event({ dateStart: '2015-10-07', latitude: 8 + i, fatalitiesBest: 10, countryIso3: country as Iso3 }));
  return events;
}
