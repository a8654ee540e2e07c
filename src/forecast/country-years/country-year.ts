import type { Iso3 } from '../../core/brand.js';

/** Names of the columns a country-year predictor file is read by (the caller's choice; EWP's by default). */
export interface CountryYearColumns {
  /** Numeric country code in the Correlates of War style (EWP's `ccode`: Germany 255, Serbia 345). */
  readonly country: string;
  readonly countryName: string;
  readonly year: string;
  /** The modelled outcome, 0/1 (EWP: `mk_onset_1or2`, an onset in year t+1 or t+2); NA counts as 0. */
  readonly outcome: string;
  /**
   * Columns whose presence says the outcome was observable: a row with any of them NA (EWP:
   * `mk_onset_1`, `mk_onset_2` past a country's last year) is not used for training.
   */
  readonly outcomeWindow: readonly string[];
  /** Onset in the row's own year, 0/1 (EWP: `mk_onset`): what a back-test scores forecasts against. */
  readonly onset: string;
  readonly predictors: readonly string[];
}

/** One validated row of a country-year file. */
export interface CountryYear {
  /** 1-based line of the file the row starts on. */
  readonly line: number;
  readonly countryCode: number;
  /** Today's ISO alpha-3 of the country or its successor (East Germany 265 -> DEU). */
  readonly iso3: Iso3;
  readonly countryName: string;
  readonly year: number;
  /** The outcome, NA counted as 0. */
  readonly outcome: 0 | 1;
  /** False when an outcome-window cell is NA: the outcome was never observed. */
  readonly outcomeObserved: boolean;
  readonly onset: 0 | 1 | null;
  /** Predictor values in the order of `columns.predictors`; NaN where the file says NA. */
  readonly predictors: Float64Array;
  /** Every predictor present. */
  readonly complete: boolean;
}

/** A parsed file: its rows in file order and the column names they were read by. */
export interface CountryYearTable {
  readonly columns: CountryYearColumns;
  readonly rows: readonly CountryYear[];
}

/** A bad cell (or header, or record), with where and why. */
export interface CellProblem {
  readonly line: number;
  readonly column: string | null;
  readonly value: string | null;
  readonly reason: string;
}
