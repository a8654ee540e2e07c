import { Command, Option } from 'commander';
import { TocsinError } from '../core/errors.js';
import { EXPORT_FORMATS, writeEvents, type ExportFormat } from '../events/event-export.js';
import { eventFilterSchema } from '../events/event-filter.js';
import { iterateEvents } from '../events/events.repository.js';
import { withDatabase } from './context.js';

/** Writes to stdout and, when its buffer is full (a slow pipe), waits for it to drain. */
const writeStdout = (s: string): void | Promise<void> =>
  process.stdout.write(s) ? undefined : new Promise((resolve) => process.stdout.once('drain', resolve));

/** `tocsin events`: the event store, filtered, as a table, CSV, JSON or GeoJSON on stdout. */
export const eventsCommand = new Command('events')
  .description('list stored events, newest first')
  .option('--country <iso3>', 'ISO alpha-3 country code, e.g. CAF')
  .option('--from <date>', 'first day (YYYY-MM-DD) of the event start date')
  .option('--to <date>', 'last day (YYYY-MM-DD) of the event start date')
  .option('--category <c>', 'one-sided, state-based, non-state, remote-violence, riots, protests, strategic, other')
  .option('--source <s>', 'ucdp, acled, gdelt or report')
  .option('--bbox <W,S,E,N>', 'bounding box in degrees')
  .option('--min-fatalities <n>', 'best fatality estimate at least n')
  .addOption(new Option('--format <f>', 'output format').choices(EXPORT_FORMATS).default('table'))
  .action(async (opts: Record<string, string | undefined>, cmd: Command) => {
    const parsed = eventFilterSchema.safeParse({
      country: opts.country,
      from: opts.from,
      to: opts.to,
      category: opts.category,
      source: opts.source,
      bbox: opts.bbox,
      minFatalities: opts.minFatalities,
    });
    if (!parsed.success) {
      const i = parsed.error.issues[0]!;
      const flag = String(i.path[0] ?? '').replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`);
      throw new TocsinError('invalid_input', `--${flag}: ${i.message}`);
    }
    await withDatabase(cmd, async (db) => {
      const n = await writeEvents(iterateEvents(db, parsed.data), opts.format as ExportFormat, writeStdout);
      if (opts.format === 'table') console.error(`${n} events`);
    });
  });
