import { designMatrixFromRows, type DesignMatrix } from '../elastic-net/design-matrix.js';
import type { CountryYear, CountryYearTable } from './country-year.js';

/** Rows chosen for a model, their predictor matrix and (for training) their outcomes. */
export interface ModelRows {
  readonly rows: readonly CountryYear[];
  readonly x: DesignMatrix;
  readonly y: Float64Array;
}

/** Why rows up to a year were left out of training. */
export interface TrainingExclusions {
  readonly incompletePredictors: number;
  readonly outcomeUnobserved: number;
}

/**
 * A row trains a model fitted with data up to `lastYear` when it is of that year or earlier, has
 * every predictor, and its outcome window was observed. EWP's script drops every row with an NA in
 * any column it keeps, which beyond the predictor gaps removes Czechoslovakia 1991-92 (no
 * `mk_onset_2`: the country ended in 1992); this rule says the same thing explicitly and gives its
 * 8,970 training rows for 2022.
 */
export const isTrainingRow = (row: CountryYear, lastYear: number): boolean =>
  row.year <= lastYear && row.complete && row.outcomeObserved;

/** The training rows for data up to `lastYear` (see `isTrainingRow`), in file order. */
export function trainingRows(table: CountryYearTable, lastYear: number): ModelRows {
  return modelRows(table, (row) => isTrainingRow(row, lastYear));
}

/** Counts of rows up to `lastYear` left out, by reason (a row missing both counts as incomplete). */
export function trainingExclusions(table: CountryYearTable, lastYear: number): TrainingExclusions {
  let incompletePredictors = 0;
  let outcomeUnobserved = 0;
  for (const row of table.rows) {
    if (row.year > lastYear) continue;
    if (!row.complete) incompletePredictors++;
    else if (!row.outcomeObserved) outcomeUnobserved++;
  }
  return { incompletePredictors, outcomeUnobserved };
}

/** The rows of one year with every predictor: what a model forecasts from. */
export function forecastRows(table: CountryYearTable, year: number): ModelRows {
  return modelRows(table, (row) => row.year === year && row.complete);
}

function modelRows(table: CountryYearTable, keep: (row: CountryYear) => boolean): ModelRows {
  const rows = table.rows.filter(keep);
  return {
    rows,
    x: designMatrixFromRows(
      table.columns.predictors,
      rows.map((r) => r.predictors),
    ),
    y: Float64Array.from(rows, (r) => r.outcome),
  };
}
