import { TocsinError } from '../../core/errors.js';
import type { CountryYearTable } from '../country-years/country-year.js';
import { forecastRows, trainingRows } from '../country-years/training-set.js';
import type { LambdaRule } from '../elastic-net/cross-validate.js';
import { assignFolds } from '../elastic-net/folds.js';
import { aucBootstrapInterval, wilsonInterval } from '../../core/auc-interval.js';
import { rocAuc } from '../metrics/auc.js';
import { brierScore } from '../metrics/brier.js';
import { reliabilityTable, type ReliabilityBin } from '../metrics/reliability.js';
import { topKRecall } from '../metrics/top-k-recall.js';
import { deriveSeed } from '../../core/seeded-random.js';
import { rankForecasts, scoreOnsets, type Forecast, type ScoredCountryYear } from './onset-scoring.js';
import { runRefitsInProcess, type RefitOutcome, type RefitTask } from './refit.js';

/** Forecasts are made from the rows two years after the last training year (EWP's protocol). */
export const FORECAST_GAP = 2;

export interface BacktestOptions {
  readonly alpha: number;
  readonly folds: number;
  readonly seed: number;
  readonly lambdaRule: LambdaRule;
  /** First and last training cutoffs T (EWP: 1991-2021); the last defaults to the data's last year - 3. */
  readonly firstTrainingYear: number;
  readonly lastTrainingYear?: number;
  /** Top-k for recall (EWP: 30). */
  readonly topK: number;
}

/** EWP's settings; its seed for the fold draw (`set.seed(90035)`), though our generator differs from R's. */
export const EWP_BACKTEST: BacktestOptions = Object.freeze({
  alpha: 0.5,
  folds: 10,
  seed: 90035,
  lambdaRule: 'lambda.min',
  firstTrainingYear: 1991,
  topK: 30,
});

/** One refit of the back-test, as reported. */
export interface RefitSummary {
  readonly trainedThrough: number;
  readonly forecastYear: number;
  readonly trainingRows: number;
  readonly positives: number;
  readonly forecasts: number;
  readonly foldSeed: number;
  readonly lambda: number | null;
  readonly lambdaIndex: number | null;
  readonly pathLength: number | null;
  readonly nonZero: number | null;
  readonly error: string | null;
}

export interface BacktestMetrics {
  readonly countryYears: number;
  readonly onsets: number;
  readonly auc: number;
  /** 95% bootstrap interval of the AUC, resampling countries (each with all its scored years). */
  readonly aucInterval: { readonly low: number; readonly high: number } | null;
  readonly hits: number;
  readonly topKRecall: number;
  /** 95% Wilson interval of the top-k recall, as if the onsets were independent draws. */
  readonly topKRecallInterval: { readonly low: number; readonly high: number } | null;
  readonly brier: number;
  readonly reliability: readonly ReliabilityBin[];
}

export interface BacktestResult {
  readonly settings: {
    readonly model: 'elastic-net';
    readonly alpha: number;
    readonly folds: number;
    readonly seed: number;
    readonly seedRule: string;
    readonly lambdaRule: LambdaRule;
    readonly predictors: readonly string[];
    readonly outcome: string;
    readonly trainingRule: string;
    readonly trainingYears: readonly [number, number];
    readonly scoredYears: readonly [number, number];
    readonly topK: number;
  };
  readonly refits: readonly RefitSummary[];
  readonly metrics: BacktestMetrics;
  readonly scored: readonly ScoredCountryYear[];
  /** Onsets whose better rank was worse than top-k, worst first. */
  readonly missedOnsets: readonly ScoredCountryYear[];
  readonly leftOut: { readonly withoutForecast: number; readonly onsetUnknown: number };
}

/** Runs the refits; the default runs them in this thread (`parallel/parallel-runs.ts` spreads them over worker threads). */
export type RefitRunner = (tasks: readonly RefitTask[]) => Promise<RefitOutcome[]>;

/**
 * The "fully out of sample" back-test of REFERENCE.md section 1: for each cutoff T, train on the
 * rows up to T (complete predictors, outcome observed), cross-validate lambda with folds drawn from
 * `deriveSeed(seed, T)`, and forecast from the rows of T + 2. Each candidate onset year Y is then
 * scored with the larger risk (`maxrisk2`) and better rank (`minrank2`) of the forecasts from Y - 1
 * and Y - 2. A refit that fails is reported and its forecasts are missing; the others go on.
 */
export async function runBacktest(
  table: CountryYearTable,
  options: BacktestOptions = EWP_BACKTEST,
  runRefits: RefitRunner = runRefitsInProcess,
): Promise<BacktestResult> {
  const lastDataYear = table.rows.reduce((m, r) => Math.max(m, r.year), -Infinity);
  const first = options.firstTrainingYear;
  const last = options.lastTrainingYear ?? lastDataYear - FORECAST_GAP - 1;
  if (!Number.isInteger(first) || !Number.isInteger(last) || last < first) {
    throw new TocsinError('invalid_input', `no training cutoffs: first ${first}, last ${last} (the data end in ${lastDataYear})`);
  }
  const cutoffs = Array.from({ length: last - first + 1 }, (_, k) => first + k);
  const plans = cutoffs.map((t) => {
    const train = trainingRows(table, t);
    const forecast = forecastRows(table, t + FORECAST_GAP);
    const foldSeed = deriveSeed(options.seed, t);
    return { t, train, forecast, foldSeed };
  });
  const runnable = plans.filter((p) => p.train.rows.length >= options.folds && p.forecast.rows.length > 0);
  const tasks: RefitTask[] = runnable.map((p) => ({
    trainedThrough: p.t,
    forecastYear: p.t + FORECAST_GAP,
    train: p.train.x,
    y: p.train.y,
    foldIds: assignFolds(p.train.rows.length, options.folds, p.foldSeed),
    forecast: p.forecast.x,
    alpha: options.alpha,
    lambdaRule: options.lambdaRule,
  }));
  const outcomes = new Map((await runRefits(tasks)).map((o) => [o.trainedThrough, o]));

  const forecasts: Forecast[] = [];
  const refits: RefitSummary[] = plans.map((p) => {
    const outcome = outcomes.get(p.t);
    const base = {
      trainedThrough: p.t,
      forecastYear: p.t + FORECAST_GAP,
      trainingRows: p.train.rows.length,
      positives: p.train.y.reduce((s, v) => s + v, 0),
      forecasts: outcome?.ok ? p.forecast.rows.length : 0,
      foldSeed: p.foldSeed,
    };
    if (!outcome?.ok) {
      const error = outcome
        ? outcome.error
        : `too few rows (${p.train.rows.length} to train, ${p.forecast.rows.length} to forecast from)`;
      return { ...base, lambda: null, lambdaIndex: null, pathLength: null, nonZero: null, error };
    }
    forecasts.push(
      ...rankForecasts(
        p.t + FORECAST_GAP,
        p.forecast.rows.map((r) => r.countryCode),
        outcome.risk,
      ),
    );
    const { lambda, lambdaIndex, pathLength, nonZero } = outcome;
    return { ...base, lambda, lambdaIndex, pathLength, nonZero, error: null };
  });

  const scoredYears = [first + FORECAST_GAP + 1, last + FORECAST_GAP + 1] as const;
  return {
    settings: {
      model: 'elastic-net',
      alpha: options.alpha,
      folds: options.folds,
      seed: options.seed,
      seedRule: 'folds of the refit trained through year T are drawn with seed deriveSeed(seed, T) (mulberry32)',
      lambdaRule: options.lambdaRule,
      predictors: table.columns.predictors,
      outcome: table.columns.outcome,
      trainingRule: `rows with year <= T, every predictor present and ${[table.columns.outcome, ...table.columns.outcomeWindow].join(', ')} observed (outcome NA counts as 0); forecasts from the complete rows of year T + ${FORECAST_GAP}`,
      trainingYears: [first, last],
      scoredYears,
      topK: options.topK,
    },
    refits,
    ...scoreForecasts(table.rows, forecasts, scoredYears, options.topK),
  };
}

/**
 * Scores the forecasts of a back-test against the onsets of the scored years: `maxrisk2` and
 * `minrank2` per country-year, then AUC, top-k recall, Brier and the reliability table. Shared by
 * the elastic-net back-test and any other model's (`model-backtest.ts`).
 */
export function scoreForecasts(
  rows: Parameters<typeof scoreOnsets>[0],
  forecasts: Parameters<typeof scoreOnsets>[1],
  [firstYear, lastYear]: readonly [number, number],
  topK: number,
) {
  const { scored, withoutForecast, onsetUnknown } = scoreOnsets(rows, forecasts, firstYear, lastYear);
  const risk = scored.map((s) => s.maxrisk2);
  const onset = scored.map((s) => s.onset);
  const recall = topKRecall(
    scored.map((s) => s.minrank2),
    onset,
    topK,
  );
  // Resampled by country: a country's years share its forecasts' errors, so they are not independent draws.
  const aucInterval = aucBootstrapInterval(
    risk,
    onset.map((o) => o === 1),
    { clusters: scored.map((s) => s.countryCode) },
  );
  return {
    metrics: {
      countryYears: scored.length,
      onsets: recall.onsets,
      auc: rocAuc(risk, onset),
      aucInterval: aucInterval && { low: aucInterval.low, high: aucInterval.high },
      hits: recall.hits,
      topKRecall: recall.recall,
      topKRecallInterval: wilsonInterval(recall.hits, recall.onsets),
      brier: brierScore(risk, onset),
      reliability: reliabilityTable(risk, onset, 10),
    },
    scored,
    missedOnsets: scored.filter((s) => s.onset === 1 && s.minrank2 > topK).sort((a, b) => b.minrank2 - a.minrank2),
    leftOut: { withoutForecast, onsetUnknown },
  };
}
