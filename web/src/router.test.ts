import { describe, expect, it } from 'vitest';
import { matchPath } from './router.js';

describe('matchPath', () => {
  it('matches fixed paths and captures parameters', () => {
    expect(matchPath('/signals', '/signals')).toEqual({});
    expect(matchPath('/countries/:iso3', '/countries/SDN')).toEqual({ iso3: 'SDN' });
    expect(matchPath('/countries/:iso3', '/countries/SDN?tab=events')).toEqual({ iso3: 'SDN' });
    expect(matchPath('/intake/:token', '/intake/a%2Fb')).toEqual({ token: 'a/b' });
  });

  it('refuses other shapes and bad escapes', () => {
    expect(matchPath('/countries/:iso3', '/countries')).toBeNull();
    expect(matchPath('/countries/:iso3', '/countries/SDN/events')).toBeNull();
    expect(matchPath('/signals', '/warnings')).toBeNull();
    expect(matchPath('/intake/:token', '/intake/%E0%A4%A')).toBeNull();
  });

  it('treats a trailing slash as the same path', () => {
    expect(matchPath('/watchlist', '/watchlist/')).toEqual({});
  });
});
