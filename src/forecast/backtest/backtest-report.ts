import type { BacktestMetrics, BacktestResult } from './backtest.js';
import type { BiasCheck, GroupFigures } from './bias.js';
import type { ModelBacktestResult } from './model-backtest.js';
import type { ScoredCountryYear } from './onset-scoring.js';

/** The peer's figures on the same protocol (REFERENCE.md section 1, from FOOSforecasts_3Sep2025.csv). */
export const EWP_PUBLISHED = { auc: 0.825, hits: 27, onsets: 39 } as const;

/** One group's figures of the bias check, in the JSON's words. */
const groupJson = (g: GroupFigures, topK: number): Record<string, unknown> => ({
  group: g.group,
  country_years: g.countryYears,
  countries: g.countries,
  onsets: g.onsets,
  hits: g.hits,
  [`top${topK}_recall`]: g.topKRecall,
  auc: g.auc,
  brier: g.brier,
  mean_forecast: g.meanForecast,
  observed_rate: g.observedRate,
});

/** The bias check as `by_region` and `by_size` entries of the JSON document. */
export function biasJson(bias: BiasCheck, topK: number): Record<string, unknown> {
  const size = bias.bySize;
  return {
    by_region: bias.byRegion.map((g) => groupJson(g, topK)),
    by_size: size && {
      predictor: size.predictor,
      cuts: size.cuts,
      cuts_population: size.cutsPopulation,
      groups: size.groups.map((g) => groupJson(g, topK)),
    },
  };
}

/** The headline figures and the reliability table, in the JSON's words. */
function metricsJson(m: BacktestMetrics, topK: number): Record<string, unknown> {
  return {
    auc: m.auc,
    auc_ci95: m.aucInterval && [m.aucInterval.low, m.aucInterval.high],
    [`top${topK}_recall`]: m.topKRecall,
    [`top${topK}_recall_ci95`]: m.topKRecallInterval && [m.topKRecallInterval.low, m.topKRecallInterval.high],
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
  };
}

/** EWP's published figures, the bias check when given, the missed onsets and the rows left out. */
function comparedJson(
  result: Pick<BacktestResult, 'missedOnsets' | 'leftOut'>,
  topK: number,
  bias: BiasCheck | undefined,
): Record<string, unknown> {
  return {
    ewp_published: EWP_PUBLISHED,
    ...(bias ? biasJson(bias, topK) : {}),
    missed_onsets: result.missedOnsets.map((o) => ({
      country: o.countryName,
      iso3: o.iso3,
      year: o.year,
      rank: o.minrank2,
      risk: o.maxrisk2,
    })),
    left_out: { without_forecast: result.leftOut.withoutForecast, onset_unknown: result.leftOut.onsetUnknown },
  };
}

/** The back-test as a JSON document (snake_case keys), headline figures first; with the bias check when given. */
export function backtestJson(result: BacktestResult, input: string, bias?: BiasCheck): Record<string, unknown> {
  const { metrics: m, settings: s } = result;
  return {
    model: s.model,
    input,
    ...metricsJson(m, s.topK),
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
    ...comparedJson(result, s.topK, bias),
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

const groupLine = (g: GroupFigures): string =>
  `  ${g.group.padEnd(10)} ${String(g.countryYears).padStart(13)} ${String(g.countries).padStart(10)}  ${`${g.hits}/${g.onsets}`.padStart(6)}  ${(g.auc === null ? 'NA' : g.auc.toFixed(3)).padStart(5)}  ${g.brier.toFixed(5)}  ${pct(g.meanForecast).padStart(13)}  ${pct(g.observedRate).padStart(8)}`;

/** The bias check as text lines (by region, by population tercile). */
function biasText(bias: BiasCheck, topK: number): string[] {
  const head = `  ${'group'.padEnd(10)} ${'country-years'.padStart(13)} ${'countries'.padStart(10)}  ${`top${topK}`.padStart(6)}  ${'AUC'.padStart(5)}  ${'Brier'.padEnd(7)}  ${'mean forecast'.padStart(13)}  ${'observed'.padStart(8)}`;
  const size = bias.bySize;
  return [
    '',
    'By UN region (few onsets per group: read with care):',
    head,
    ...bias.byRegion.map(groupLine),
    ...(size
      ? [
          '',
          `By population tercile (${size.predictor}; cuts ${size.cutsPopulation ? size.cutsPopulation.map((c) => `${(c / 1e6).toFixed(1)} million`).join(' and ') : size.cuts.join(' and ')}):`,
          head,
          ...size.groups.map(groupLine),
        ]
      : []),
  ];
}

/** The figures beside EWP's, the reliability table and the missed onsets, as text lines. */
function metricsText(m: BacktestMetrics, topK: number, missed: readonly ScoredCountryYear[]): string[] {
  return [
    `${''.padEnd(28)}${'this run'.padEnd(18)}EWP (1994-2024, published)`,
    `${'AUC of maxrisk2'.padEnd(28)}${m.auc.toFixed(3).padEnd(18)}${EWP_PUBLISHED.auc.toFixed(3)}`,
    `${`Top-${topK} recall of minrank2`.padEnd(28)}${`${m.hits}/${m.onsets} = ${pct(m.topKRecall)}`.padEnd(18)}${EWP_PUBLISHED.hits}/${EWP_PUBLISHED.onsets} = ${pct(EWP_PUBLISHED.hits / EWP_PUBLISHED.onsets)}`,
    `${'Brier score'.padEnd(28)}${m.brier.toFixed(5)}`,
    ...(m.aucInterval && m.topKRecallInterval
      ? [
          `95% intervals: AUC ${m.aucInterval.low.toFixed(3)}-${m.aucInterval.high.toFixed(3)} (bootstrap over countries), top-${topK} recall ${pct(m.topKRecallInterval.low)}-${pct(m.topKRecallInterval.high)} (Wilson)`,
        ]
      : []),
    '',
    'Reliability (deciles of maxrisk2):',
    '  bin  country-years  forecast range        mean forecast  observed  onsets',
    ...m.reliability.map(
      (b) =>
        `  ${String(b.bin).padStart(3)}  ${String(b.count).padStart(13)}  ${pct(b.minForecast).padStart(6)} - ${pct(b.maxForecast).padEnd(10)}  ${pct(b.meanForecast).padStart(13)}  ${pct(b.observedRate).padStart(8)}  ${String(b.events).padStart(6)}`,
    ),
    '',
    `Onsets missed by the top ${topK} (best rank): ${missed.map((o) => `${o.countryName} ${o.year} (${o.minrank2})`).join(', ') || 'none'}`,
  ];
}

/** A readable summary of the back-test; with the bias check when given. */
export function backtestText(result: BacktestResult, input: string, bias?: BiasCheck): string {
  const { metrics: m, settings: s } = result;
  const failed = result.refits.filter((r) => r.error !== null);
  const lines = [
    `Back-test of the elastic-net model (alpha ${s.alpha}, ${s.folds}-fold CV on deviance, ${s.lambdaRule}, seed ${s.seed})`,
    `Input: ${input}; outcome ${s.outcome}; ${s.predictors.length} predictors`,
    `Refits: ${result.refits.length} (trained through ${s.trainingYears[0]}-${s.trainingYears[1]}), ${failed.length} failed`,
    ...failed.map((r) => `  trained through ${r.trainedThrough}: ${r.error}`),
    `Scored: ${int(m.countryYears)} country-years ${s.scoredYears[0]}-${s.scoredYears[1]}, ${m.onsets} onsets`,
    '',
    ...metricsText(m, s.topK, result.missedOnsets),
    ...(bias ? biasText(bias, s.topK) : []),
  ];
  return `${lines.join('\n')}\n`;
}

/** What a back-test of another model was run with (`tocsin forecast backtest --model ensemble`). */
export interface ModelBacktestSettings {
  readonly model: string;
  readonly seed: number;
  readonly outcome: string;
  readonly predictors: readonly string[];
  readonly addedPredictors: readonly string[];
  readonly topK: number;
}

/** A back-test of another model (`runModelBacktest`) as JSON, in `backtestJson`'s words where they are the same. */
export function modelBacktestJson(
  result: ModelBacktestResult,
  settings: ModelBacktestSettings,
  input: string,
  bias?: BiasCheck,
): Record<string, unknown> {
  return {
    model: settings.model,
    input,
    ...metricsJson(result.metrics, settings.topK),
    settings: {
      model: result.model,
      seed: settings.seed,
      seed_rule: 'each refit fits with deriveSeed(seed, T), T the last training year',
      outcome: settings.outcome,
      predictors: settings.predictors,
      added_predictors: settings.addedPredictors,
      training_years: result.trainingYears,
      scored_years: result.scoredYears,
      top_k: settings.topK,
    },
    ...comparedJson(result, settings.topK, bias),
  };
}

/** The first three added predictors' names, in brackets. */
const addedSample = (names: readonly string[]): string =>
  names.length === 0 ? '' : ` (${names.slice(0, 3).join(', ')}${names.length > 3 ? ', ...' : ''})`;

/** A back-test of another model as text. */
export function modelBacktestText(
  result: ModelBacktestResult,
  settings: ModelBacktestSettings,
  input: string,
  bias?: BiasCheck,
): string {
  const m = result.metrics;
  const lines = [
    `Back-test of the ${settings.model} model: ${result.model}, seed ${settings.seed}`,
    `Input: ${input}; outcome ${settings.outcome}; ${settings.predictors.length} predictors and ${settings.addedPredictors.length} added${addedSample(settings.addedPredictors)}`,
    `Refits: trained through ${result.trainingYears[0]}-${result.trainingYears[1]}`,
    `Scored: ${int(m.countryYears)} country-years ${result.scoredYears[0]}-${result.scoredYears[1]}, ${m.onsets} onsets`,
    '',
    ...metricsText(m, settings.topK, result.missedOnsets),
    ...(bias ? biasText(bias, settings.topK) : []),
  ];
  return `${lines.join('\n')}\n`;
}
