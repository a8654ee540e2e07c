/**
 * Internal constants of glmnet, as `glmnet.control()` reports them in glmnet 4.1-6 (R), and the
 * defaults of `glmnet()` that the Early Warning Project relies on.
 */
export const GLMNET_CONTROL = {
  /** Path stops when the deviance ratio gains less than this between two lambdas (`fdev`). */
  fdev: 1e-5,
  /** Path stops when the deviance ratio exceeds this (`devmax`). */
  devmax: 0.999,
  /** Smallest lambda.min.ratio honoured (`eps`). */
  eps: 1e-6,
  /** Stand-in for an infinite first lambda (`big`). */
  big: 9.9e35,
  /** The stopping rules apply only from this many lambdas on (`mnlam`). */
  mnlam: 5,
  /** Probabilities are kept within [pmin, 1 - pmin] (`pmin`). */
  pmin: 1e-9,
} as const;

/** Defaults of `glmnet()` for the binomial family. */
export const GLMNET_DEFAULTS = {
  nLambda: 100,
  /** lambda.min.ratio when there are more observations than predictors; 1e-2 otherwise. */
  minRatioTall: 1e-4,
  minRatioWide: 1e-2,
  /** Convergence threshold, multiplied by the null deviance per observation inside lognet. */
  thresh: 1e-7,
  maxPasses: 100_000,
} as const;
