import type { DatePrecision, LocationPrecision } from '../../events/event.js';
import type { ViolenceCategory } from '../../events/violence-category.js';

/** UCDP `type_of_violence` -> Tocsin category (UCDP GED codebook). */
export const UCDP_CATEGORIES: Readonly<Record<string, { category: ViolenceCategory; label: string }>> = {
  '1': { category: 'state-based', label: 'state-based armed conflict' },
  '2': { category: 'non-state', label: 'non-state conflict' },
  '3': { category: 'one-sided', label: 'one-sided violence' },
};

/** UCDP `date_prec`: 1 exact day, 2 within 2-6 days, 3 the week, 4 8-30 days or the month, 5 the year or longer. */
export const UCDP_DATE_PRECISION: Readonly<Record<string, DatePrecision>> = {
  '1': 'day',
  '2': 'days',
  '3': 'week',
  '4': 'month',
  '5': 'year',
};

/**
 * UCDP `where_prec`: 1 exact place, 2 within about 25 km, 3 second-order admin unit,
 * 4 first-order admin unit, 5 a larger part of a country or a linear feature, 6 only the country
 * (coordinates are a centroid), 7 international waters or airspace.
 */
export const UCDP_LOCATION_PRECISION: Readonly<Record<string, LocationPrecision>> = {
  '1': 'exact',
  '2': 'near',
  '3': 'admin2',
  '4': 'admin1',
  '5': 'region',
  '6': 'country',
  '7': 'international',
};
