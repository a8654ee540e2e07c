import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface CpuNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface CpuProfile {
  nodes: CpuNode[];
  samples: number[];
  timeDeltas: number[];
}

/** What a script URL is: PGlite's WASM, a package, one of our files, Node, V8. */
function categoryOf(url: string, fn: string): string | null {
  if (fn === '(garbage collector)') return 'V8 garbage collector';
  if (fn === '(idle)') return 'idle (waiting for I/O)';
  if (fn === '(program)') return 'V8 (program: compiler, runtime)';
  if (url.startsWith('wasm://')) return 'PGlite: PostgreSQL in WASM';
  if (url.includes('@electric-sql/pglite')) return 'PGlite: JS glue (protocol, file system)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return `package ${pkg[1]}`;
  const src = /\/(src\/.+)$/.exec(url);
  if (src) return src[1]!;
  if (url === '' || url.startsWith('node:')) return null; // builtins and Node's own JS: charged to their caller
  return 'other';
}

export interface CpuSummary {
  totalSeconds: number;
  byCategory: { category: string; seconds: number; percent: number }[];
  topFunctions: { name: string; seconds: number; percent: number }[];
}

/**
 * Self time of a V8 .cpuprofile grouped by what the code is: PGlite's WASM, its JS glue, each
 * package, each of our files, GC... Builtins and Node's own JS are charged to the nearest caller
 * outside Node: JSON.stringify and SHA-1 in toEventRowJson count under src/events/event-row.ts,
 * and the fs.readSync/writeSync PGlite makes for its data files count as PGlite file I/O.
 */
export function summariseCpuProfile(path: string): CpuSummary {
  const p = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));

  const cat = new Map<string, number>();
  const fns = new Map<string, number>();
  let total = 0;
  for (const [id, us] of self) {
    total += us;
    let n = byId.get(id)!;
    const name =
      `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/(node_modules|src)\//, '$1/')}`.trim();
    fns.set(name, (fns.get(name) ?? 0) + us);
    let c = categoryOf(n.callFrame.url, n.callFrame.functionName);
    let viaNode = n.callFrame.url.startsWith('node:');
    while (c === null) {
      const up = parent.get(n.id);
      if (up === undefined) break;
      n = byId.get(up)!;
      if (n.callFrame.functionName === '(root)') break;
      viaNode ||= n.callFrame.url.startsWith('node:');
      c = categoryOf(n.callFrame.url, n.callFrame.functionName);
    }
    if (c === null) c = viaNode ? 'Node internals (http, streams, timers)' : 'other';
    else if (viaNode && c.startsWith('PGlite')) c = 'PGlite: file I/O (synchronous Node fs calls)';
    cat.set(c, (cat.get(c) ?? 0) + us);
  }
  const rows = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .map(([k, us]) => ({ k, seconds: Math.round(us / 1e4) / 100, percent: Math.round((us / total) * 1000) / 10 }));
  return {
    totalSeconds: Math.round(total / 1e4) / 100,
    byCategory: rows(cat).map(({ k, ...r }) => ({ category: k, ...r })),
    topFunctions: rows(fns)
      .slice(0, 20)
      .map(({ k, ...r }) => ({ name: k, ...r })),
  };
}

/** The main thread's profile in a --cpu-prof-dir: the largest (tsx's loader thread writes a small one too). */
export function mainThreadProfile(dir: string): string {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  const size = (f: string) => statSync(join(dir, f)).size;
  return files.sort((a, b) => size(b) - size(a))[0]!;
}
