import { summariseLatencies, type LatencySummary } from './stats.js';

/** One kind of visit: a filtered list, read `pages` pages deep by following nextCursor. */
export interface Scenario {
  name: string;
  /** Default `/api/events`. */
  path?: string;
  query: Record<string, string>;
  pages: number;
}

/**
 * The query mix over the 1M-row GED store. Shares in the repeated sample: Syria 26.5 %, Nigeria
 * 1.9 %, one-sided 16 %, year 2015 6.9 %, Afghanistan state-based 12.8 %, India one-sided 1.8 %.
 */
export const SCENARIOS: readonly Scenario[] = [
  { name: 'unfiltered', query: {}, pages: 1 },
  { name: 'country (SYR)', query: { country: 'SYR' }, pages: 1 },
  { name: 'country (NGA)', query: { country: 'NGA' }, pages: 1 },
  { name: 'category (one-sided)', query: { category: 'one-sided' }, pages: 1 },
  { name: 'date range (2015)', query: { from: '2015-01-01', to: '2015-12-31' }, pages: 1 },
  { name: 'country+category (AFG state-based)', query: { country: 'AFG', category: 'state-based' }, pages: 1 },
  { name: 'country+category (IND one-sided)', query: { country: 'IND', category: 'one-sided' }, pages: 1 },
  { name: 'unfiltered, 5 pages by cursor', query: {}, pages: 5 },
  { name: 'country (SYR), 5 pages by cursor', query: { country: 'SYR' }, pages: 5 },
];

/** The floor under every API call: authentication (a credentials UPDATE) and the framework, no events query. */
export const SESSION_ONLY: readonly Scenario[] = [{ name: 'GET /api/session', path: '/api/session', query: {}, pages: 1 }];

/** An error with its cause (undici's "fetch failed" says why only in `cause`). */
function describeError(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const cause = e.cause instanceof Error ? `: ${(e.cause as NodeJS.ErrnoException).code ?? ''} ${e.cause.message}` : '';
  return `${e.message}${cause}`;
}

export interface LoadOptions {
  url: string;
  cookie: string;
  clients: number;
  warmupSeconds: number;
  seconds: number;
  /** Ask for the total on first pages, as the web UI's events table does. */
  includeTotal: boolean;
  /** Default SCENARIOS. */
  scenarios?: readonly Scenario[];
  limit: number;
}

export interface LoadResult {
  clients: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  errors: number;
  firstErrors: string[];
  latencyMs: LatencySummary;
  byScenario: Record<string, LatencySummary>;
  /** Pages after the first (cursor requests), across scenarios. */
  cursorPagesMs: LatencySummary;
  /** Mean size of a response body. */
  meanResponseBytes: number;
}

/**
 * Drives `clients` concurrent clients, each visiting the scenarios in turn (one request at a
 * time, keep-alive), for a warm-up then a measured period; every request started in the measured
 * period is recorded with its latency, and any non-200 answer or network failure is an error.
 */
export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const all: number[] = [];
  const cursorPages: number[] = [];
  const scenarios = o.scenarios ?? SCENARIOS;
  const byScenario = new Map<string, number[]>(scenarios.map((s) => [s.name, []]));
  const errors: string[] = [];
  let errorCount = 0;
  let bytes = 0;
  const t0 = performance.now();
  const measureFrom = t0 + o.warmupSeconds * 1000;
  const end = measureFrom + o.seconds * 1000;

  const get = async (path: string, query: Record<string, string>): Promise<{ ms: number; next: string | null } | null> => {
    const started = performance.now();
    try {
      const res = await fetch(`${o.url}${path}?${new URLSearchParams(query)}`, { headers: { cookie: o.cookie } });
      const text = await res.text();
      const ms = performance.now() - started;
      const body = JSON.parse(text) as { nextCursor?: string | null };
      if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${JSON.stringify(body).slice(0, 200)}`);
      if (started >= measureFrom) bytes += Buffer.byteLength(text);
      return { ms, next: body.nextCursor ?? null };
    } catch (e) {
      if (started >= measureFrom) {
        errorCount++;
        if (errors.length < 5) errors.push(`${describeError(e)} after ${Math.round(performance.now() - started)} ms`);
      }
      return null;
    }
  };

  const client = async (index: number) => {
    for (let k = index; performance.now() < end; k++) {
      const s = scenarios[k % scenarios.length]!;
      let cursor: string | null = null;
      for (let page = 0; page < s.pages && performance.now() < end; page++) {
        const query: Record<string, string> = s.path ? { ...s.query } : { ...s.query, limit: String(o.limit) };
        if (cursor) query.cursor = cursor;
        else if (o.includeTotal && !s.path) query.includeTotal = 'true';
        const started = performance.now();
        const r = await get(s.path ?? '/api/events', query);
        if (!r) break;
        if (started >= measureFrom) {
          all.push(r.ms);
          (page === 0 ? byScenario.get(s.name)! : cursorPages).push(r.ms);
        }
        cursor = r.next;
        if (!cursor) break;
      }
    }
  };

  await Promise.all(Array.from({ length: o.clients }, (_, i) => client(i)));
  const measured = (performance.now() - measureFrom) / 1000;
  return {
    clients: o.clients,
    seconds: Math.round(measured * 10) / 10,
    requests: all.length,
    requestsPerSecond: Math.round((all.length / measured) * 10) / 10,
    errors: errorCount,
    firstErrors: errors,
    latencyMs: summariseLatencies(all),
    byScenario: Object.fromEntries([...byScenario].map(([k, v]) => [k, summariseLatencies(v)])),
    cursorPagesMs: summariseLatencies(cursorPages),
    meanResponseBytes: Math.round(bytes / Math.max(1, all.length)),
  };
}
