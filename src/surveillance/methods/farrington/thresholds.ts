import { negativeBinomialQuantile, poissonQuantile } from '../distributions.js';

export type ThresholdMethod = 'delta' | 'nbPlugin' | 'muan';
export type PowerTransform = 'none' | '1/2' | '2/3';

/** The prediction at the current week, on the link scale. */
export interface Prediction {
  /** eta0 = log mu0. */
  eta: number;
  /** Standard error of eta0, scaled by the raw dispersion (as `predict.glm()` does by default). */
  seEta: number;
  /** Dispersion floored at 1. */
  phi: number;
}

/** Upper bound and Farrington score (alarm when score > 1) of one week. */
export interface Threshold {
  upper: number;
  score: number;
}

const DBL_EPSILON = 2.220446049250313e-16;

/**
 * Farrington et al. (1996) bound on a power scale (`algo.farrington.threshold.farrington`, R package
 * surveillance 1.20.3): tau = phi + se^2 / mu0, for the 2/3 power sd = sqrt(4/9 mu0^(1/3) tau),
 * U = (mu0^(2/3) + z sd)^(3/2). NaN where the bound does not exist (R's NA).
 */
export function deltaThreshold(pred: Prediction, z: number, power: PowerTransform, y: number): Threshold {
  const mu0 = Math.max(Math.exp(pred.eta), DBL_EPSILON);
  const se = pred.seEta * mu0; // delta method: se on the response scale
  const tau = pred.phi + (se * se) / mu0;
  let sd: number;
  let exponent: number;
  switch (power) {
    case 'none':
      sd = Math.sqrt(mu0 * tau);
      exponent = 1;
      break;
    case '1/2':
      sd = Math.sqrt((1 / 4) * tau);
      exponent = 1 / 2;
      break;
    case '2/3':
      sd = Math.sqrt((4 / 9) * Math.pow(mu0, 1 / 3) * tau);
      exponent = 2 / 3;
      break;
  }
  const center = Math.pow(mu0, exponent);
  const low = Math.pow(center - z * sd, 1 / exponent);
  const high = Math.pow(center + z * sd, 1 / exponent);
  // R: sort(c(low, high), na.last = FALSE)[2], the larger bound, or the only one that exists.
  const upper = Number.isNaN(low) ? high : Number.isNaN(high) ? low : Math.max(low, high);
  return { upper, score: (y - mu0) / (upper - mu0) };
}

/**
 * Noufaily et al. (2013) bounds (`algo.farrington.threshold.noufaily`): the (1 - alpha) quantile of
 * a negative binomial with mean mu and size mu / (phi - 1) (Poisson when phi <= 1), where mu is
 * exp(eta0) ("nbPlugin") or exp of the upper (1 - alpha) bound of eta0 ("muan"). The score compares y
 * with eta0 on the link scale, a quirk of the R code kept for identical alarms.
 */
export function quantileThreshold(pred: Prediction, method: 'nbPlugin' | 'muan', alpha: number, z: number, y: number): Threshold {
  const mu = method === 'nbPlugin' ? Math.exp(pred.eta) : Math.exp(pred.eta + pred.seEta * z);
  if (mu === Number.POSITIVE_INFINITY) return { upper: Number.NaN, score: Number.NaN };
  const upper =
    pred.phi > 1 ? negativeBinomialQuantile(1 - alpha, mu / (pred.phi - 1), 1 / pred.phi) : poissonQuantile(1 - alpha, mu);
  return { upper, score: (y - pred.eta) / (upper - pred.eta) };
}
