import type { Iso3 } from '../../core/brand.js';
import { TocsinError } from '../../core/errors.js';
import { EWP_BACKTEST, FORECAST_GAP } from '../backtest/backtest.js';
import type { CountryYearTable } from '../country-years/country-year.js';
import { forecastRows, trainingRows } from '../country-years/training-set.js';
import { coefficientsAt, fitElasticNetAt, type ElasticNetCoefficients } from '../elastic-net/coefficients-at.js';
import { crossValidateElasticNet, type LambdaRule } from '../elastic-net/cross-validate.js';
import { assignFolds } from '../elastic-net/folds.js';
import { deriveSeed } from '../../core/seeded-random.js';
import { columnMeans, explainForecast } from './explain-forecast.js';
import { rankForecasts } from './rank-forecasts.js';

/** How to fit a model for forecasting. */
export interface FitForecastOptions {
  readonly alpha: number;
  readonly folds: number;
  readonly seed: number;
  readonly lambdaRule: LambdaRule;
  /** A fixed lambda (no cross-validation), e.g. EWP's published 0.002586428948318162. */
  readonly lambda?: number;
  /** The year whose predictors are forecast from (default: the file's last year). */
  readonly forecastYear?: number;
  /** Training rows up to this year (default: forecast year - 2, so the outcome window is observed). */
  readonly lastTrainingYear?: number;
}

export const DEFAULT_FIT: FitForecastOptions = Object.freeze({
  alpha: EWP_BACKTEST.alpha,
  folds: EWP_BACKTEST.folds,
  seed: EWP_BACKTEST.seed,
  lambdaRule: EWP_BACKTEST.lambdaRule,
});

/** What a stored model records about how it was fitted. */
export interface ForecastModelSettings {
  readonly alpha: number;
  /** 'fixed' when lambda was given; then folds and seed were not used. */
  readonly lambdaRule: LambdaRule | 'fixed';
  readonly lambda: number;
  readonly folds: number | null;
  readonly seed: number | null;
  /** The seed the folds were drawn with: deriveSeed(seed, last training year), as in the back-test's refit. */
  readonly foldSeed: number | null;
  readonly outcome: string;
  readonly predictors: readonly string[];
  readonly trainingRule: string;
  readonly lastTrainingYear: number;
  readonly trainingRows: number;
  readonly positives: number;
  readonly forecastYear: number;
}

/** One country's forecast as stored: its rank, change since the year before, and explanation. */
export interface CountryForecast {
  readonly iso3: Iso3;
  readonly countryCode: number;
  readonly countryName: string;
  /** The predictor year: 2024 forecasts an onset in 2025 or 2026. */
  readonly year: number;
  readonly probability: number;
  readonly rank: number;
  readonly previousProbability: number | null;
  readonly change: number | null;
  readonly predictorValues: Readonly<Record<string, number>>;
  /** beta_j (x_j - mean_j) for each predictor with a non-zero coefficient. */
  readonly contributions: Readonly<Record<string, number>>;
}

export interface FittedForecastModel {
  readonly kind: 'elastic-net';
  readonly settings: ForecastModelSettings;
  readonly coefficients: ElasticNetCoefficients;
  /** Each predictor's mean over the training rows, in predictor order. */
  readonly means: Float64Array;
  /** The forecast year's forecasts, then the year before's (each ranked within its year). */
  readonly forecasts: readonly CountryForecast[];
}

/**
 * Fits the elastic net for forecasting (pure): trains on the rows up to the last training year
 * (the back-test's rule), chooses lambda by k-fold CV unless one is given, and forecasts from the
 * complete rows of the forecast year and of the year before (for the change since last year),
 * each ranked and explained against the average training country.
 */
export function fitForecastModel(table: CountryYearTable, options: FitForecastOptions = DEFAULT_FIT): FittedForecastModel {
  const lastYear = table.rows.reduce((m, r) => Math.max(m, r.year), -Infinity);
  const forecastYear = options.forecastYear ?? lastYear;
  const lastTrainingYear = options.lastTrainingYear ?? forecastYear - FORECAST_GAP;
  const train = trainingRows(table, lastTrainingYear);
  const positives = train.y.reduce((s, v) => s + v, 0);
  if (train.rows.length === 0 || positives === 0) {
    throw new TocsinError(
      'invalid_input',
      `no model can be trained on the rows up to ${lastTrainingYear}: ${train.rows.length} complete rows with their outcome observed, ${positives} with ${table.columns.outcome} = 1`,
    );
  }
  const current = forecastRows(table, forecastYear);
  if (current.rows.length === 0) {
    throw new TocsinError('invalid_input', `no row of ${forecastYear} has every predictor: nothing to forecast from`);
  }
  let coefficients: ElasticNetCoefficients;
  let foldSeed: number | null = null;
  if (options.lambda !== undefined) {
    coefficients = fitElasticNetAt(train.x, train.y, options.lambda, { alpha: options.alpha });
  } else {
    foldSeed = deriveSeed(options.seed, lastTrainingYear);
    const cv = crossValidateElasticNet(train.x, train.y, assignFolds(train.rows.length, options.folds, foldSeed), {
      alpha: options.alpha,
    });
    coefficients = coefficientsAt(cv.path, options.lambdaRule === 'lambda.min' ? cv.lambdaMin : cv.lambda1se);
  }
  const means = columnMeans(train.x);
  const forecastsOf = (year: number, previous: ReadonlyMap<Iso3, number>): CountryForecast[] => {
    const rows = forecastRows(table, year).rows;
    const seen = new Map<Iso3, number>();
    const unranked = rows.map((row) => {
      const other = seen.get(row.iso3);
      if (other !== undefined) {
        throw new TocsinError(
          'invalid_input',
          `lines ${other} and ${row.line}: two units of ${year} belong to ${row.iso3}; forecasts are kept per country`,
        );
      }
      seen.set(row.iso3, row.line);
      const e = explainForecast(coefficients, means, row.predictors);
      return {
        iso3: row.iso3,
        countryCode: row.countryCode,
        countryName: row.countryName,
        year,
        probability: e.probability,
        predictorValues: Object.fromEntries(table.columns.predictors.map((name, j) => [name, row.predictors[j]!])),
        contributions: Object.fromEntries(e.contributions.map((c) => [c.predictor, c.contribution])),
      };
    });
    return rankForecasts(unranked, previous);
  };
  const before = forecastsOf(forecastYear - 1, new Map());
  const now = forecastsOf(forecastYear, new Map(before.map((f) => [f.iso3, f.probability])));
  const cvUsed = options.lambda === undefined;
  return {
    kind: 'elastic-net',
    settings: {
      alpha: options.alpha,
      lambdaRule: cvUsed ? options.lambdaRule : 'fixed',
      lambda: coefficients.lambda,
      folds: cvUsed ? options.folds : null,
      seed: cvUsed ? options.seed : null,
      foldSeed,
      outcome: table.columns.outcome,
      predictors: table.columns.predictors,
      trainingRule: `rows with year <= ${lastTrainingYear}, every predictor present and ${[table.columns.outcome, ...table.columns.outcomeWindow].join(', ')} observed (outcome NA counts as 0)`,
      lastTrainingYear,
      trainingRows: train.rows.length,
      positives,
      forecastYear,
    },
    coefficients,
    means,
    forecasts: [...now, ...before],
  };
}
