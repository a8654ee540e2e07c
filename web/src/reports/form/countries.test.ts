import { describe, expect, it } from 'vitest';
import { allCountries } from '../../../../src/countries/countries.js';
import { COUNTRY_CODES, countryOptions } from './countries.js';

describe('the intake form’s countries', () => {
  it('are the server’s table, alpha-3 with its alpha-2', () => {
    expect(COUNTRY_CODES.map(([iso3, iso2]) => `${iso3}:${iso2}`)).toEqual(allCountries().map((c) => `${c.iso3}:${c.iso2}`));
  });

  it('are named in the reader’s language and sorted in its order', () => {
    const french = countryOptions('fr');
    expect(french.find((c) => c.iso3 === 'CAF')?.name).toBe('République centrafricaine');
    expect(countryOptions('ar').find((c) => c.iso3 === 'CAF')?.name).toBe('جمهورية أفريقيا الوسطى');
    const names = french.map((c) => c.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('fr').compare));
    expect(names.indexOf('Égypte')).toBeLessThan(names.indexOf('Équateur'));
    expect(names.indexOf('Égypte')).toBeLessThan(names.indexOf('Fidji'));
  });
});
