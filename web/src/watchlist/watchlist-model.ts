import type { Level } from '../assessments/vocabulary.js';
import { LEVELS } from '../assessments/vocabulary.js';
import type { WatchlistCountry } from './api.js';

/** What the map is coloured by. */
export const COLOUR_MODES = ['level', 'forecast'] as const;
export type ColourMode = (typeof COLOUR_MODES)[number];

/** How the list is ordered: highest forecast, highest level, or most violence against civilians in the trend. */
export const SORT_KEYS = ['forecast', 'level', 'violence'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** A country the map has no figure for (no published assessment, or no forecast). */
export const NO_DATA_COLOUR = '#f4f2ec';

/** Levels from the lowest to the highest, light to dark; each also named in the legend and the list. */
export const LEVEL_COLOURS: Readonly<Record<Level, string>> = {
  'no-current-concern': '#d9ead3',
  monitoring: '#f6e27a',
  'serious-concern': '#f29e4c',
  'imminent-risk': '#d7301f',
  'current-crisis': '#7f0000',
};

/**
 * Forecast bins: lower bounds of each probability band (ColorBrewer BuPu, 5 classes). Most
 * countries sit well under 1%; the highest EWP risks are near 10%, so the bands are not equal.
 */
export const FORECAST_BINS: readonly { from: number; colour: string }[] = [
  { from: 0, colour: '#edf8fb' },
  { from: 0.005, colour: '#b3cde3' },
  { from: 0.01, colour: '#8c96c6' },
  { from: 0.02, colour: '#8856a7' },
  { from: 0.05, colour: '#810f7c' },
];

/** The band a probability falls in (index into FORECAST_BINS). */
export function forecastBin(probability: number): number {
  let bin = 0;
  FORECAST_BINS.forEach((b, i) => {
    if (probability >= b.from) bin = i;
  });
  return bin;
}

/** The fill of a country on the map in the given mode. */
export function colourOf(country: WatchlistCountry, mode: ColourMode): string {
  if (mode === 'level') return country.assessment ? LEVEL_COLOURS[country.assessment.level] : NO_DATA_COLOUR;
  return country.forecast ? FORECAST_BINS[forecastBin(country.forecast.probability)]!.colour : NO_DATA_COLOUR;
}

/** Incidents of violence against civilians over the whole trend. */
export const trendTotal = (trend: readonly number[]): number => trend.reduce((sum, n) => sum + n, 0);

/** Places gained since the year before (positive: moved up towards rank 1), or null without a previous rank. */
export const rankGain = (forecast: WatchlistCountry['forecast']): number | null =>
  forecast?.previousRank == null ? null : forecast.previousRank - forecast.rank;

const levelOrder = (c: WatchlistCountry): number => (c.assessment ? LEVELS.indexOf(c.assessment.level) : -1);
const forecastOrder = (c: WatchlistCountry): number => c.forecast?.rank ?? Number.POSITIVE_INFINITY;

/** The list in the chosen order; ties fall back to the forecast rank, then the name. Never sorts in place. */
export function sortCountries(countries: readonly WatchlistCountry[], key: SortKey, locale: string): WatchlistCountry[] {
  const byName = (a: WatchlistCountry, b: WatchlistCountry) => a.name.localeCompare(b.name, locale);
  const byForecast = (a: WatchlistCountry, b: WatchlistCountry) => forecastOrder(a) - forecastOrder(b) || byName(a, b);
  const compare = {
    forecast: byForecast,
    level: (a: WatchlistCountry, b: WatchlistCountry) => levelOrder(b) - levelOrder(a) || byForecast(a, b),
    violence: (a: WatchlistCountry, b: WatchlistCountry) => trendTotal(b.trend) - trendTotal(a.trend) || byForecast(a, b),
  }[key];
  return [...countries].sort(compare);
}

/** The regions present, in alphabetical order, for the filter. */
export const regionsOf = (countries: readonly WatchlistCountry[]): string[] =>
  [...new Set(countries.map((c) => c.region).filter((r): r is string => r !== null))].sort();

/** The countries of a region ('' for all). */
export const inRegion = (countries: readonly WatchlistCountry[], region: string): WatchlistCountry[] =>
  region === '' ? [...countries] : countries.filter((c) => c.region === region);

/** Reads a value from the address, falling back to the first allowed one. */
export const oneOf = <T extends string>(allowed: readonly T[], value: string | null): T =>
  allowed.find((a) => a === value) ?? allowed[0]!;

/**
 * The polyline points of a sparkline `width` x `height` (SVG coordinates, y down), scaled to the
 * trend's own peak; a flat zero line sits on the bottom edge.
 */
export function sparklinePoints(trend: readonly number[], width: number, height: number): string {
  const peak = Math.max(1, ...trend);
  const step = trend.length > 1 ? width / (trend.length - 1) : 0;
  const round = (n: number) => Math.round(n * 100) / 100;
  return trend.map((n, i) => `${round(i * step)},${round(height - (n / peak) * height)}`).join(' ');
}

/** The colouring to start with: levels when any country has a published assessment, else the forecast. */
export const defaultColourMode = (countries: readonly WatchlistCountry[]): ColourMode =>
  countries.some((c) => c.assessment !== null) ? 'level' : 'forecast';

/** A change of probability in percentage points, signed, one decimal ("+0.8", "−1.2", "0.0"). */
export const signedPoints = (change: number, locale: string): string =>
  new Intl.NumberFormat(locale, { signDisplay: 'exceptZero', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    change * 100,
  );
