import { EVENT_SOURCES, VIOLENCE_CATEGORIES, type EventSource, type ViolenceCategory } from './api-schemas.js';

/** The events view's filters; an empty string means "any". Kept in the page URL so a view can be shared. */
export interface EventFilters {
  country: string;
  from: string;
  to: string;
  category: ViolenceCategory | '';
  source: EventSource | '';
  minFatalities: string;
}

export const EMPTY_FILTERS: EventFilters = {
  country: '',
  from: '',
  to: '',
  category: '',
  source: '',
  minFatalities: '',
};

const FILTER_KEYS = Object.keys(EMPTY_FILTERS) as (keyof EventFilters)[];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO3 = /^[A-Z]{3}$/;

const isOneOf = <T extends string>(list: readonly T[], s: string): s is T => (list as readonly string[]).includes(s);

/** The API query parameters for `filters`, leaving out the ones that are "any". */
export function toQueryParams(filters: EventFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key].trim();
    if (value !== '') params.set(key, value);
  }
  return params;
}

/** Reads filters from a URL query string, dropping any value that is not well formed. */
export function filtersFromSearch(search: string): EventFilters {
  const params = new URLSearchParams(search);
  const get = (key: keyof EventFilters): string => params.get(key)?.trim() ?? '';
  const country = get('country').toUpperCase();
  const category = get('category');
  const source = get('source');
  const minFatalities = get('minFatalities');
  return {
    country: ISO3.test(country) ? country : '',
    from: ISO_DATE.test(get('from')) ? get('from') : '',
    to: ISO_DATE.test(get('to')) ? get('to') : '',
    category: isOneOf(VIOLENCE_CATEGORIES, category) ? category : '',
    source: isOneOf(EVENT_SOURCES, source) ? source : '',
    minFatalities: /^\d{1,7}$/.test(minFatalities) ? minFatalities : '',
  };
}

export const hasAnyFilter = (filters: EventFilters): boolean => FILTER_KEYS.some((key) => filters[key] !== '');
