import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { toIsoDate, type IsoDate, type Iso3 } from '../core/brand.js';
import { TocsinError } from '../core/errors.js';
import { parseOnsets } from '../surveillance/replay/onsets.js';
import { scoreReplay, type ReplayReport } from '../surveillance/replay/replay-report.js';
import { replayWeeks } from '../surveillance/replay/replay.js';
import { readSeriesSet } from '../surveillance/series/series.repository.js';
import { readSurveillanceSettings } from '../surveillance/surveillance-settings.repository.js';
import { withDatabase } from './context.js';

const date = (flag: string, v: string): IsoDate => {
  const d = toIsoDate(v);
  if (!d) throw new TocsinError('invalid_input', `${flag}: "${v}" is not a date YYYY-MM-DD`);
  return d;
};

function readOnsetFile(file: string) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new TocsinError('invalid_input', `--onsets ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return parseOnsets(text, file);
}

/** The replay as a person reads it. */
export function describeReplay(r: ReplayReport): string {
  const lines = [
    `Replay of ${r.country}, ${r.from} to ${r.to} (${r.weeks} weeks), week by week on the data available each week`,
    `Recorded onsets in the window: ${r.onsets.length ? r.onsets.map((o) => `${o.year} (${o.code})`).join(', ') : 'none'}`,
  ];
  for (const m of r.methods) {
    lines.push('', `${m.method}: ${m.signals} signals in ${m.signalWeeks} distinct weeks`);
    for (const o of m.onsets)
      lines.push(
        `  onset ${o.year}: ${o.signalsYearBefore} signals in ${o.year - 1}${o.firstSignalYearBefore ? ` (first in the week of ${o.firstSignalYearBefore})` : ''}; ${o.signalsInYear} in ${o.year}${o.firstSignalInYear ? ` (first in the week of ${o.firstSignalInYear})` : ''}`,
      );
    lines.push(
      `  years without an onset: ${m.yearsWithoutOnsetWithSignals} of ${m.yearsWithoutOnset} had signals (${m.signalsInYearsWithoutOnset} signals in all)`,
      `  by year: ${m.byYear.map((y) => `${y.year}${y.onset ? '*' : ''}:${y.signals}`).join(' ')}`,
    );
  }
  lines.push('', '* onset year. Signals count every watched series and measure (see tocsin signals settings).');
  return lines.join('\n');
}

/** `tocsin replay`: how detection would have fired, week by week, before recorded onsets. */
export const replayCommand = new Command('replay')
  .description('replay detection week by week on one country and score it against recorded mass-killing onsets')
  .requiredOption('--country <iso3>', 'ISO alpha-3 code, e.g. CAF')
  .requiredOption('--from <date>', 'first week to judge (YYYY-MM-DD)')
  .requiredOption('--to <date>', 'last week to judge (YYYY-MM-DD)')
  .requiredOption('--onsets <file>', "EWP's mass-killing episode list (mk_events_2025.csv)")
  .option('--method <labels>', 'only these configured methods, comma-separated')
  .addOption(new Option('--format <f>').choices(['text', 'json']).default('text'))
  .action(
    async (
      o: { country: string; from: string; to: string; onsets: string; method?: string; format: 'text' | 'json' },
      cmd: Command,
    ) => {
      if (!/^[A-Za-z]{3}$/.test(o.country))
        throw new TocsinError('invalid_input', `--country: "${o.country}" is not an ISO alpha-3 code`);
      const country = o.country.toUpperCase() as Iso3;
      const from = date('--from', o.from);
      const to = date('--to', o.to);
      if (from > to) throw new TocsinError('invalid_input', '--from must not be after --to');
      const onsets = readOnsetFile(o.onsets);
      await withDatabase(cmd, async (db) => {
        const settings = await readSurveillanceSettings(db);
        const wanted = o.method?.split(',').map((s) => s.trim());
        const methods = wanted ? settings.methods.filter((m) => wanted.includes(m.label)) : settings.methods;
        const unknown = wanted?.filter((w) => !settings.methods.some((m) => m.label === w));
        if (unknown?.length)
          throw new TocsinError(
            'invalid_input',
            `--method: ${unknown.join(', ')} not configured; configured: ${settings.methods.map((m) => m.label).join(', ')}`,
          );
        // The whole history up to --to: methods need their baselines from before --from.
        const set = await readSeriesSet(db, { frequency: 'weekly', categories: settings.categories, countries: [country] });
        if (set.periods.length === 0) throw new TocsinError('not_found', 'the store has no incidents: import events first');
        const signals = replayWeeks(set, { from, to }, { measures: settings.measures, methods });
        const weeks = set.periods.filter((p) => p >= from && p <= to).length;
        const report = scoreReplay(signals, { country, from, to, weeks, methods: methods.map((m) => m.label), onsets });
        console.log(o.format === 'json' ? JSON.stringify(report, null, 2) : describeReplay(report));
      });
    },
  );
