import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { runLoad } from '../lib/load.js';
import { BENCH_DIR } from '../lib/paths.js';
import { signIn, startBenchServer } from '../lib/server.js';
import { mainThreadProfile, summariseCpuProfile } from './cpu-summary.js';

/**
 * The server under the API load (pages mix, 50 clients, `seconds`) with `node --cpu-prof`:
 * where a request's time goes (authentication write, SQL, DTOs, JSON, Hono, zod).
 */
export async function profileApi(engine: 'pglite' | 'postgres', target: string[], seconds: number, log: (s: string) => void) {
  const dir = join(BENCH_DIR, `cpu-profile-api-${engine}`);
  rmSync(dir, { recursive: true, force: true });
  log(`api-profile ${engine}: server under --cpu-prof, 50 clients for ${seconds} s`);
  const server = await startBenchServer(target, ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '1000']);
  let load;
  try {
    const cookie = await signIn(server.url);
    load = await runLoad({ url: server.url, cookie, clients: 50, seconds, warmupSeconds: 2, includeTotal: false, limit: 100 });
  } finally {
    await server.stop();
  }
  const profile = mainThreadProfile(dir);
  return {
    requestsPerSecond: load.requestsPerSecond,
    latencyMs: load.latencyMs,
    profile: join(dir, profile),
    ...summariseCpuProfile(join(dir, profile)),
  };
}
