import type { ApiResult } from '../parts/api.js';
import type { ImportResult } from '../parts/import.js';
import type { DetectMethodsResult } from '../parts/detect-methods.js';
import type { ElasticNetBenchResult } from '../parts/elastic-net.js';
import type { ParseResult } from '../parts/papaparse.js';
import type { SurveillanceResult } from '../parts/surveillance.js';
import type { WebRenderResult } from '../parts/web-render.js';
import type { Results } from './results.js';

const nf = new Intl.NumberFormat('en');
const MB_LIMIT = 1536;

interface Line {
  figure: string;
  value: string;
  target: string;
}

const importLines = (name: string, r: ImportResult, target: number): Line[] => [
  {
    figure: `${name}, first import`,
    value: `${nf.format(r.first.eventsPerSecond)} events/s (${r.first.importSeconds} s)`,
    target: `>= ${nf.format(target)} ${r.first.eventsPerSecond >= target ? 'met' : 'MISSED'}`,
  },
  {
    figure: `${name}, first import without the surveillance step`,
    value: `${nf.format(r.first.loadEventsPerSecond)} events/s (surveillance step ${r.first.surveillanceSeconds} s)`,
    target: '',
  },
  {
    figure: `${name}, first import, peak RSS`,
    value: `${nf.format(r.first.peakRssMb)} MB`,
    target: `< 1.5 GB ${r.first.peakRssMb < MB_LIMIT ? 'met' : 'MISSED'}`,
  },
  ...(r.ratioToRawParse !== undefined
    ? [{ figure: `${name}, end to end / raw papaparse`, value: `${r.ratioToRawParse}`, target: '' }]
    : []),
  {
    figure: `${name}, second import (unchanged)`,
    value: `${nf.format(r.second.eventsPerSecond)} events/s (${r.second.importSeconds} s)`,
    target: '',
  },
  {
    figure: `${name}, second import, peak RSS`,
    value: `${nf.format(r.second.peakRssMb)} MB`,
    target: `< 1.5 GB ${r.second.peakRssMb < MB_LIMIT ? 'met' : 'MISSED'}`,
  },
];

const apiLines = (name: string, r: ApiResult): Line[] =>
  (['pages', 'withTotals', 'sessionOnly'] as const).flatMap((k) => {
    const m = r[k];
    if (!m) return [];
    const what = { pages: 'pages', withTotals: 'pages + totals (web UI)', sessionOnly: 'GET /api/session only (floor)' }[k];
    return {
      figure: `${name}, ${what}, ${m.clients} clients`,
      value: `p50 ${m.latencyMs.p50} / p90 ${m.latencyMs.p90} / p99 ${m.latencyMs.p99} / max ${m.latencyMs.max} ms, ${m.requestsPerSecond} req/s`,
      target: `errors ${m.errors}`,
    };
  });

/** The summary table of every part recorded so far. */
export function formatSummary(results: Results): string {
  const lines: Line[] = [];
  const get = <T>(k: string) => results[k]?.result as T | undefined;
  const parse = get<ParseResult>('papaparse');
  if (parse)
    lines.push({
      figure: 'raw papaparse (arrays only)',
      value: `${nf.format(parse.rowsPerSecond)} rows/s (${parse.seconds} s)`,
      target: '',
    });
  const ip = get<ImportResult>('import-pglite');
  if (ip) lines.push(...importLines('PGlite', ip, 50_000));
  const iq = get<ImportResult>('import-postgres');
  if (iq) lines.push(...importLines('PostgreSQL', iq, 100_000));
  const ap = get<ApiResult>('api-pglite');
  if (ap) lines.push(...apiLines('API, PGlite', ap));
  const aa = get<ApiResult>('api-pglite-analyzed');
  if (aa) lines.push(...apiLines('API, PGlite after ANALYZE (proposal)', aa));
  const aq = get<ApiResult>('api-postgres');
  if (aq) lines.push(...apiLines('API, PostgreSQL', aq));
  const dm = get<DetectMethodsResult>('detect-methods');
  if (dm)
    lines.push({
      figure: `C1, C2, C3, CUSUM, Farrington default + Noufaily, one ${dm.weeks}-week series`,
      value: `${dm.totalMs} ms (${dm.methods.map((m) => `${m.name} ${m.medianMs}`).join(', ')})`,
      target: `100x faster than R's 28 s: ${nf.format(dm.speedupOverR)}x ${dm.speedupOverR >= 100 ? 'met' : 'MISSED'}`,
    });
  const sv = get<SurveillanceResult>('surveillance-pglite');
  if (sv) {
    lines.push({
      figure: `every method over every series, ${nf.format(sv.storeEvents)}-event PGlite store (${sv.series} series x ${sv.weeks} weeks)`,
      value: `${(sv.readSeriesSeconds + sv.alarmsOnly.seconds).toFixed(2)} s as signals run (every bound: ${(sv.readSeriesSeconds + sv.everyBound.seconds).toFixed(2)} s)`,
      target: `< 10 s ${sv.readSeriesSeconds + sv.alarmsOnly.seconds < 10 ? 'met' : 'MISSED'}`,
    });
    const wk = sv.weekOfEvents;
    lines.push({
      figure: `a week of new events (${nf.format(wk.rows)}, ${wk.countries} countries) to new signals`,
      value: `surveillance step ${wk.surveillanceSeconds} s (whole import ${wk.importSeconds.toFixed(2)} s)`,
      target: `< 1 s ${(wk.surveillanceSeconds ?? Infinity) < 1 ? 'met' : 'MISSED'}`,
    });
  }
  const en = get<ElasticNetBenchResult>('elastic-net');
  if (en) {
    lines.push({
      figure: 'elastic net, one 10-fold CV fit on the EWP training set',
      value: `${en.cvFit.medianMs} ms (${en.cvFitThreaded.medianMs} ms in ${en.cvFitThreaded.threads} threads)`,
      target: `4x faster than R: ${en.speedupOverR.cvFit}x ${en.speedupOverR.cvFit >= 4 ? 'met' : 'MISSED'}`,
    });
    lines.push({
      figure: 'elastic net, 31-refit back-test',
      value: `${en.backtest.oneThreadSeconds} s (${en.backtest.threadedSeconds} s in ${en.backtest.threads} threads)`,
      target: `4x faster than R: ${en.speedupOverR.backtestOneThread}x ${en.speedupOverR.backtestOneThread >= 4 ? 'met' : 'MISSED'}`,
    });
  }
  const wr = get<WebRenderResult>('web-render');
  if (wr) {
    for (const p of wr.pages)
      lines.push({
        figure: `web: ${p.page} shows its data (cold load, median of ${wr.runs})`,
        value: `${nf.format(p.readyMs)} ms (first paint ${nf.format(p.firstContentfulPaintMs)} ms; map drawn ${nf.format(p.mapReadyMs)} ms; ${nf.format(p.transferredKb)} kB)`,
        target: `< 1.5 s ${p.readyMs < 1500 ? 'met' : 'MISSED'}`,
      });
    lines.push({
      figure: 'web: bundle (entry script + CSS; all assets)',
      value: `${wr.bundle.entryGzipKb} kB gzip (${wr.bundle.entryKb} kB); all ${wr.bundle.totalGzipKb} kB gzip`,
      target: '',
    });
  }
  const w = [0, 1, 2].map((i) => Math.max(...lines.map((l) => [l.figure, l.value, l.target][i]!.length), 6));
  const row = (a: string, b: string, c: string) => `| ${a.padEnd(w[0]!)} | ${b.padEnd(w[1]!)} | ${c.padEnd(w[2]!)} |`;
  return [
    row('figure', 'value', 'target'),
    row('-'.repeat(w[0]!), '-'.repeat(w[1]!), '-'.repeat(w[2]!)),
    ...lines.map((l) => row(l.figure, l.value, l.target)),
  ].join('\n');
}
