import { runLoad, SESSION_ONLY, type LoadResult, type Scenario } from '../lib/load.js';
import { machineCpu, signIn, startBenchServer } from '../lib/server.js';

export interface ApiMixResult extends LoadResult {
  /** Cores the server process kept busy on average (CPU seconds / wall seconds). */
  serverCores: number;
  /** Share of the whole machine's CPU in use during the run (server, database, client, others). */
  machineBusyPercent: number;
}

export interface ApiResult {
  engine: 'pglite' | 'postgres';
  /** The brief's mix: first pages and cursor pages, no totals. */
  pages: ApiMixResult;
  /** The same mix as the web UI sends it: first pages with includeTotal=true (a count over the filter). */
  withTotals: ApiMixResult;
  /** GET /api/session alone: what authentication and the framework cost per request. */
  sessionOnly: ApiMixResult;
  serverPeakRssMb: number;
}

export interface ApiOptions {
  clients: number;
  seconds: number;
  warmupSeconds: number;
}

/** Serves a populated store with the real server and measures GET /api/events under load. */
export async function benchApi(
  engine: ApiResult['engine'],
  target: string[],
  o: ApiOptions,
  log: (s: string) => void,
): Promise<ApiResult> {
  const server = await startBenchServer(target);
  try {
    const cookie = await signIn(server.url);
    const mix = async (includeTotal: boolean, scenarios?: readonly Scenario[]): Promise<ApiMixResult> => {
      const what = scenarios
        ? scenarios.map((s) => s.name).join(', ')
        : `GET /api/events${includeTotal ? ', first pages with includeTotal' : ''}`;
      log(`api ${engine}: ${what}, ${o.clients} clients, ${o.warmupSeconds} s warm-up + ${o.seconds} s`);
      const cpu0 = server.cpuSeconds();
      const m0 = machineCpu();
      const t0 = performance.now();
      const r = await runLoad({
        url: server.url,
        cookie,
        clients: o.clients,
        seconds: o.seconds,
        warmupSeconds: o.warmupSeconds,
        includeTotal,
        limit: 100,
        ...(scenarios ? { scenarios } : {}),
      });
      const wall = (performance.now() - t0) / 1000;
      const m1 = machineCpu();
      log(`  ${r.requestsPerSecond} req/s, p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms, errors ${r.errors}`);
      return {
        ...r,
        serverCores: Math.round(((server.cpuSeconds() - cpu0) / wall) * 100) / 100,
        machineBusyPercent: Math.round(((m1.busy - m0.busy) / (m1.total - m0.total)) * 100),
      };
    };
    const pages = await mix(false);
    const withTotals = await mix(true);
    const sessionOnly = await mix(false, SESSION_ONLY);
    return { engine, pages, withTotals, sessionOnly, serverPeakRssMb: server.peakRssMb() };
  } finally {
    await server.stop();
  }
}
