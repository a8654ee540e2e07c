import type { IsoDate, Iso3 } from '../../core/brand.js';
import { VIOLENCE_CATEGORIES, type ViolenceCategory } from '../../events/violence-category.js';
import type { Frequency } from './periods.js';

/** The measures a series counts: corroborated incidents, and their fatalities (best estimates). */
export const MEASURES = ['incidents', 'fatalities'] as const;
export type Measure = (typeof MEASURES)[number];

/** The categories counted as violence in the combined `violence` series. */
export const VIOLENT_CATEGORIES: readonly ViolenceCategory[] = [
  'one-sided',
  'state-based',
  'non-state',
  'remote-violence',
  'riots',
];

/** A violence category, or `violence`: every violent category together. */
export const SERIES_CATEGORIES = [...VIOLENCE_CATEGORIES, 'violence'] as const;
export type SeriesCategory = (typeof SERIES_CATEGORIES)[number];

export const isSeriesCategory = (s: string): s is SeriesCategory => (SERIES_CATEGORIES as readonly string[]).includes(s);

/** The stored categories a series category sums. */
export const categoriesOf = (c: SeriesCategory): readonly ViolenceCategory[] => (c === 'violence' ? VIOLENT_CATEGORIES : [c]);

/** Which series: a country (or one of its admin1 regions) and a category. */
export interface SeriesKey {
  country: Iso3;
  /** null for the whole country. */
  admin1: string | null;
  category: SeriesCategory;
}

export interface Series {
  key: SeriesKey;
  incidents: Float64Array;
  fatalities: Float64Array;
}

/** Series on one shared, zero-filled timeline. */
export interface SeriesSet {
  frequency: Frequency;
  /** The first day of each period (Mondays, or firsts of month). */
  periods: IsoDate[];
  series: Series[];
}

export const seriesLabel = (k: SeriesKey): string => `${k.country}${k.admin1 ? `/${k.admin1}` : ''}/${k.category}`;
