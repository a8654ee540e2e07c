import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ROOT } from './paths.js';

const TIME = '/usr/bin/time';

export interface ChildResult<T> {
  /** The JSON object the child printed as its last line of stdout. */
  output: T;
  /** Peak resident set size of the child, in MB (GNU time's "Maximum resident set size"). */
  peakRssMb: number;
  /** Where peakRssMb comes from. */
  rssSource: '/usr/bin/time -v' | 'process.resourceUsage';
  wallSeconds: number;
  /** User + system CPU seconds of the child (from GNU time; NaN without it). */
  cpuSeconds: number;
}

/**
 * Runs `node [nodeArgs] --import tsx script args` in its own process, under `/usr/bin/time -v`
 * when present, so its peak memory is measured from outside. The child must print one JSON line
 * last on stdout and may report `maxRssKb` itself (used when GNU time is missing).
 */
export async function runNodeChild<T extends object>(
  script: string,
  args: readonly string[],
  opts: { nodeArgs?: readonly string[]; env?: NodeJS.ProcessEnv } = {},
): Promise<ChildResult<T>> {
  const node = [process.execPath, ...(opts.nodeArgs ?? []), '--import', 'tsx', script, ...args];
  const useTime = existsSync(TIME);
  const [cmd, ...argv] = useTime ? [TIME, '-v', ...node] : node;
  const started = performance.now();
  const child = spawn(cmd!, argv, { cwd: ROOT, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  const wallSeconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`${script} exited with ${code}:\n${stderr.slice(-4000)}`);
  const last = stdout.trim().split('\n').at(-1) ?? '';
  const output = JSON.parse(last) as T & { maxRssKb?: number };
  const timed = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const kb = timed ? Number(timed[1]) : (output.maxRssKb ?? Number.NaN);
  const seconds = (label: string) => Number(new RegExp(`${label} time \\(seconds\\): ([\\d.]+)`).exec(stderr)?.[1] ?? Number.NaN);
  return {
    output,
    peakRssMb: Math.round(kb / 1024),
    rssSource: timed ? '/usr/bin/time -v' : 'process.resourceUsage',
    wallSeconds,
    cpuSeconds: Math.round((seconds('User') + seconds('System')) * 10) / 10,
  };
}
