import { once } from 'node:events';
import { createWriteStream, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { allCountries } from '../../src/countries/countries.js';
import { join } from 'node:path';
import Papa from 'papaparse';
import { runNodeChild } from '../lib/child.js';
import { BENCH_DIR, childScript, GED_SAMPLE } from '../lib/paths.js';
import { benchImport } from './import.js';

export interface SurveillanceResult {
  storeEvents: number;
  /** The import that built the store, surveillance step included (`tocsin import` end to end). */
  storeImportSeconds: number;
  countries: number;
  series: number;
  weeks: number;
  readSeriesSeconds: number;
  everyBound: { seconds: number; perMethodSeconds: Record<string, number>; runs: number; alarms: number };
  alarmsOnly: { seconds: number; perMethodSeconds: Record<string, number>; runs: number; alarms: number };
  weekOfEvents: {
    rows: number;
    inserted: number;
    countries: number;
    importSeconds: number;
    surveillanceSeconds: number | null;
    signalsStored: number;
  };
  peakRssMb: number;
}

/**
 * A week of new events after the store's last week: `rows` real GED rows of the sample, with fresh
 * ids and dates moved into the week starting `monday` (spread over its seven days).
 */
async function writeWeekFile(file: string, rows: number, monday: string): Promise<void> {
  const parsed = Papa.parse<string[]>(readFileSync(GED_SAMPLE, 'utf8'), { skipEmptyLines: true });
  const [header, ...records] = parsed.data as [string[], ...string[][]];
  const col = (name: string) => header.indexOf(name);
  const [id, start, end, year] = [col('id'), col('date_start'), col('date_end'), col('year')];
  const out = createWriteStream(file);
  out.write(`${Papa.unparse([header], { newline: '\n' })}\n`);
  for (let i = 0; i < rows; i++) {
    const r = [...records[i % records.length]!];
    const day = new Date(Date.parse(monday) + (i % 7) * 86_400_000).toISOString().slice(0, 10);
    r[id] = String(900_000_000 + i);
    r[start] = day;
    r[end] = day;
    r[year] = day.slice(0, 4);
    out.write(`${Papa.unparse([r], { newline: '\n' })}\n`);
  }
  out.end();
  await once(out, 'finish');
}

/**
 * A GED file of `rows` rows spread over every country with a Gleditsch-Ward code (about 200, as the
 * issue's store): the sample's real rows repeated with fresh ids, each copy moved one country on
 * (the `country_id` rewritten; places and dates kept, which clustering per country does not mind).
 */
export async function ensureWorldGedFile(rows: number, log: (s: string) => void): Promise<string> {
  const file = join(BENCH_DIR, `ged-world-${rows}.csv`);
  if (existsSync(file)) return file;
  log(`building ${file}`);
  const gw = [...new Set(allCountries().flatMap((c) => (c.gw === null ? [] : [c.gw])))];
  const parsed = Papa.parse<string[]>(readFileSync(GED_SAMPLE, 'utf8'), { skipEmptyLines: true });
  const [header, ...records] = parsed.data as [string[], ...string[][]];
  const [id, country] = [header.indexOf('id'), header.indexOf('country_id')];
  const out = createWriteStream(`${file}.partial`);
  out.write(`${Papa.unparse([header], { newline: '\n' })}\n`);
  let buf = '';
  for (let i = 0; i < rows; i++) {
    const r = [...records[i % records.length]!];
    r[id] = String(i + 1);
    r[country] = String(gw[((i % records.length) + Math.floor(i / records.length)) % gw.length]);
    buf += `${Papa.unparse([r], { newline: '\n' })}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
  renameSync(`${file}.partial`, file);
  return file;
}

/**
 * Surveillance over a store of `file`'s rows on PGlite: build the store with `tocsin import` (which
 * runs the surveillance step), then time every method over every series, and a week's worth of new
 * events through to new signals.
 */
export async function benchSurveillance(file: string, weekRows: number, log: (s: string) => void): Promise<SurveillanceResult> {
  const dir = join(BENCH_DIR, 'pglite-surveillance');
  rmSync(dir, { recursive: true, force: true });
  log(`surveillance: building the store from ${file}`);
  const store = await benchImport('pglite', file, ['--data-dir', dir], 5000, log, { once: true });
  const weekFile = join(BENCH_DIR, `ged-week-${weekRows}.csv`);
  if (!existsSync(weekFile)) await writeWeekFile(weekFile, weekRows, '2023-01-02');
  log(`surveillance: every method over every series, then ${weekRows} new events of one week`);
  const r = await runNodeChild<Omit<SurveillanceResult, 'storeImportSeconds' | 'peakRssMb' | 'storeEvents'> & { events: number }>(
    childScript('surveillance'),
    ['--data-dir', dir, '--week-file', weekFile],
  );
  const { events, ...rest } = r.output;
  return { storeEvents: events, storeImportSeconds: store.first.importSeconds, ...rest, peakRssMb: r.peakRssMb };
}
