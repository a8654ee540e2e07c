import { Command, Option } from 'commander';
import { refreshSpeechSurges } from '../speech/surges/refresh-speech-surges.js';
import type { Signal } from '../surveillance/signals/signal.js';
import { parseSignalFilter } from '../surveillance/signals/signal-filter.js';
import { getSignal } from '../surveillance/signals/signals.repository.js';
import { withDatabase } from './context.js';

const fmt = (n: number | null) => (n === null ? 'NA' : Number.isInteger(n) ? String(n) : n.toFixed(2));
const row = (s: Signal) =>
  `${String(s.id).padStart(6)}  ${s.week}  ${s.country}  ${s.category.padEnd(20)} ${fmt(s.observed).padStart(5)} > ${fmt(s.upperbound).padEnd(7)} ${s.method.padEnd(16)} ${s.status.padEnd(10)} ${s.speechItemIds.length} items`;

/** `tocsin speech surges`: daily counts of hateful posts through the surge methods; alarms stored as signals. */
export const surgesCommand = new Command('surges')
  .description('count hateful posts per day, country and target group, and store surges as signals (tocsin signals list)')
  .option('--country <iso3>', 'only this country')
  .option('--since <date>', 'judge days from this one on (earlier days still form the baselines)')
  .addOption(new Option('--format <f>', 'output format').choices(['table', 'json']).default('table'))
  .action(async (o: { country?: string; since?: string; format: string }, cmd: Command) => {
    const { country, from: since } = parseSignalFilter({ country: o.country, from: o.since }, (f) =>
      f === 'from' ? '--since' : `--${f}`,
    );
    await withDatabase(cmd, async (db) => {
      const report = await refreshSpeechSurges(db, { country, since });
      const signals: Signal[] = [];
      for (const id of report.signalIds) signals.push(await getSignal(db, id));
      if (o.format === 'json') return console.log(JSON.stringify({ ...report, signals }, null, 2));
      for (const s of signals) console.log(row(s));
      if (report.modelId === null) console.error('no speech model yet: run `tocsin speech train`, then score the items');
      else
        console.error(
          `model ${report.modelId}: ${report.series} series over ${report.days} days; ${report.alarms} alarms, ${signals.length} signals stored, ${report.withdrawn} withdrawn`,
        );
    });
  });
