import { mkdtemp, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/engines.js';
import { keywordClassifier, recordTestModel } from '../../test-support/keyword-speech-classifier.js';
import { findPlaintext } from '../../test-support/raw-database.js';
import { AUTHOR_KEY_FILE, hashAuthor, readOrCreateAuthorKey } from './author-hash.js';
import { importSpeechItems } from './import-speech-items.js';
import { scoreItems } from './score-items.js';

// Constructed posts: invented words stand for hateful and offensive ones.
const HANDLES = ['@river_handle_01', 'lake.handle.02'];
const csv = [
  'id,text,language,time,platform,url,country,author',
  `c1,"we must drive out the zorbs, every one",en,2026-03-01T10:00:00Z,forum,https://forum.example/c1,CAF,${HANDLES[0]}`,
  `c2,"the market opens at nine",en,2026-03-01T11:00:00Z,forum,,CAF,${HANDLES[1]}`,
  `c3,"what a blorp of a day",en,2026-03-02,forum,,,${HANDLES[0]}`,
  `c4,"a post with a bad time",en,yesterday,forum,,CAF,${HANDLES[1]}`,
  `c5,"a post with too many cells",en,2026-03-02,forum,,CAF,${HANDLES[1]},extra`,
  '',
].join('\n');
const jsonl = [
  JSON.stringify({
    id: 'j1',
    text: 'zorbs are vermin and must go',
    language: 'en',
    time: '2026-03-03T08:00:00Z',
    platform: 'chat',
    country: 'CAF',
    author: HANDLES[1],
  }),
  '{"id": "j2", "author": "@broken_json_handle", "text": ',
  JSON.stringify({ id: 'j3', text: 'no country here', platform: 'chat', country: 'ZZZ', author: '@bad_country_handle' }),
  '',
].join('\n');

const classifier = keywordClassifier(
  {
    zorbs: { label: 'hatespeech', weight: 2 },
    vermin: { label: 'hatespeech', weight: 3 },
    blorp: { label: 'offensive', weight: 2 },
  },
  { Zorb: ['zorbs'] },
);

describeEachEngine('speech items: import and scoring', ({ db }) => {
  let dir: string;
  let key: Buffer;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tocsin-speech-'));
    await writeFile(join(dir, 'posts.csv'), csv);
    await writeFile(join(dir, 'posts.jsonl'), jsonl);
    key = await readOrCreateAuthorKey(join(dir, 'keys'));
  });

  it('keeps the author key in a 0600 file of 32 bytes, the same on every read', async () => {
    const s = await stat(join(dir, 'keys', AUTHOR_KEY_FILE));
    expect(s.mode & 0o777).toBe(0o600);
    expect(s.size).toBe(32);
    expect((await readOrCreateAuthorKey(join(dir, 'keys'))).equals(key)).toBe(true);
  });

  it('stores good posts, quarantines bad ones with line and reason, and is idempotent', async () => {
    const r = await importSpeechItems(db(), { input: { file: join(dir, 'posts.csv') }, format: 'csv', authorKey: key });
    expect(r).toMatchObject({ rowsRead: 5, inserted: 3, rejected: 2 });
    expect(r.rejections).toEqual([
      { line: 5, column: 'time', reason: expect.stringMatching(/time must be an ISO 8601/) as unknown },
      { line: 6, column: null, reason: 'expected 8 columns, found 9' },
    ]);
    const again = await importSpeechItems(db(), { input: { file: join(dir, 'posts.csv') }, format: 'csv', authorKey: key });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 3, rejected: 2 });
    const j = await importSpeechItems(db(), { input: { file: join(dir, 'posts.jsonl') }, format: 'jsonl', authorKey: key });
    expect(j).toMatchObject({ rowsRead: 3, inserted: 1, rejected: 2 });
    expect(j.rejections.map((x) => [x.line, x.column])).toEqual([
      [2, null],
      [3, 'country'],
    ]);
  });

  it('links one author across posts by a keyed hash and never stores a handle, not even in the quarantine', async () => {
    const rows = await db().query<{ source_id: string; author_hash: string }>(
      'SELECT source_id, author_hash FROM speech_items ORDER BY source_id',
    );
    const by = Object.fromEntries(rows.map((r) => [r.source_id, r.author_hash]));
    expect(by.c1).toBe(by.c3);
    expect(by.c2).toBe(by.j1);
    expect(by.c1).toBe(hashAuthor(HANDLES[0]!, key));
    expect(by.c1).not.toBe(hashAuthor(HANDLES[0]!, Buffer.alloc(32)));
    const needles = [...HANDLES, '@broken_json_handle', '@bad_country_handle'].flatMap((h) => [h, h.replace(/^@/, '')]);
    expect(await findPlaintext(db(), needles)).toEqual([]);
  });

  it('refuses an empty, truncated or headerless file before writing anything', async () => {
    const before = await db().query<{ n: number }>('SELECT count(*)::int AS n FROM import_batches');
    await writeFile(join(dir, 'empty.csv'), '');
    await writeFile(join(dir, 'cut.jsonl'), `${JSON.stringify({ id: 'x', text: 'y', platform: 'z' })}\n{"id": "cut`);
    await writeFile(join(dir, 'noheader.csv'), 'c9,some text,forum\n');
    const run = (file: string, format: 'csv' | 'jsonl') =>
      importSpeechItems(db(), { input: { file: join(dir, file) }, format, authorKey: key });
    await expect(run('empty.csv', 'csv')).rejects.toThrow(/empty/);
    await expect(run('cut.jsonl', 'jsonl')).rejects.toThrow(/truncated/);
    await expect(run('noheader.csv', 'csv')).rejects.toThrow(/header lacks the column\(s\) id, text, platform/);
    await expect(run('missing.csv', 'csv')).rejects.toThrow(/does not exist/);
    expect(await db().query('SELECT count(*)::int AS n FROM import_batches')).toEqual(before);
  });

  it('scores unscored items once, keeping the words that drove each score', async () => {
    const modelId = await recordTestModel(db());
    const first = await scoreItems(db(), classifier, modelId, { batchSize: 2 });
    expect(first.scored).toBe(4);
    expect((await scoreItems(db(), classifier, modelId)).scored).toBe(0);
    const [j1] = await db().query<{ label: string; p_hate: number; targets: string[]; explanation: { token: string }[] }>(
      `SELECT s.label, s.p_hate, s.targets, s.explanation FROM speech_scores s JOIN speech_items i ON i.id = s.item_id
       WHERE i.source_id = 'j1'`,
    );
    expect(j1).toMatchObject({ label: 'hatespeech', targets: ['Zorb'] });
    expect(j1!.p_hate).toBeGreaterThan(0.9);
    expect(j1!.explanation.map((e) => e.token)).toEqual(['vermin', 'zorbs']);
  });

  it('scores only posts from a day when asked', async () => {
    const modelId = await recordTestModel(db());
    expect((await scoreItems(db(), classifier, modelId, { since: '2026-03-02T00:00:00Z' })).scored).toBe(2);
  });
});
