import { describe, expect, it } from 'vitest';
import { readPost } from './speech-post.js';
import { withoutAuthorJson } from './read-posts.js';

const good = {
  id: 'p-1',
  text: 'a constructed post about the weather',
  language: 'EN',
  time: '2026-03-01T10:15:00+01:00',
  platform: 'Forum',
  url: 'https://forum.example/p/1',
  country: 'caf',
  author: '@someone',
};

describe('readPost', () => {
  it('reads a post, normalising language, time (UTC), platform and country', () => {
    const r = readPost(good);
    expect(r).toEqual({
      kind: 'post',
      post: {
        sourceId: 'p-1',
        text: good.text,
        language: 'en',
        postedAt: '2026-03-01T09:15:00.000Z',
        platform: 'forum',
        url: good.url,
        country: 'CAF',
        author: '@someone',
      },
    });
  });

  it('takes blank optional cells as absent and numeric ids as text', () => {
    const r = readPost({ id: 7, text: 'x', platform: 'p', language: '', time: ' ', url: '', country: '', author: '' });
    expect(r).toMatchObject({
      kind: 'post',
      post: { sourceId: '7', language: null, postedAt: null, url: null, country: null, author: null },
    });
  });

  it.each([
    [{ ...good, id: undefined }, 'id', /id is missing/],
    [{ ...good, text: '' }, 'text', /text is empty/],
    [{ ...good, platform: undefined }, 'platform', /platform is missing/],
    [{ ...good, time: '01/03/2026' }, 'time', /ISO 8601/],
    [{ ...good, time: '2026-02-30' }, 'time', /real date/],
    [{ ...good, country: 'XXX' }, 'country', /ISO alpha-3/],
    [{ ...good, url: 'javascript:alert(1)' }, 'url', /http/],
    [{ ...good, language: 'english language' }, 'language', /language tag/],
    [{ ...good, text: 42 }, 'text', /must be text/],
  ])('rejects a bad post naming the column (%#)', (fields, column, reason) => {
    const r = readPost(fields);
    expect(r.kind).toBe('rejected');
    if (r.kind === 'rejected') {
      expect(r.column).toBe(column);
      expect(r.reason).toMatch(reason);
    }
  });
});

describe('withoutAuthorJson', () => {
  it('withholds the author of a malformed JSON line', () => {
    expect(withoutAuthorJson('{"id": "1", "author": "@handle\\"x", "text": ')).toBe(
      '{"id": "1", "author": "[author withheld]", "text": ',
    );
  });
});
