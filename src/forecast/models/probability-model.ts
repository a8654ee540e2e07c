import type { DesignMatrix } from '../elastic-net/design-matrix.js';

/** What a model sees when it is fitted: the training rows and what is known about them. */
export interface TrainingData {
  readonly x: DesignMatrix;
  /** 0/1 outcome of each row. */
  readonly y: Float64Array;
  /** The year of each row (for time splits inside the training window). */
  readonly years: Int32Array;
  /** Seed for anything random in the fit (folds, subsamples); the back-test derives it per cutoff. */
  readonly seed: number;
}

/** A fitted model: a probability per row of a matrix with the training predictors. */
export type Predictor = (x: DesignMatrix) => Float64Array;

/** A model the back-test can run: fit on the training rows of one cutoff, then predict. */
export interface ProbabilityModel {
  /** A short label that names the model and its fixed settings. */
  readonly name: string;
  fit(data: TrainingData): Promise<Predictor>;
}
