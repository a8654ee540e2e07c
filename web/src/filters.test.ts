import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, filtersFromSearch, hasAnyFilter, toQueryParams } from './filters.js';

describe('toQueryParams', () => {
  it('leaves out the filters that are "any"', () => {
    expect(toQueryParams(EMPTY_FILTERS).toString()).toBe('');
  });

  it('sends the set filters under the API names', () => {
    const params = toQueryParams({
      ...EMPTY_FILTERS,
      country: 'CAF',
      from: '2020-01-01',
      category: 'one-sided',
      minFatalities: '5',
    });
    expect(params.toString()).toBe('country=CAF&from=2020-01-01&category=one-sided&minFatalities=5');
  });
});

describe('filtersFromSearch', () => {
  it('reads back what toQueryParams wrote', () => {
    const filters = {
      country: 'SDN',
      from: '2023-04-15',
      to: '2023-12-31',
      category: 'state-based',
      source: 'acled',
      minFatalities: '10',
    } as const;
    expect(filtersFromSearch(`?${toQueryParams(filters)}`)).toEqual(filters);
  });

  it('drops malformed and hostile values instead of sending them on', () => {
    const search = '?country=<script>&from=yesterday&to=2023-13&category=genocide&source=twitter&minFatalities=-1';
    expect(filtersFromSearch(search)).toEqual(EMPTY_FILTERS);
  });

  it('upper-cases a country code typed in lower case', () => {
    expect(filtersFromSearch('?country=caf').country).toBe('CAF');
  });
});

describe('hasAnyFilter', () => {
  it('is false only when every filter is "any"', () => {
    expect(hasAnyFilter(EMPTY_FILTERS)).toBe(false);
    expect(hasAnyFilter({ ...EMPTY_FILTERS, source: 'ucdp' })).toBe(true);
  });
});
