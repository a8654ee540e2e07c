import type { CountryYearTable } from '../country-years/country-year.js';
import { forecastRows, trainingRows } from '../country-years/training-set.js';
import type { ProbabilityModel } from '../models/probability-model.js';
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
  readonly metrics: BacktestMetrics;
  readonly scored: readonly ScoredCountryYear[];
  readonly missedOnsets: readonly ScoredCountryYear[];
  readonly leftOut: { readonly withoutForecast: number; readonly onsetUnknown: number };
}

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
): Promise<ModelBacktestResult> {
  const lastDataYear = table.rows.reduce((m, r) => Math.max(m, r.year), -Infinity);
  const first = options.firstTrainingYear;
  const last = options.lastTrainingYear ?? lastDataYear - FORECAST_GAP - 1;
  const forecasts: Forecast[] = [];
  for (let t = first; t <= last; t++) {
    const train = trainingRows(table, t);
    const forecast = forecastRows(table, t + FORECAST_GAP);
    if (train.rows.length === 0 || forecast.rows.length === 0) continue;
    const predict = await model.fit({
      x: train.x,
      y: train.y,
      years: Int32Array.from(train.rows, (r) => r.year),
      seed: deriveSeed(options.seed, t),
    });
    forecasts.push(
      ...rankForecasts(
        t + FORECAST_GAP,
        forecast.rows.map((r) => r.countryCode),
        predict(forecast.x),
      ),
    );
  }
  return {
    model: model.name,
    ...scoreForecasts(table.rows, forecasts, [first + FORECAST_GAP + 1, last + FORECAST_GAP + 1], options.topK),
  };
}
