import type { CountryYearTable } from '../country-years/country-year.js';
import { forecastRows, trainingRows } from '../country-years/training-set.js';
import type { DesignMatrix } from '../elastic-net/design-matrix.js';
import type { ProbabilityModel, TrainingData } from '../models/probability-model.js';
import { deriveSeed } from '../../core/seeded-random.js';
import { EWP_BACKTEST, FORECAST_GAP, scoreForecasts, type BacktestMetrics } from './backtest.js';
import { rankForecasts, type Forecast, type ScoredCountryYear } from './onset-scoring.js';

export interface ModelBacktestOptions {
  readonly seed: number;
  readonly firstTrainingYear: number;
  readonly lastTrainingYear?: number;
  readonly topK: number;
}

export interface ModelBacktestResult {
  readonly model: string;
  /** First and last training cutoff. */
  readonly trainingYears: readonly [number, number];
  /** Years whose onsets were scored. */
  readonly scoredYears: readonly [number, number];
  readonly metrics: BacktestMetrics;
  readonly scored: readonly ScoredCountryYear[];
  readonly missedOnsets: readonly ScoredCountryYear[];
  readonly leftOut: { readonly withoutForecast: number; readonly onsetUnknown: number };
}

/** One refit of a model back-test: fit on the training rows up to a cutoff, forecast from the rows of cutoff + 2. */
export interface ModelRefitTask {
  readonly lastTrainingYear: number;
  readonly train: TrainingData;
  readonly forecastX: DesignMatrix;
}

/** Runs the refits (in this thread, or spread over worker threads) and returns each one's forecasts. */
export type ModelRefitRunner = (tasks: readonly ModelRefitTask[]) => Promise<Float64Array[]>;

/** The refits one after the other in this thread. */
export const refitsInProcess =
  (model: ProbabilityModel): ModelRefitRunner =>
  async (tasks) => {
    const risks: Float64Array[] = [];
    for (const task of tasks) risks.push((await model.fit(task.train))(task.forecastX));
    return risks;
  };

/**
 * `runBacktest`'s protocol for any `ProbabilityModel`: for each cutoff T, fit on the training rows
 * up to T (seed `deriveSeed(seed, T)`, as the elastic net's folds), forecast from the rows of T + 2,
 * then score `maxrisk2` / `minrank2` against onsets exactly as `runBacktest` does. A model that
 * tunes itself may only split the training rows it is given; the scored years are never seen.
 */
export async function runModelBacktest(
  table: CountryYearTable,
  model: ProbabilityModel,
  options: ModelBacktestOptions = EWP_BACKTEST,
  runner: ModelRefitRunner = refitsInProcess(model),
): Promise<ModelBacktestResult> {
  const lastDataYear = table.rows.reduce((m, r) => Math.max(m, r.year), -Infinity);
  const first = options.firstTrainingYear;
  const last = options.lastTrainingYear ?? lastDataYear - FORECAST_GAP - 1;
  const tasks: ModelRefitTask[] = [];
  const countryCodes: number[][] = [];
  for (let t = first; t <= last; t++) {
    const train = trainingRows(table, t);
    const forecast = forecastRows(table, t + FORECAST_GAP);
    if (train.rows.length === 0 || forecast.rows.length === 0) continue;
    tasks.push({
      lastTrainingYear: t,
      train: { x: train.x, y: train.y, years: Int32Array.from(train.rows, (r) => r.year), seed: deriveSeed(options.seed, t) },
      forecastX: forecast.x,
    });
    countryCodes.push(forecast.rows.map((r) => r.countryCode));
  }
  const risks = await runner(tasks);
  const forecasts: Forecast[] = tasks.flatMap((task, i) =>
    rankForecasts(task.lastTrainingYear + FORECAST_GAP, countryCodes[i]!, risks[i]!),
  );
  const scoredYears = [first + FORECAST_GAP + 1, last + FORECAST_GAP + 1] as const;
  return {
    model: model.name,
    trainingYears: [first, last],
    scoredYears,
    ...scoreForecasts(table.rows, forecasts, scoredYears, options.topK),
  };
}
