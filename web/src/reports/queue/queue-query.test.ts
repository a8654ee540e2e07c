import { describe, expect, it } from 'vitest';
import { intakeUrl, queryFromSearch, searchOfQuery } from './queue-query.js';

describe('the queue query', () => {
  it('goes to the address and back', () => {
    const q = { status: 'triaged' as const, country: 'CAF' };
    expect(searchOfQuery(q)).toBe('?status=triaged&country=CAF');
    expect(queryFromSearch(new URLSearchParams(searchOfQuery(q)))).toEqual(q);
    expect(searchOfQuery({ status: '', country: '' })).toBe('');
  });

  it('shows all reports for an unknown status or a malformed country instead of failing', () => {
    expect(queryFromSearch(new URLSearchParams('status=lost&country=Central%20Africa'))).toEqual({ status: '', country: '' });
    expect(queryFromSearch(new URLSearchParams('country=caf'))).toEqual({ status: '', country: 'CAF' });
  });
});

describe('intakeUrl', () => {
  it('points at the intake page of this instance, token escaped', () => {
    expect(intakeUrl('https://tocsin.example', 'abc_DEF-12')).toBe('https://tocsin.example/intake/abc_DEF-12');
    expect(intakeUrl('http://127.0.0.1:8080', 'a/b')).toBe('http://127.0.0.1:8080/intake/a%2Fb');
  });
});
