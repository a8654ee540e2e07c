import { incompleteBeta, logGamma } from './special-functions.js';

const DBL_EPSILON = 2.220446049250313e-16;
/** Above this mean the search starts 38 standard deviations below it, where the mass left out is < 1e-300. */
const FAR_START_MEAN = 1e4;

/**
 * Two-sided p-value of a Student t statistic with `df` degrees of freedom, 2 P(T > |t|): what R's
 * `summary.glm()` reports for a coefficient of a quasi-Poisson fit (the dispersion is estimated).
 */
export function studentTwoSidedPValue(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return Number.NaN;
  const t2 = t * t;
  if (!Number.isFinite(t2)) return 0;
  // 2 P(T > |t|) = I_{df / (df + t^2)}(df / 2, 1 / 2) = 1 - I_{t^2 / (df + t^2)}(1 / 2, df / 2).
  return df > t2 ? 1 - incompleteBeta(t2 / (df + t2), 0.5, df / 2) : incompleteBeta(df / (df + t2), df / 2, 0.5);
}

/**
 * Smallest y >= 0 with P(Y <= y) >= p for a unimodal count distribution, summing the probability
 * mass from `start` upward (pmf(start) = exp(logPmfStart), pmf(j + 1) = pmf(j) * ratio(j)). Sums are
 * kept on a running scale so that neither tiny nor huge means under- or overflow.
 * Like R's discrete quantiles (`qpois`, `qnbinom`), p is first fuzzed by (1 - 64 eps) for left continuity.
 */
function searchQuantile(p: number, start: number, logPmfStart: number, ratio: (j: number) => number): number {
  const target = p * (1 - 64 * DBL_EPSILON);
  let logScale = logPmfStart; // real value = scaled value * exp(logScale)
  let scaleFactor = Math.exp(logScale);
  let term = 1;
  let cumulative = 1;
  for (let j = start; ; j++) {
    if (cumulative * scaleFactor >= target) return j;
    term *= ratio(j);
    if (term === 0) return j + 1; // the mass above j is below double precision; unreachable for p < 1
    cumulative += term;
    if (term > 1e250) {
      cumulative /= term;
      logScale += Math.log(term);
      scaleFactor = Math.exp(logScale);
      term = 1;
    }
  }
}

/** Quantile of the Poisson distribution with mean `lambda`, as R's `qpois(p, lambda)` (lower tail). */
export function poissonQuantile(p: number, lambda: number): number {
  if (Number.isNaN(p) || Number.isNaN(lambda) || lambda < 0 || p < 0 || p > 1) return Number.NaN;
  if (lambda === 0 || p === 0) return 0;
  if (p + 1.01 * DBL_EPSILON >= 1) return Number.POSITIVE_INFINITY;
  if (!Number.isFinite(lambda)) return Number.POSITIVE_INFINITY;
  const start = lambda > FAR_START_MEAN ? Math.floor(lambda - 38 * Math.sqrt(lambda)) : 0;
  const logPmfStart = start * Math.log(lambda) - lambda - logGamma(start + 1);
  return searchQuantile(p, start, logPmfStart, (j) => lambda / (j + 1));
}

/**
 * Quantile of the negative binomial distribution with `size` and success probability `prob`
 * (mean size (1 - prob) / prob), as R's `qnbinom(p, size, prob)` (lower tail).
 */
export function negativeBinomialQuantile(p: number, size: number, prob: number): number {
  if ([p, size, prob].some(Number.isNaN) || prob <= 0 || prob > 1 || size < 0 || p < 0 || p > 1) return Number.NaN;
  if (prob === 1 || size === 0 || p === 0) return 0;
  if (p + 1.01 * DBL_EPSILON >= 1) return Number.POSITIVE_INFINITY;
  if (!Number.isFinite(size)) return Number.NaN;
  const q = 1 - prob;
  const mean = (size * q) / prob;
  const sd = Math.sqrt(mean / prob);
  const start = mean > FAR_START_MEAN ? Math.max(0, Math.floor(mean - 38 * sd)) : 0;
  const logPmfStart =
    start === 0
      ? size * Math.log1p(-q)
      : logGamma(size + start) - logGamma(size) - logGamma(start + 1) + size * Math.log1p(-q) + start * Math.log(q);
  return searchQuantile(p, start, logPmfStart, (j) => ((size + j) / (j + 1)) * q);
}
