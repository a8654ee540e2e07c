import type { Iso3, Sha256 } from '../../core/brand.js';
import type { Contribution } from './explain-forecast.js';
import type { CountryForecast, FittedForecastModel, ForecastModelSettings } from './fit-forecast-model.js';

/** The coefficients as stored: on the original scale, in predictor order. */
export interface StoredCoefficients {
  readonly intercept: number;
  readonly coefficients: readonly { readonly predictor: string; readonly value: number }[];
}

/** A fitted model and its forecasts, ready to store. */
export interface NewForecastModel {
  readonly name: string;
  readonly kind: 'elastic-net';
  readonly createdBy: number | null;
  readonly dataSha256: Sha256;
  readonly dataFile: string;
  readonly codeVersion: string;
  readonly settings: ForecastModelSettings;
  readonly coefficients: StoredCoefficients;
  readonly predictorMeans: readonly { readonly predictor: string; readonly mean: number }[];
  readonly backtest: Readonly<Record<string, unknown>> | null;
  readonly forecasts: readonly CountryForecast[];
}

/** A stored model without its coefficients: what a list shows. */
export interface ForecastModelSummary {
  readonly id: number;
  readonly name: string;
  readonly kind: 'elastic-net';
  readonly createdAt: string;
  readonly createdBy: string | null;
  readonly dataSha256: Sha256;
  readonly dataFile: string;
  readonly codeVersion: string;
  readonly settings: ForecastModelSettings;
  readonly backtest: Readonly<Record<string, unknown>> | null;
  /** Predictor years it holds forecasts for, latest first. */
  readonly years: readonly number[];
}

export interface ForecastModel extends ForecastModelSummary {
  readonly coefficients: StoredCoefficients;
  readonly predictorMeans: readonly { readonly predictor: string; readonly mean: number }[];
}

/** A country's place in one year's list. */
export interface RankedCountryForecast {
  readonly iso3: Iso3;
  readonly countryName: string;
  readonly probability: number;
  readonly rank: number;
  readonly previousProbability: number | null;
  readonly change: number | null;
}

/** One year's forecasts of a model, highest probability first. */
export interface ForecastList {
  readonly modelId: number;
  readonly modelName: string;
  /** The predictor year; the forecast is of an onset in year + 1 or year + 2. */
  readonly year: number;
  readonly forecasts: readonly RankedCountryForecast[];
}

/** One country's forecast with its explanation against the average country. */
export interface CountryForecastDetail extends RankedCountryForecast {
  readonly modelId: number;
  readonly modelName: string;
  readonly countryCode: number;
  readonly year: number;
  /** How many countries that year's list ranks. */
  readonly countries: number;
  readonly logOdds: number;
  readonly baselineLogOdds: number;
  readonly baselineProbability: number;
  readonly contributions: readonly Contribution[];
}

/** A fitted model in the stored shapes, with what it records about its origin. */
export function forecastModelToStore(
  fitted: FittedForecastModel,
  origin: Pick<NewForecastModel, 'name' | 'createdBy' | 'dataSha256' | 'dataFile' | 'codeVersion' | 'backtest'>,
): NewForecastModel {
  const { names, intercept, coefficients } = fitted.coefficients;
  return {
    ...origin,
    kind: fitted.kind,
    settings: fitted.settings,
    coefficients: { intercept, coefficients: names.map((predictor, j) => ({ predictor, value: coefficients[j]! })) },
    predictorMeans: names.map((predictor, j) => ({ predictor, mean: fitted.means[j]! })),
    forecasts: fitted.forecasts,
  };
}
