import type { Contribution } from './api.js';

/** How many predictors the explanation shows before "show all". */
export const MAIN_PREDICTORS = 8;

/** Contributions smaller than this (in log-odds) do not move the forecast in any way a reader could see. */
const NEGLIGIBLE = 0.005;

/**
 * The predictors that move this forecast, strongest first (by absolute contribution), without
 * those the model left out (coefficient 0) or that sit at the average.
 */
export function rankContributions(contributions: readonly Contribution[]): Contribution[] {
  return contributions
    .filter((c) => Number.isFinite(c.contribution) && Math.abs(c.contribution) >= NEGLIGIBLE)
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || a.predictor.localeCompare(b.predictor));
}

/** Each bar's length as a share (0-1) of half the track, against the strongest contribution shown. */
export function barShares(shown: readonly Contribution[]): number[] {
  const largest = Math.max(0, ...shown.map((c) => Math.abs(c.contribution)));
  return shown.map((c) => (largest === 0 ? 0 : Math.abs(c.contribution) / largest));
}

/** Signed to two decimals with a true minus sign, e.g. "+0.84", "−0.31". */
export const signedLogOdds = (x: number, format: (n: number) => string): string => `${x >= 0 ? '+' : '−'}${format(Math.abs(x))}`;
