import { readFileSync } from 'node:fs';

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

/** Which part of the import a script URL belongs to. */
function categoryOf(url: string, fn: string): string | null {
  if (fn === '(garbage collector)') return 'V8 garbage collector';
  if (fn === '(idle)') return 'idle (waiting for I/O)';
  if (fn === '(program)') return 'V8 (program: compiler, runtime)';
  if (url.startsWith('wasm://')) return 'PGlite: PostgreSQL in WASM';
  if (url.includes('@electric-sql/pglite')) return 'PGlite: JS glue (protocol, FS)';
  if (url.includes('/papaparse/')) return 'papaparse';
  if (url.includes('/src/ingest/read-records')) return 'read-records (decode, line tracking)';
  if (url.includes('/src/ingest/')) return 'normalise (src/ingest)';
  if (url.includes('/src/events/')) return 'row JSON + SHA-1 (src/events)';
  if (url.includes('/src/')) return 'other src';
  if (url.includes('/pg/') || url.includes('/pg-protocol/')) return 'pg driver';
  if (url.startsWith('node:')) return 'Node internals (streams, fs, crypto)';
  if (url === '') return null; // a builtin (JSON.stringify, Map.get, ...): charged to its caller
  return 'other';
}

export interface CpuSummary {
  totalSeconds: number;
  byCategory: { category: string; seconds: number; percent: number }[];
  topFunctions: { name: string; seconds: number; percent: number }[];
}

/**
 * Self time of a V8 .cpuprofile grouped by what the code is: PGlite's WASM, its JS glue,
 * papaparse, our normalise, row JSON, GC... Builtins (empty URL) are charged to the nearest
 * caller that has a URL, so JSON.stringify in toEventRowJson counts as row JSON.
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
    const name = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/(node_modules|src)\//, '$1/')}`.trim();
    fns.set(name, (fns.get(name) ?? 0) + us);
    let c = categoryOf(n.callFrame.url, n.callFrame.functionName);
    while (c === null) {
      const up = parent.get(n.id);
      if (up === undefined) break;
      n = byId.get(up)!;
      c = n.callFrame.functionName === '(root)' ? 'other' : categoryOf(n.callFrame.url, n.callFrame.functionName);
    }
    cat.set(c ?? 'other', (cat.get(c ?? 'other') ?? 0) + us);
  }
  const rows = (m: Map<string, number>) =>
    [...m].sort((a, b) => b[1] - a[1]).map(([k, us]) => ({ k, seconds: Math.round(us / 1e4) / 100, percent: Math.round((us / total) * 1000) / 10 }));
  return {
    totalSeconds: Math.round(total / 1e4) / 100,
    byCategory: rows(cat).map(({ k, ...r }) => ({ category: k, ...r })),
    topFunctions: rows(fns).slice(0, 20).map(({ k, ...r }) => ({ name: k, ...r })),
  };
}
