import type { BacktestResult } from './backtest.js';

/** The peer's figures on the same protocol (REFERENCE.md section 1, from FOOSforecasts_3Sep2025.csv). */
export const EWP_PUBLISHED = { auc: 0.825, hits: 27, onsets: 39 } as const;

/** The back-test as a JSON document (snake_case keys), headline figures first. */
export function backtestJson(result: BacktestResult, input: string): Record<string, unknown> {
  const { metrics: m, settings: s } = result;
  return {
    model: s.model,
    input,
    auc: m.auc,
    [`top${s.topK}_recall`]: m.topKRecall,
    hits: m.hits,
    onsets: m.onsets,
    country_years: m.countryYears,
    brier: m.brier,
    reliability: m.reliability.map((b) => ({
      bin: b.bin,
      count: b.count,
      min_forecast: b.minForecast,
      max_forecast: b.maxForecast,
      mean_forecast: b.meanForecast,
      events: b.events,
      observed_rate: b.observedRate,
    })),
    settings: {
      alpha: s.alpha,
      folds: s.folds,
      seed: s.seed,
      seed_rule: s.seedRule,
      lambda_rule: s.lambdaRule,
      outcome: s.outcome,
      predictors: s.predictors,
      training_rule: s.trainingRule,
      training_years: s.trainingYears,
      scored_years: s.scoredYears,
      top_k: s.topK,
    },
    ewp_published: EWP_PUBLISHED,
    missed_onsets: result.missedOnsets.map((o) => ({
      country: o.countryName,
      iso3: o.iso3,
      year: o.year,
      rank: o.minrank2,
      risk: o.maxrisk2,
    })),
    left_out: { without_forecast: result.leftOut.withoutForecast, onset_unknown: result.leftOut.onsetUnknown },
    refits: result.refits.map((r) => ({
      trained_through: r.trainedThrough,
      forecast_year: r.forecastYear,
      training_rows: r.trainingRows,
      positives: r.positives,
      forecasts: r.forecasts,
      fold_seed: r.foldSeed,
      lambda: r.lambda,
      lambda_index: r.lambdaIndex,
      path_length: r.pathLength,
      non_zero: r.nonZero,
      error: r.error,
    })),
  };
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const int = (n: number): string => n.toLocaleString('en-US');

/** A readable summary of the back-test. */
export function backtestText(result: BacktestResult, input: string): string {
  const { metrics: m, settings: s } = result;
  const failed = result.refits.filter((r) => r.error !== null);
  const lines = [
    `Back-test of the elastic-net model (alpha ${s.alpha}, ${s.folds}-fold CV on deviance, ${s.lambdaRule}, seed ${s.seed})`,
    `Input: ${input}; outcome ${s.outcome}; ${s.predictors.length} predictors`,
    `Refits: ${result.refits.length} (trained through ${s.trainingYears[0]}-${s.trainingYears[1]}), ${failed.length} failed`,
    ...failed.map((r) => `  trained through ${r.trainedThrough}: ${r.error}`),
    `Scored: ${int(m.countryYears)} country-years ${s.scoredYears[0]}-${s.scoredYears[1]}, ${m.onsets} onsets`,
    '',
    `${''.padEnd(28)}${'this run'.padEnd(18)}EWP (1994-2024, published)`,
    `${'AUC of maxrisk2'.padEnd(28)}${m.auc.toFixed(3).padEnd(18)}${EWP_PUBLISHED.auc.toFixed(3)}`,
    `${`Top-${s.topK} recall of minrank2`.padEnd(28)}${`${m.hits}/${m.onsets} = ${pct(m.topKRecall)}`.padEnd(18)}${EWP_PUBLISHED.hits}/${EWP_PUBLISHED.onsets} = ${pct(EWP_PUBLISHED.hits / EWP_PUBLISHED.onsets)}`,
    `${'Brier score'.padEnd(28)}${m.brier.toFixed(5)}`,
    '',
    'Reliability (deciles of maxrisk2):',
    '  bin  country-years  forecast range        mean forecast  observed  onsets',
    ...m.reliability.map(
      (b) =>
        `  ${String(b.bin).padStart(3)}  ${String(b.count).padStart(13)}  ${pct(b.minForecast).padStart(6)} - ${pct(b.maxForecast).padEnd(10)}  ${pct(b.meanForecast).padStart(13)}  ${pct(b.observedRate).padStart(8)}  ${String(b.events).padStart(6)}`,
    ),
    '',
    `Onsets missed by the top ${s.topK} (best rank): ${result.missedOnsets.map((o) => `${o.countryName} ${o.year} (${o.minrank2})`).join(', ') || 'none'}`,
  ];
  return `${lines.join('\n')}\n`;
}
