import { TocsinError } from '../../core/errors.js';

/** A fitted logistic model on the original scale: what an explanation needs of it. */
export interface LinearModel {
  readonly names: readonly string[];
  readonly intercept: number;
  readonly coefficients: ArrayLike<number>;
}

/** One predictor's share of a forecast. */
export interface Contribution {
  readonly predictor: string;
  readonly value: number;
  /** The predictor's mean over the training rows. */
  readonly mean: number;
  readonly coefficient: number;
  /** coefficient x (value - mean): log-odds added to (or taken from) the average country's. */
  readonly contribution: number;
}

/** A forecast taken apart, predictor by predictor. */
export interface ForecastExplanation {
  readonly logOdds: number;
  readonly probability: number;
  /** The model at the training means ("the average country"): intercept + sum of beta_j x mean_j. */
  readonly baselineLogOdds: number;
  readonly baselineProbability: number;
  /** Predictors with a non-zero coefficient, largest absolute contribution first. */
  readonly contributions: readonly Contribution[];
}

export const logistic = (eta: number): number => 1 / (1 + Math.exp(-eta));

/**
 * Explains one forecast against the average country: the log-odds are
 * baseline + sum_j beta_j (x_j - mean_j), where baseline = b0 + sum_j beta_j mean_j is the model's
 * log-odds at the training means. Each term beta_j (x_j - mean_j) is a predictor's contribution; the
 * terms add up exactly to logit(p) - logit(p at the means), which is why log-odds (not percentage
 * points, which do not add) are the unit. Predictors the model left out (beta_j = 0) contribute
 * nothing and are not listed.
 */
export function explainForecast(model: LinearModel, means: ArrayLike<number>, row: ArrayLike<number>): ForecastExplanation {
  const p = model.names.length;
  if (model.coefficients.length !== p || means.length !== p || row.length !== p) {
    throw new TocsinError(
      'invalid_input',
      `${p} predictors, but ${model.coefficients.length} coefficients, ${means.length} means and ${row.length} values`,
    );
  }
  let baselineLogOdds = model.intercept;
  let logOdds = model.intercept;
  const contributions: Contribution[] = [];
  for (let j = 0; j < p; j++) {
    const coefficient = model.coefficients[j]!;
    const value = row[j]!;
    const mean = means[j]!;
    if (!Number.isFinite(value)) throw new TocsinError('invalid_input', `${model.names[j]}: no value to forecast from`);
    baselineLogOdds += coefficient * mean;
    logOdds += coefficient * value;
    if (coefficient === 0) continue;
    contributions.push({ predictor: model.names[j]!, value, mean, coefficient, contribution: coefficient * (value - mean) });
  }
  contributions.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || a.predictor.localeCompare(b.predictor));
  return {
    logOdds,
    probability: logistic(logOdds),
    baselineLogOdds,
    baselineProbability: logistic(baselineLogOdds),
    contributions,
  };
}

/** Each predictor's mean over the rows of a column-major matrix (what "the average country" is). */
export function columnMeans(x: {
  readonly rows: number;
  readonly names: readonly string[];
  readonly values: Float64Array;
}): Float64Array {
  if (x.rows === 0) throw new TocsinError('invalid_input', 'no rows to average');
  const means = new Float64Array(x.names.length);
  for (let j = 0; j < x.names.length; j++) {
    let sum = 0;
    for (let i = 0; i < x.rows; i++) sum += x.values[j * x.rows + i]!;
    means[j] = sum / x.rows;
  }
  return means;
}
