import { beforeAll, expect, it } from 'vitest';
import { createGroup } from '../../groups/groups.repository.js';
import type { App } from '../../http/app-env.js';
import { appWithRoleTokens, bearer } from '../../test-support/app-fixture.js';
import { describeEachEngine } from '../../test-support/engines.js';
import { keywordClassifier, recordTestModel } from '../../test-support/keyword-speech-classifier.js';
import { findPlaintext } from '../../test-support/raw-database.js';
import { scoreItems } from '../items/score-items.js';
import { RABAT_PARTS } from './rabat.js';

// Constructed posts: invented words stand for hateful ones.
const posts = [
  { id: 'a', text: 'zorbs zorbs vermin', platform: 'chat', country: 'CAF', author: '@queue_handle_a' },
  { id: 'b', text: 'zorbs again', platform: 'chat', country: 'CAF', author: '@queue_handle_b' },
  { id: 'c', text: 'rain tomorrow', platform: 'chat', country: 'CAF', author: '@queue_handle_a' },
];
const body = posts.map((p) => JSON.stringify(p)).join('\n');
const classifier = keywordClassifier(
  { zorbs: { label: 'hatespeech', weight: 1.5 }, vermin: { label: 'hatespeech', weight: 3 } },
  { Zorb: ['zorbs'] },
);
const rabat = (o: Partial<Record<(typeof RABAT_PARTS)[number], string>> = {}) =>
  Object.fromEntries(RABAT_PARTS.map((p) => [p, { assessment: o[p] ?? 'met', note: `${p} considered` }]));

interface QueueItem {
  item: { id: number; sourceId: string; authorHash: string };
  score: { pHate: number; explanation: { token: string }[] };
}

describeEachEngine('speech queue routes', ({ db }) => {
  let app: App;
  let tokens: Awaited<ReturnType<typeof appWithRoleTokens>>['tokens'];
  let groupId: number;
  beforeAll(async () => {
    ({ app, tokens } = await appWithRoleTokens(db()));
    groupId = (await createGroup(db(), { country: 'CAF', name: 'Zorb', kind: 'ethnic', areas: [], notes: '' }, null)).id;
  });
  const get = (path: string, token: string) => app.request(path, { headers: bearer(token) });
  const post = (path: string, token: string, b: string, type = 'application/json') =>
    app.request(path, { method: 'POST', headers: { ...bearer(token), 'content-type': type }, body: b });

  it('imports JSON Lines from analysts only, keeping authors as hashes', async () => {
    expect((await post('/api/speech/items', tokens.viewer, body, 'application/x-ndjson')).status).toBe(403);
    const res = await post('/api/speech/items', tokens.analyst, `${body}\n{"id": "d"}\n`, 'application/x-ndjson');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ inserted: 3, rejected: 1, rejections: [{ line: 4, column: 'text' }] });
    expect(await findPlaintext(db(), ['queue_handle_a', 'queue_handle_b'])).toEqual([]);
    await scoreItems(db(), classifier, await recordTestModel(db()));
  });

  it('lists items over the threshold, highest first, with the words behind each score', async () => {
    const res = await get('/api/speech/queue', tokens.viewer);
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: QueueItem[] };
    expect(items.map((i) => i.item.sourceId)).toEqual(['a', 'b']);
    expect(items[0]!.score.explanation.map((e) => e.token)).toEqual(['vermin', 'zorbs']);
    expect(items[0]!.item.authorHash).toMatch(/^[0-9a-f]{64}$/);
    const low = (await (await get('/api/speech/queue?threshold=0', tokens.viewer)).json()) as { items: QueueItem[] };
    expect(low.items).toHaveLength(3);
    expect((await get('/api/speech/queue?threshold=2', tokens.viewer)).status).toBe(400);
    expect((await get('/api/speech/queue', tokens.monitor)).status).toBe(403);
  });

  it('records a Rabat review from analysts, and the item leaves the queue', async () => {
    const { items } = (await (await get('/api/speech/queue', tokens.analyst)).json()) as { items: QueueItem[] };
    const id = items[0]!.item.id;
    const review = { rabat: rabat(), decision: 'incitement', groupId, admin1: 'Ouham', note: 'calls to drive a group out' };
    expect((await post(`/api/speech/items/${id}/review`, tokens.viewer, JSON.stringify(review))).status).toBe(403);
    const refused = await post(
      `/api/speech/items/${id}/review`,
      tokens.analyst,
      JSON.stringify({ ...review, rabat: rabat({ likelihood: 'unclear' }) }),
    );
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toMatch(/rabat\.likelihood: incitement needs every Rabat part assessed/);
    const res = await post(`/api/speech/items/${id}/review`, tokens.analyst, JSON.stringify(review));
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      decision: 'incitement',
      group: { id: groupId, name: 'Zorb' },
      country: 'CAF',
      admin1: 'Ouham',
      reviewedBy: 'user-analyst',
    });
    expect((await post(`/api/speech/items/${id}/review`, tokens.admin, JSON.stringify(review))).status).toBe(409);
    const after = (await (await get('/api/speech/queue', tokens.viewer)).json()) as { items: QueueItem[] };
    expect(after.items.map((i) => i.item.sourceId)).toEqual(['b']);
    const detail = await get(`/api/speech/items/${id}`, tokens.viewer);
    expect(await detail.json()).toMatchObject({
      item: { sourceId: 'a' },
      scores: [{ label: 'hatespeech' }],
      review: { decision: 'incitement' },
    });
  });

  it('refuses a group of another country, a bad body and an unknown item, saying where', async () => {
    const other = (await createGroup(db(), { country: 'SSD', name: 'Other', kind: 'ethnic', areas: [], notes: '' }, null)).id;
    const { items } = (await (await get('/api/speech/queue', tokens.analyst)).json()) as { items: QueueItem[] };
    const id = items[0]!.item.id;
    const wrong = await post(
      `/api/speech/items/${id}/review`,
      tokens.admin,
      JSON.stringify({ rabat: rabat(), decision: 'hate-speech', groupId: other }),
    );
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(await wrong.json())).toMatch(/groupId: group \d+ is a group of SSD, not of CAF/);
    const bad = await post(`/api/speech/items/${id}/review`, tokens.admin, JSON.stringify({ rabat: rabat(), decision: 'ban' }));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/decision/);
    expect(
      (await post('/api/speech/items/999999/review', tokens.admin, JSON.stringify({ rabat: rabat(), decision: 'unclear' })))
        .status,
    ).toBe(404);
    expect((await get('/api/speech/items/999999', tokens.viewer)).status).toBe(404);
  });
});
