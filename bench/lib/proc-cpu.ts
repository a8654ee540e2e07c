import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU seconds (user + system) so far of every live process named `comm`, by pid. */
function cpuByPid(comm: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      if (stat.slice(stat.indexOf('(') + 1, close) !== comm) continue;
      const f = stat.slice(close + 2).split(' '); // state is f[0], utime f[11], stime f[12]
      out.set(pid, (Number(f[11]) + Number(f[12])) / TICKS_PER_SECOND);
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

/**
 * Samples, every `everyMs`, the CPU of every process of this machine named `comm` (e.g.
 * `postgres`: the server, its background workers and the backend of each connection, which
 * comes and goes with the connection); `stop()` returns the CPU seconds they used in between.
 * A process that ends loses at most its last `everyMs` of CPU.
 */
export function sampleCpuOf(comm: string, everyMs = 200): { stop(): number } {
  const start = cpuByPid(comm);
  const last = new Map(start);
  const sample = () => {
    for (const [pid, s] of cpuByPid(comm)) last.set(pid, s);
  };
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      let total = 0;
      for (const [pid, s] of last) total += s - (start.get(pid) ?? 0);
      return Math.round(total * 10) / 10;
    },
  };
}
