import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runNodeChild } from '../lib/child.js';
import { ensureGedFile } from '../lib/ged-file.js';
import { databaseExists, databaseUrl, dropDatabase, recreateDatabase, SCRATCH_DB } from '../lib/pg-scratch.js';
import { pgliteDir } from '../parts/import.js';
import { BENCH_DIR, ROOT, childScript } from '../lib/paths.js';
import { rate } from '../lib/stats.js';
import { profileApi } from './api-profile.js';
import { mainThreadProfile, summariseCpuProfile } from './cpu-summary.js';

export interface ProfileContext {
  rows: number;
  /** Rows of the populated store the API profiles serve (the main parts' --rows). */
  storeRows: number;
  apiSeconds: number;
  pgServer: string | undefined;
  log: (s: string) => void;
}

const script = (name: string) => join(ROOT, 'bench', 'profile', `${name}.ts`);
const BATCH_SIZES = [1_000, 5_000, 20_000];

/** A PGlite import of the file under `node --cpu-prof`, summarised by where the time goes. */
async function cpuProfile(file: string, log: (s: string) => void) {
  const dir = join(BENCH_DIR, 'cpu-profile');
  const data = join(BENCH_DIR, 'pglite-cpu-profile');
  rmSync(dir, { recursive: true, force: true });
  rmSync(data, { recursive: true, force: true });
  log(`cpu-profile: PGlite import of ${file} under --cpu-prof`);
  const r = await runNodeChild<{ importSeconds: number; report: { rowsRead: number } }>(
    childScript('import'),
    [file, '--data-dir', data],
    {
      nodeArgs: ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '1000'],
    },
  );
  rmSync(data, { recursive: true, force: true });
  const profile = mainThreadProfile(dir);
  return {
    importSeconds: r.output.importSeconds,
    eventsPerSecond: rate(r.output.report.rowsRead, r.output.importSeconds),
    profile: join(dir, profile),
    ...summariseCpuProfile(join(dir, profile)),
  };
}

/** End-to-end imports into fresh stores at several batch sizes (the CLI's --batch-size). */
async function batchSizes(file: string, ctx: ProfileContext) {
  const out: { engine: string; batchSize: number; eventsPerSecond: number; peakRssMb: number }[] = [];
  for (const engine of ctx.pgServer ? (['pglite', 'postgres'] as const) : (['pglite'] as const)) {
    for (const batchSize of BATCH_SIZES) {
      ctx.log(`batch-sizes: ${engine}, --batch-size ${batchSize}`);
      const dir = join(BENCH_DIR, 'pglite-batch-size');
      rmSync(dir, { recursive: true, force: true });
      const target =
        engine === 'pglite'
          ? ['--data-dir', dir]
          : ['--database-url', await recreateDatabase(ctx.pgServer!, 'tocsin_bench_batch')];
      const r = await runNodeChild<{ importSeconds: number; report: { rowsRead: number } }>(childScript('import'), [
        file,
        ...target,
        '--batch-size',
        String(batchSize),
      ]);
      if (engine === 'pglite') rmSync(dir, { recursive: true, force: true });
      else await dropDatabase(ctx.pgServer!, 'tocsin_bench_batch');
      out.push({
        engine,
        batchSize,
        eventsPerSecond: rate(r.output.report.rowsRead, r.output.importSeconds),
        peakRssMb: r.peakRssMb,
      });
    }
  }
  return out;
}

/** The import core on PostgreSQL with and without a turn of the event loop every 250 rows, twice each. */
async function overlap(file: string, ctx: ProfileContext) {
  if (!ctx.pgServer) throw new Error('overlap-postgres needs BENCH_DATABASE_URL');
  const out: { yieldEvery: number; eventsPerSecond: number; clientCpuSeconds: number }[] = [];
  for (const yieldEvery of [0, 250, 0, 250]) {
    ctx.log(`overlap-postgres: yield every ${yieldEvery || 'never'}`);
    const url = await recreateDatabase(ctx.pgServer, 'tocsin_bench_overlap');
    const r = await runNodeChild<{ eventsPerSecond: number; clientCpuSeconds: number }>(script('overlap'), [
      file,
      '--database-url',
      url,
      '--yield-every',
      String(yieldEvery),
    ]);
    await dropDatabase(ctx.pgServer, 'tocsin_bench_overlap');
    out.push({ yieldEvery, eventsPerSecond: r.output.eventsPerSecond, clientCpuSeconds: r.output.clientCpuSeconds });
  }
  return out;
}

/** Runs one of the profile parts on a GED file of `ctx.rows` rows and returns its findings. */
export async function runProfilePart(part: string, ctx: ProfileContext): Promise<unknown> {
  if (part === 'api-profile-pglite')
    return profileApi('pglite', ['--data-dir', pgliteDir(ctx.storeRows)], ctx.apiSeconds, ctx.log);
  if (part === 'api-profile-postgres') {
    if (!ctx.pgServer || !(await databaseExists(ctx.pgServer, SCRATCH_DB)))
      throw new Error(
        `api-profile-postgres needs the ${SCRATCH_DB} store: run it with import-postgres, or after a run with --keep-db`,
      );
    return profileApi('postgres', ['--database-url', databaseUrl(ctx.pgServer, SCRATCH_DB)], ctx.apiSeconds, ctx.log);
  }
  if (part === 'api-queries-pglite') {
    const target = ['--data-dir', pgliteDir(ctx.storeRows)];
    ctx.log('api-queries on PGlite: as configured, then with shared_buffers=512MB');
    return {
      default: (await runNodeChild(script('api-queries'), target)).output,
      sharedBuffers512MB: (await runNodeChild(script('api-queries'), [...target, '--setting', 'shared_buffers=512MB'])).output,
    };
  }
  if (part === 'api-queries-postgres') {
    if (!ctx.pgServer || !(await databaseExists(ctx.pgServer, SCRATCH_DB)))
      throw new Error(
        `api-queries-postgres needs the ${SCRATCH_DB} store: run it with import-postgres, or after a run with --keep-db`,
      );
    ctx.log('api-queries on PostgreSQL');
    return (await runNodeChild(script('api-queries'), ['--database-url', databaseUrl(ctx.pgServer, SCRATCH_DB)])).output;
  }
  if (part === 'surveillance-statements') {
    // On a copy: the script empties the incident tables of the store it is given.
    const store = pgliteDir(ctx.storeRows);
    if (!existsSync(store)) throw new Error(`no PGlite store at ${store}: run import-pglite first`);
    const copy = join(BENCH_DIR, 'pglite-surveillance-statements');
    rmSync(copy, { recursive: true, force: true });
    cpSync(store, copy, { recursive: true });
    ctx.log(`surveillance-statements: the surveillance step of a first import, on a copy of ${store}`);
    const r = await runNodeChild(script('surveillance-statements'), ['--data-dir', copy]);
    rmSync(copy, { recursive: true, force: true });
    return r.output;
  }
  const file = await ensureGedFile(ctx.rows, ctx.log);
  switch (part) {
    case 'stages':
      ctx.log(`stages: JS-only passes over ${file}`);
      return (await runNodeChild(script('stages'), [file])).output;
    case 'cpu-profile':
      return cpuProfile(file, ctx.log);
    case 'sql-variants-pglite':
      ctx.log(`sql-variants on PGlite over ${file}`);
      return (await runNodeChild(script('sql-variants'), [file, '--engine', 'pglite'])).output;
    case 'sql-variants-postgres':
      if (!ctx.pgServer) throw new Error('sql-variants-postgres needs BENCH_DATABASE_URL');
      ctx.log(`sql-variants on PostgreSQL over ${file}`);
      return (await runNodeChild(script('sql-variants'), [file, '--engine', 'postgres', '--server', ctx.pgServer])).output;
    case 'batch-sizes':
      return batchSizes(file, ctx);
    case 'overlap-postgres':
      return overlap(file, ctx);
    default:
      throw new Error(`unknown profile part ${part}`);
  }
}
