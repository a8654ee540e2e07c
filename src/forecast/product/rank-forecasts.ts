import type { Iso3 } from '../../core/brand.js';
import { rankForecasts as rankByRisk } from '../backtest/onset-scoring.js';

/** A country's forecast from one year's predictors, before ranking. */
export interface UnrankedForecast {
  readonly iso3: Iso3;
  readonly probability: number;
}

/** A forecast with its place in the year's list and its change since the year before. */
export type RankedForecast<F extends UnrankedForecast> = F & {
  /** 1 = highest probability of the year; tied probabilities share the better rank. */
  readonly rank: number;
  /** The same model's forecast for the country from the year before, null when it had no such row. */
  readonly previousProbability: number | null;
  /** probability - previousProbability (in probability, not percentage points), null without a previous forecast. */
  readonly change: number | null;
};

/**
 * Ranks one year's forecasts (1 = highest probability; ties share the better rank, as in the
 * back-test) and sets each country's change since the forecast from its year-before row
 * (`previous`, by country), highest probability first.
 */
export function rankForecasts<F extends UnrankedForecast>(
  forecasts: readonly F[],
  previous: ReadonlyMap<Iso3, number>,
): RankedForecast<F>[] {
  const ranks = rankByRisk(
    0,
    forecasts.map((_, i) => i),
    forecasts.map((f) => f.probability),
  );
  return forecasts
    .map((f, i) => {
      const before = previous.get(f.iso3) ?? null;
      return {
        ...f,
        rank: ranks[i]!.rank,
        previousProbability: before,
        change: before === null ? null : f.probability - before,
      };
    })
    .sort((a, b) => a.rank - b.rank || a.iso3.localeCompare(b.iso3));
}
