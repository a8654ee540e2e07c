/**
 * `surveillance.ts --data-dir DIR --week-file FILE`: on a store already filled by an import, times
 * (1) every method (EARS C1, C2, C3, CUSUM, Farrington with R's defaults) over every weekly series
 * of the store, 3 categories x 2 measures, both as `tocsin detect` computes them (every bound) and
 * as signal detection runs them (alarms only); then (2) the import of a week's worth of new events
 * and its surveillance step, the time from new data to new signals. Prints one JSON line.
 */
import { parseArgs } from 'node:util';
import { openDatabase } from '../../src/db/open-database.js';
import { importEventFile } from '../../src/ingest/import-events.js';
import { ucdpFormat } from '../../src/ingest/ucdp/ucdp-format.js';
import { detect, type DetectOptions } from '../../src/surveillance/methods/detect.js';
import { readSeriesSet } from '../../src/surveillance/series/series.repository.js';

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, 'week-file': { type: 'string' } } });
const db = await openDatabase({ dataDir: values['data-dir'] });
const [{ events }] = (await db.query<{ events: number }>('SELECT count(*)::int AS events FROM events')) as [{ events: number }];

const METHODS: DetectOptions[] = [
  { method: 'ears-c1' },
  { method: 'ears-c2' },
  { method: 'ears-c3' },
  { method: 'cusum' },
  { method: 'farrington' },
];

let t = performance.now();
const set = await readSeriesSet(db, { frequency: 'weekly', categories: ['one-sided', 'state-based', 'non-state'] });
const readSeconds = (performance.now() - t) / 1000;
const countries = new Set(set.series.map((s) => s.key.country)).size;

function runAll(alarmsOnly: boolean) {
  const perMethod: Record<string, number> = {};
  let alarms = 0;
  let runs = 0;
  const start = performance.now();
  for (const options of METHODS) {
    const m0 = performance.now();
    for (const s of set.series)
      for (const y of [s.incidents, s.fatalities]) {
        if (y.length < 52 * 5 + 3 + 1) continue;
        const rows = detect(y, options.method === 'farrington' ? { ...options, alarmsOnly } : options);
        runs++;
        for (const r of rows) if (r.alarm === true) alarms++;
      }
    perMethod[options.method] = Math.round(performance.now() - m0) / 1000;
  }
  return { seconds: Math.round(performance.now() - start) / 1000, perMethodSeconds: perMethod, runs, alarms };
}
const everyBound = runAll(false);
const alarmsOnly = runAll(true);

t = performance.now();
const week = await importEventFile(db, { format: ucdpFormat, file: values['week-file']! });
const weekImportSeconds = (performance.now() - t) / 1000;
await db.close();

console.log(
  JSON.stringify({
    events,
    countries,
    series: set.series.length * 2,
    weeks: set.periods.length,
    readSeriesSeconds: readSeconds,
    everyBound,
    alarmsOnly,
    weekOfEvents: {
      rows: week.rowsRead,
      inserted: week.inserted,
      countries: week.surveillance?.countries ?? 0,
      importSeconds: weekImportSeconds,
      surveillanceSeconds: week.surveillance?.seconds ?? null,
      signalsStored: week.surveillance?.signalsStored ?? 0,
    },
    maxRssKb: process.resourceUsage().maxRSS,
  }),
);
