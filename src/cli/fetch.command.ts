import { Command } from 'commander';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { TocsinError } from '../core/errors.js';
import { resolveDatabaseConfig } from '../db/open-database.js';
import { downloadAcled } from '../ingest/connectors/acled-api.js';
import { downloadUcdpApi } from '../ingest/connectors/ucdp-api.js';
import { downloadUcdpGed } from '../ingest/connectors/ucdp-ged-download.js';
import { importEventFile } from '../ingest/import-events.js';
import { FORMATS, type FormatName } from '../ingest/formats.js';
import { withDatabase, type GlobalOptions } from './context.js';
import { describeImport } from './import.command.js';
import { terminalProgress } from './progress.js';

interface FetchOptions {
  dir?: string;
  import: boolean;
  baseUrl?: string;
}

const downloadDir = (cmd: Command, o: FetchOptions): string => {
  const dir = o.dir ?? join(resolveDatabaseConfig(cmd.optsWithGlobals<GlobalOptions>()).dataDir, 'downloads');
  mkdirSync(dir, { recursive: true });
  return dir;
};

/** Imports a downloaded file with the normal file importer, so downloads and files behave alike. */
async function importDownloaded(cmd: Command, format: FormatName, file: string): Promise<void> {
  await withDatabase(cmd, async (db) => {
    const progress = terminalProgress();
    const t = performance.now();
    const report = await importEventFile(db, { format: FORMATS[format], file, onProgress: (p) => progress.update(p) }).finally(
      () => progress.done(),
    );
    console.log(describeImport(report, (performance.now() - t) / 1000));
  });
}

const ints = (s: string | undefined, flag: string): number[] | undefined => {
  if (!s) return undefined;
  const parts = s.split(',').map((p) => p.trim());
  if (parts.some((p) => !/^\d+$/.test(p)))
    throw new TocsinError('invalid_input', `${flag}: expected comma-separated numbers, got "${s}"`);
  return parts.map(Number);
};

const common = (c: Command) =>
  c
    .option('--dir <dir>', 'where to keep the downloaded file (default <data-dir>/downloads)')
    .option('--no-import', 'download only')
    .option('--base-url <url>', 'another server with the same API (a mirror, or a test server)');

const ucdpGed = common(new Command('ucdp-ged'))
  .description('download a UCDP GED release (CSV zip) and import it')
  .requiredOption('--ged-version <v>', 'GED version, e.g. 25.1')
  .action(async (o: FetchOptions & { gedVersion: string }, cmd: Command) => {
    const d = await downloadUcdpGed({
      version: o.gedVersion,
      dir: downloadDir(cmd, o),
      ...(o.baseUrl ? { baseUrl: o.baseUrl } : {}),
    });
    console.log(`downloaded ${d.file} (${d.bytes} bytes)`);
    if (o.import) await importDownloaded(cmd, 'ucdp', d.file);
  });

const ucdpApi = common(new Command('ucdp-api'))
  .description('download GED events through the UCDP API (token in UCDP_API_TOKEN) and import them')
  .requiredOption('--ged-version <v>', 'GED version, e.g. 25.1, or a candidate release such as 25.0.9')
  .option('--country <gw>', 'Gleditsch-Ward codes, comma-separated (UCDP uses G-W, e.g. 482 for CAR)')
  .option('--from <date>', 'first day YYYY-MM-DD')
  .option('--to <date>', 'last day YYYY-MM-DD')
  .option('--type <t>', 'types of violence, comma-separated: 1 state-based, 2 non-state, 3 one-sided')
  .action(
    async (
      o: FetchOptions & { gedVersion: string; country?: string; from?: string; to?: string; type?: string },
      cmd: Command,
    ) => {
      const types = ints(o.type, '--type');
      if (types?.some((t) => t < 1 || t > 3)) throw new TocsinError('invalid_input', '--type: use 1, 2 or 3');
      const country = ints(o.country, '--country');
      const d = await downloadUcdpApi({
        version: o.gedVersion,
        dir: downloadDir(cmd, o),
        filters: {
          ...(country ? { country } : {}),
          ...(o.from ? { startDate: o.from } : {}),
          ...(o.to ? { endDate: o.to } : {}),
          ...(types ? { typeOfViolence: types as (1 | 2 | 3)[] } : {}),
        },
        env: process.env,
        ...(o.baseUrl ? { baseUrl: o.baseUrl } : {}),
      });
      console.log(`downloaded ${d.rows} events in ${d.pages} pages to ${d.file}`);
      if (d.rows !== d.totalCount)
        console.warn(`warning: the API announced ${d.totalCount} events but sent ${d.rows}; run the fetch again later`);
      if (o.import) await importDownloaded(cmd, 'ucdp', d.file);
    },
  );

const acled = common(new Command('acled'))
  .description('download ACLED events through its API (credentials in ACLED_EMAIL and ACLED_PASSWORD) and import them')
  .option('--country <name>', 'country name as ACLED writes it, e.g. "Central African Republic"')
  .option('--from <date>', 'first day YYYY-MM-DD')
  .option('--to <date>', 'last day YYYY-MM-DD')
  .action(async (o: FetchOptions & { country?: string; from?: string; to?: string }, cmd: Command) => {
    const d = await downloadAcled({
      dir: downloadDir(cmd, o),
      env: process.env,
      ...(o.country ? { country: o.country } : {}),
      ...(o.from ? { from: o.from } : {}),
      ...(o.to ? { to: o.to } : {}),
      ...(o.baseUrl ? { baseUrl: o.baseUrl } : {}),
    });
    console.log(`downloaded ${d.rows} events in ${d.pages} pages to ${d.file}`);
    if (o.import) await importDownloaded(cmd, 'acled', d.file);
  });

/** `tocsin fetch ucdp-ged|ucdp-api|acled`: download from the publishers, then import like a file. */
export const fetchCommand = new Command('fetch')
  .description('download event data from UCDP or ACLED (needs internet access) and import it')
  .addCommand(ucdpGed)
  .addCommand(ucdpApi)
  .addCommand(acled);
