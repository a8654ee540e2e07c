/**
 * Tocsin benchmarks: `npm run bench [-- --only part,part|all] [--rows N] [--batch-size N] [--seconds S] [--clients N]`.
 * Parts run one after another (never two at once), each result is saved to .bench/results.json as
 * soon as it is measured, and a summary table of everything recorded is printed at the end.
 * PostgreSQL parts need BENCH_DATABASE_URL (or TEST_DATABASE_URL) naming a server where the role
 * may create databases; they share the scratch database tocsin_bench_1m, dropped at the end unless --keep-db.
 * See docs/benchmarks.md.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ensureGedFile } from './lib/ged-file.js';
import { runNodeChild } from './lib/child.js';
import { describeMachine } from './lib/machine.js';
import { childScript } from './lib/paths.js';
import {
  databaseExists,
  databaseUrl,
  dropDatabase,
  recreateDatabase,
  SCRATCH_DB,
  serverUrl,
  serverVersion,
} from './lib/pg-scratch.js';
import { readResults, saveResult } from './lib/results.js';
import { formatSummary } from './lib/summary.js';
import { benchApi } from './parts/api.js';
import { benchImport, freshPgliteDir, pgliteDir, type ImportResult } from './parts/import.js';
import { benchDetectMethods } from './parts/detect-methods.js';
import { benchElasticNet } from './parts/elastic-net.js';
import { benchSpeech } from './parts/speech.js';
import { benchWebRender } from './parts/web-render.js';
import { benchEvidenceCustody, benchEvidenceStore } from './parts/evidence.js';
import { benchRawParse, type ParseResult } from './parts/papaparse.js';
import { benchSurveillance, ensureWorldGedFile } from './parts/surveillance.js';
import { runProfilePart } from './profile/index.js';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    rows: { type: 'string', default: '1000000' },
    'batch-size': { type: 'string', default: '5000' },
    seconds: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '3' },
    clients: { type: 'string', default: '50' },
    'profile-rows': { type: 'string', default: '100000' },
    'keep-db': { type: 'boolean', default: false },
    'surveillance-rows': { type: 'string', default: '400000' },
    'week-rows': { type: 'string', default: '2500' },
    'render-runs': { type: 'string', default: '5' },
  },
});

/** The measured figures of the issue, in the order they run by default. */
const MAIN_PARTS = [
  'papaparse',
  'import-pglite',
  'import-postgres',
  'api-pglite',
  'api-postgres',
  'detect-methods',
  'surveillance-pglite',
  'elastic-net',
] as const;
/** Parts that do not read the 1M-row GED file. */
const OWN_DATA_PARTS: readonly string[] = ['detect-methods', 'surveillance-pglite', 'elastic-net'];
/** Where the time goes (run only when named): see bench/profile/. */
const PROFILE_PARTS = [
  'stages',
  'cpu-profile',
  'sql-variants-pglite',
  'sql-variants-postgres',
  'batch-sizes',
  'overlap-postgres',
  'api-profile-pglite',
  'api-profile-postgres',
  'api-queries-pglite',
  'api-queries-postgres',
  'api-pglite-analyzed',
  'surveillance-statements',
  'evidence-store',
  'evidence-custody',
  'speech',
  'web-render',
] as const;
const ALL = [...MAIN_PARTS, ...PROFILE_PARTS] as readonly string[];

const pgServer = serverUrl();
const log = (s: string) => console.error(`[bench] ${s}`);
// Without a server, a plain `npm run bench` measures PGlite only; naming a PostgreSQL part is an error below.
const defaults = pgServer ? [...MAIN_PARTS] : MAIN_PARTS.filter((p) => !p.endsWith('postgres'));
if (!values.only && !pgServer) log('BENCH_DATABASE_URL is not set: the PostgreSQL parts are skipped');
const chosen = values.only === 'all' ? [...ALL] : values.only ? values.only.split(',').map((s) => s.trim()) : defaults;
const unknown = chosen.filter((p) => !ALL.includes(p));
if (unknown.length) throw new Error(`unknown part(s) ${unknown.join(', ')}: choose from ${ALL.join(', ')}`);
const parts = ALL.filter((p) => chosen.includes(p));

const rows = Number(values.rows);
const batchSize = Number(values['batch-size']);
const profileRows = Number(values['profile-rows']);
const needsPg = parts.some((p) => p.endsWith('postgres'));
if (needsPg && !pgServer)
  throw new Error(
    'PostgreSQL parts need BENCH_DATABASE_URL (or TEST_DATABASE_URL), e.g. postgres://tocsin:tocsin@127.0.0.1:5432/postgres',
  );
const pgVersion = pgServer ? await serverVersion(pgServer) : null;
const machine = describeMachine(pgVersion);
const flags = [rows !== 1_000_000 ? `--rows ${rows}` : '', batchSize !== 5000 ? `--batch-size ${batchSize}` : '']
  .filter(Boolean)
  .join(' ');
const command = (part: string) => `npm run bench -- --only ${part}${flags ? ` ${flags}` : ''}`;
// The machine is described again at each record: src/ may change under a long run (its diff hash says).
const record = (part: string, cmd: string, result: unknown) =>
  saveResult(part, { measuredAt: new Date().toISOString(), command: cmd, machine: describeMachine(pgVersion), result });

const withRatio = (r: ImportResult): ImportResult => {
  const raw = readResults().papaparse?.result as ParseResult | undefined;
  return raw && raw.rows === rows
    ? { ...r, ratioToRawParse: Math.round((r.first.eventsPerSecond / raw.rowsPerSecond) * 1000) / 1000 }
    : r;
};
const apiOptions = { clients: Number(values.clients), seconds: Number(values.seconds), warmupSeconds: Number(values.warmup) };

log(
  `${machine.cpuModel}, ${machine.cores} cores, ${machine.ramGiB} GiB, Node ${machine.node}, PGlite ${machine.pglite}, PostgreSQL ${machine.postgres ?? '-'}`,
);
const file = parts.some((p) => !PROFILE_PARTS.includes(p as never) && !OWN_DATA_PARTS.includes(p))
  ? await ensureGedFile(rows, log)
  : '';
try {
  for (const part of parts) {
    switch (part) {
      case 'papaparse':
        log(`raw papaparse over ${file}`);
        record(part, command(part), await benchRawParse(file));
        break;
      case 'import-pglite':
        record(
          part,
          command(part),
          withRatio(await benchImport('pglite', file, ['--data-dir', freshPgliteDir(rows)], batchSize, log)),
        );
        break;
      case 'import-postgres': {
        const url = await recreateDatabase(pgServer!, SCRATCH_DB);
        record(part, command(part), withRatio(await benchImport('postgres', file, ['--database-url', url], batchSize, log)));
        break;
      }
      case 'api-pglite':
        if (!existsSync(pgliteDir(rows))) throw new Error(`no PGlite store at ${pgliteDir(rows)}: run import-pglite first`);
        record(
          part,
          command('import-pglite,api-pglite'),
          await benchApi('pglite', ['--data-dir', pgliteDir(rows)], apiOptions, log),
        );
        break;
      case 'api-postgres':
        if (!(await databaseExists(pgServer!, SCRATCH_DB)))
          throw new Error(`no database ${SCRATCH_DB}: run import-postgres in the same run (or keep it with --keep-db)`);
        record(
          part,
          command('import-postgres,api-postgres'),
          await benchApi('postgres', ['--database-url', databaseUrl(pgServer!, SCRATCH_DB)], apiOptions, log),
        );
        break;
      case 'api-pglite-analyzed': {
        // A proposal measured: the PGlite store after ANALYZE (this changes the store: import-pglite rebuilds it).
        const target = ['--data-dir', pgliteDir(rows)];
        const analyze = await runNodeChild<{ seconds: number }>(childScript('analyze'), target);
        log(`ANALYZE events on the PGlite store: ${analyze.output.seconds.toFixed(1)} s`);
        record(part, command('import-pglite,api-pglite-analyzed'), {
          analyzeSeconds: analyze.output.seconds,
          ...(await benchApi('pglite', target, apiOptions, log)),
        });
        break;
      }
      case 'detect-methods':
        log('detection methods over one 1,669-week series');
        record(part, 'npm run bench -- --only detect-methods', await benchDetectMethods());
        break;
      case 'surveillance-pglite': {
        const n = Number(values['surveillance-rows']);
        const store = await ensureWorldGedFile(n, log);
        record(
          part,
          `npm run bench -- --only surveillance-pglite --surveillance-rows ${n} --week-rows ${values['week-rows']}`,
          await benchSurveillance(store, Number(values['week-rows']), log),
        );
        break;
      }
      case 'elastic-net':
        record(part, 'npm run bench -- --only elastic-net', await benchElasticNet(log));
        break;
      case 'evidence-store':
        record(part, 'npm run bench -- --only evidence-store', await benchEvidenceStore(log));
        break;
      case 'speech':
        record(part, 'npm run bench -- --only speech', await benchSpeech(log));
        break;
      case 'web-render':
        record(
          part,
          'npm run build:web && npm run bench -- --only web-render',
          await benchWebRender(Number(values['render-runs']), log),
        );
        break;
      case 'evidence-custody':
        record(part, 'npm run bench -- --only evidence-custody', await benchEvidenceCustody(log));
        break;
      default:
        record(
          part,
          /^api-(profile|queries)/.test(part)
            ? `${command(part.replace(/^api-(profile|queries)/, 'import'))},${part}`
            : part === 'surveillance-statements'
              ? command('import-pglite,surveillance-statements')
              : `npm run bench -- --only ${part} --profile-rows ${profileRows}`,
          await runProfilePart(part, { rows: profileRows, storeRows: rows, apiSeconds: apiOptions.seconds, pgServer, log }),
        );
    }
  }
} finally {
  if (needsPg && !values['keep-db']) await dropDatabase(pgServer!, SCRATCH_DB);
}
console.log(formatSummary(readResults()));
