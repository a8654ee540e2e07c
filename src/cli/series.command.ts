import { Command, Option } from 'commander';
import { toIsoDate, type IsoDate, type Iso3 } from '../core/brand.js';
import { TocsinError } from '../core/errors.js';
import { FREQUENCIES, type Frequency } from '../surveillance/series/periods.js';
import { isSeriesCategory, SERIES_CATEGORIES } from '../surveillance/series/series.js';
import { readSeriesSet } from '../surveillance/series/series.repository.js';
import { withDatabase } from './context.js';

const dateOption = (flag: string, v: string | undefined): IsoDate | undefined => {
  if (v === undefined) return undefined;
  const d = toIsoDate(v);
  if (!d) throw new TocsinError('invalid_input', `${flag}: "${v}" is not a date YYYY-MM-DD`);
  return d;
};

/**
 * `tocsin series`: one country's (or admin1 region's) zero-filled weekly or monthly counts from the
 * roll-ups, as CSV `index,period,incidents,fatalities` that `tocsin detect --column` reads.
 */
export const seriesCommand = new Command('series')
  .description('a zero-filled weekly or monthly series of incidents and fatalities, as CSV')
  .requiredOption('--country <iso3>', 'ISO alpha-3 code, e.g. CAF')
  .option('--admin1 <name>', 'one first-level region, as the source names it')
  .option('--category <c>', `${SERIES_CATEGORIES.join(', ')}`, 'violence')
  .addOption(new Option('--frequency <f>').choices(FREQUENCIES).default('weekly'))
  .option('--from <date>', 'first day of the timeline (default: the store’s first period)')
  .option('--to <date>', 'last day of the timeline (default: the store’s last period)')
  .action(
    async (
      o: { country: string; admin1?: string; category: string; frequency: Frequency; from?: string; to?: string },
      cmd: Command,
    ) => {
      if (!/^[A-Za-z]{3}$/.test(o.country))
        throw new TocsinError('invalid_input', `--country: "${o.country}" is not an ISO alpha-3 code`);
      if (!isSeriesCategory(o.category))
        throw new TocsinError('invalid_input', `--category: "${o.category}" is not one of ${SERIES_CATEGORIES.join(', ')}`);
      const from = dateOption('--from', o.from);
      const to = dateOption('--to', o.to);
      if ((from === undefined) !== (to === undefined)) throw new TocsinError('invalid_input', '--from and --to go together');
      if (from && to && from > to) throw new TocsinError('invalid_input', '--from must not be after --to');
      await withDatabase(cmd, async (db) => {
        const set = await readSeriesSet(db, {
          frequency: o.frequency,
          categories: [o.category as never],
          countries: [o.country.toUpperCase() as Iso3],
          admin1: o.admin1,
          from,
          to,
        });
        const s = set.series[0];
        const lines = ['index,period,incidents,fatalities'];
        set.periods.forEach((p, i) => lines.push(`${i + 1},${p},${s?.incidents[i] ?? 0},${s?.fatalities[i] ?? 0}`));
        console.log(lines.join('\n'));
        if (set.periods.length === 0) console.error('the store has no incidents yet: import events first');
      });
    },
  );
