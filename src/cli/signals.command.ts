import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import type { Iso3 } from '../core/brand.js';
import { csvField } from '../core/csv.js';
import { TocsinError } from '../core/errors.js';
import { TRIAGE_DECISIONS, type Signal, type TriageDecision } from '../surveillance/signals/signal.js';
import { parseSignalFilter, triageSchema } from '../surveillance/signals/signal-filter.js';
import { getSignal, listSignals, triageSignal } from '../surveillance/signals/signals.repository.js';
import { redoSurveillance } from '../surveillance/refresh-surveillance.js';
import { readSurveillanceSettings, saveSurveillanceSettings } from '../surveillance/surveillance-settings.repository.js';
import { withDatabase } from './context.js';

const flag = (field: string) => `--${field.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`)}`;
const nf = new Intl.NumberFormat('en');
const fmt = (n: number | null) => (n === null ? 'NA' : Number.isInteger(n) ? String(n) : n.toFixed(2));

const CSV_COLUMNS = [
  'id',
  'country',
  'category',
  'measure',
  'week',
  'method',
  'observed',
  'upperbound',
  'status',
  'events',
] as const;
const csvRow = (s: Signal) =>
  [s.id, s.country, s.category, s.measure, s.week, s.method, s.observed, s.upperbound ?? 'NA', s.status, s.eventIds.length]
    .map((v) => csvField(String(v)))
    .join(',');
const tableRow = (s: Signal) =>
  `${String(s.id).padStart(6)}  ${s.week}  ${s.country}  ${s.category.padEnd(11)} ${s.measure.padEnd(10)} ${fmt(s.observed).padStart(6)} > ${fmt(s.upperbound).padEnd(8)} ${s.method.padEnd(20)} ${s.status}`;

const list = new Command('list')
  .description('signals, newest week first')
  .option('--country <iso3>')
  .option(
    '--category <c>',
    'one-sided, state-based, non-state, violence, ...; hate:<group> or hate:all for surges of hateful posts',
  )
  .option('--measure <m>', 'incidents, fatalities or hateful-posts')
  .option('--frequency <f>', 'weekly (event signals) or daily (surges of hateful posts)')
  .option('--method <label>', 'e.g. farrington-noufaily, ears-c2')
  .option('--status <s>', 'new, discarded, monitoring or warning')
  .option('--from <date>', 'periods (weeks, days) starting on or after this day')
  .option('--to <date>', 'periods (weeks, days) starting on or before this day')
  .option('--limit <n>', 'at most this many', '100')
  .addOption(new Option('--format <f>', 'output format').choices(['table', 'csv', 'json']).default('table'))
  .action(async (o: Record<string, string | undefined>, cmd: Command) => {
    const { limit: limitText, format, ...rest } = o;
    const filter = parseSignalFilter(rest, flag);
    const limit = Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100_000)
      throw new TocsinError('invalid_input', '--limit must be 1-100000');
    await withDatabase(cmd, async (db) => {
      const { items } = await listSignals(db, filter, { limit });
      if (format === 'json') console.log(JSON.stringify(items, null, 2));
      else if (format === 'csv') console.log([CSV_COLUMNS.join(','), ...items.map(csvRow)].join('\n'));
      else {
        for (const s of items) console.log(tableRow(s));
        console.error(`${items.length} signals${items.length === limit ? ` (the first ${limit}; --limit for more)` : ''}`);
      }
    });
  });

const show = new Command('show')
  .description('one signal with the events behind it')
  .argument('<id>')
  .action(async (idText: string, _o, cmd: Command) => {
    const id = Number(idText);
    if (!Number.isInteger(id) || id < 1)
      throw new TocsinError('invalid_input', `signal id must be a positive whole number, not "${idText}"`);
    await withDatabase(cmd, async (db) => console.log(JSON.stringify(await getSignal(db, id), null, 2)));
  });

const triage = new Command('triage')
  .description('record a triage decision on a signal: discard, monitor or raise-warning, with the reason')
  .argument('<id>')
  .addOption(new Option('--decision <d>').choices(TRIAGE_DECISIONS).makeOptionMandatory())
  .option('--note <text>', 'the reason, for the record')
  .option('--by <username>', 'the analyst taking the decision')
  .action(async (idText: string, o: { decision: TriageDecision; note?: string; by?: string }, cmd: Command) => {
    const id = Number(idText);
    if (!Number.isInteger(id) || id < 1)
      throw new TocsinError('invalid_input', `signal id must be a positive whole number, not "${idText}"`);
    const t = triageSchema.parse({ decision: o.decision, note: o.note ?? null });
    await withDatabase(cmd, async (db) => {
      let userId: number | null = null;
      if (o.by) {
        const [u] = await db.query<{ id: number }>('SELECT id FROM users WHERE username = $1', [o.by]);
        if (!u) throw new TocsinError('not_found', `--by: no user ${o.by}`);
        userId = u.id;
      }
      const s = await triageSignal(db, id, { ...t, userId });
      const period = s.frequency === 'daily' ? `day ${s.week}` : `week of ${s.week}`;
      console.log(`signal ${s.id} (${s.country} ${s.category} ${s.measure}, ${period}): ${s.status}`);
    });
  });

const detectAgain = new Command('detect')
  .description('re-count incidents and re-run detection over the whole history (after a change of settings)')
  .option('--country <list>', 'only these ISO alpha-3 codes, comma-separated')
  .action(async (o: { country?: string }, cmd: Command) => {
    const countries = o.country?.split(',').map((c) => c.trim().toUpperCase());
    const bad = countries?.filter((c) => !/^[A-Z]{3}$/.test(c));
    if (bad?.length) throw new TocsinError('invalid_input', `--country: ${bad.join(', ')} are not ISO alpha-3 codes`);
    await withDatabase(cmd, async (db) => {
      const r = await redoSurveillance(db, countries as Iso3[] | undefined);
      console.log(
        `${nf.format(r.countries)} countries, ${nf.format(r.events)} events in ${nf.format(r.incidents)} incidents; ${nf.format(r.signalsStored)} signals stored, ${nf.format(r.signalsWithdrawn)} withdrawn; ${r.seconds.toFixed(2)} s`,
      );
    });
  });

const settings = new Command('settings')
  .description('print the surveillance settings as JSON, or replace them with --set FILE (- for stdin)')
  .option('--set <file>', 'a JSON file with the new settings')
  .action(async (o: { set?: string }, cmd: Command) => {
    await withDatabase(cmd, async (db) => {
      if (!o.set) return console.log(JSON.stringify(await readSurveillanceSettings(db), null, 2));
      let input: unknown;
      try {
        input = JSON.parse(readFileSync(o.set === '-' ? 0 : o.set, 'utf8'));
      } catch (e) {
        throw new TocsinError('invalid_input', `--set ${o.set}: ${e instanceof Error ? e.message : String(e)}`);
      }
      const saved = await saveSurveillanceSettings(db, input, null);
      console.log(JSON.stringify(saved, null, 2));
      console.error('saved; they apply from the next import, or now with `tocsin signals detect`');
    });
  });

/** `tocsin signals`: alarms of the detection methods, and their triage. */
export const signalsCommand = new Command('signals')
  .description('signals from aberration detection: list, show, triage, detect again, settings')
  .addCommand(list)
  .addCommand(show)
  .addCommand(triage)
  .addCommand(detectAgain)
  .addCommand(settings);
