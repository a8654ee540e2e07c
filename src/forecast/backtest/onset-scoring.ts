import type { Iso3 } from '../../core/brand.js';
import type { CountryYear } from '../country-years/country-year.js';

/** A forecast made from one country-year's data. */
export interface Forecast {
  readonly countryCode: number;
  /** The year of the data the forecast was made from. */
  readonly fromYear: number;
  readonly risk: number;
  /** 1 = highest risk among that year's forecasts; tied risks share the better rank. */
  readonly rank: number;
}

/** A candidate onset year of a country, with the two forecasts that preceded it (EWP's FOOS columns). */
export interface ScoredCountryYear {
  readonly countryCode: number;
  readonly iso3: Iso3;
  readonly countryName: string;
  readonly year: number;
  readonly onset: 0 | 1;
  /** Forecast from the year before (`risk_prev`, `rank_prev`), null where there was none. */
  readonly riskPrev: number | null;
  readonly rankPrev: number | null;
  /** Forecast from two years before (`risk_two_years_prior`). */
  readonly riskTwoYearsPrior: number | null;
  readonly rankTwoYearsPrior: number | null;
  /** The larger risk and the better rank of the two. */
  readonly maxrisk2: number;
  readonly minrank2: number;
}

/** Ranks each year's forecasts (1 = highest risk; ties share the better rank). */
export function rankForecasts(fromYear: number, countryCodes: readonly number[], risks: ArrayLike<number>): Forecast[] {
  const sorted = Array.from(risks).sort((a, b) => b - a);
  const rankOf = (risk: number): number => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! > risk) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
  return countryCodes.map((countryCode, i) => ({ countryCode, fromYear, risk: risks[i]!, rank: rankOf(risks[i]!) }));
}

/** Country-years scored, and those left out for want of a forecast or an observed onset. */
export interface OnsetScoring {
  readonly scored: ScoredCountryYear[];
  readonly withoutForecast: number;
  readonly onsetUnknown: number;
}

/**
 * Joins forecasts to candidate onset years: for each row of `rows` in [firstYear, lastYear], the
 * forecasts made from the same country's data one and two years earlier; `maxrisk2` is the larger
 * risk, `minrank2` the better rank. Rows with neither forecast, or no observed onset, are counted,
 * not scored.
 */
export function scoreOnsets(
  rows: readonly CountryYear[],
  forecasts: readonly Forecast[],
  firstYear: number,
  lastYear: number,
): OnsetScoring {
  const byKey = new Map(forecasts.map((f) => [`${f.countryCode}:${f.fromYear}`, f]));
  const scored: ScoredCountryYear[] = [];
  let withoutForecast = 0;
  let onsetUnknown = 0;
  for (const row of rows) {
    if (row.year < firstYear || row.year > lastYear) continue;
    const prev = byKey.get(`${row.countryCode}:${row.year - 1}`);
    const two = byKey.get(`${row.countryCode}:${row.year - 2}`);
    if (!prev && !two) {
      withoutForecast++;
      continue;
    }
    if (row.onset === null) {
      onsetUnknown++;
      continue;
    }
    scored.push({
      countryCode: row.countryCode,
      iso3: row.iso3,
      countryName: row.countryName,
      year: row.year,
      onset: row.onset,
      riskPrev: prev?.risk ?? null,
      rankPrev: prev?.rank ?? null,
      riskTwoYearsPrior: two?.risk ?? null,
      rankTwoYearsPrior: two?.rank ?? null,
      maxrisk2: Math.max(prev?.risk ?? -Infinity, two?.risk ?? -Infinity),
      minrank2: Math.min(prev?.rank ?? Infinity, two?.rank ?? Infinity),
    });
  }
  return { scored, withoutForecast, onsetUnknown };
}
