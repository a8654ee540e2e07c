import { beforeAll, expect, it } from 'vitest';
import type { App } from '../http/app-env.js';
import { appWithRoleTokens, bearer } from '../test-support/app-fixture.js';
import { describeEachEngine } from '../test-support/engines.js';
import { insertTestFramework } from './test-framework.fixture.js';

describeEachEngine('assessment routes', ({ db }) => {
  let app: App;
  let tokens: Awaited<ReturnType<typeof appWithRoleTokens>>['tokens'];
  beforeAll(async () => {
    ({ app, tokens } = await appWithRoleTokens(db()));
    await insertTestFramework(db());
  });
  const get = (path: string, token: string) => app.request(path, { headers: bearer(token) });
  const send = (method: string, path: string, token: string, body?: unknown) =>
    app.request(path, {
      method,
      headers: { ...bearer(token), 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
  const period = { periodStart: '2024-01-01', periodEnd: '2024-06-30' };

  it('lets analysts draft and rate, shows scores and suggestions to readers, and refuses monitors', async () => {
    expect((await send('POST', '/api/assessments', tokens.viewer, { country: 'CAF', ...period })).status).toBe(403);
    const bad = await send('POST', '/api/assessments', tokens.analyst, {
      country: 'CAF',
      periodStart: '2024-06-30',
      periodEnd: '2024-01-01',
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/periodEnd/);
    const res = await send('POST', '/api/assessments', tokens.analyst, { country: 'CAF', ...period });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: number };
    const rated = await send('PUT', `/api/assessments/${id}/ratings/1.1`, tokens.analyst, {
      rating: 'high',
      confidence: 'high',
      rationale: 'war',
    });
    expect(rated.status).toBe(200);
    const view = (await rated.json()) as {
      scores: { factorId: string; score: number | null }[];
      suggestedLevel: { level: string };
    };
    expect(view.scores[0]).toMatchObject({ factorId: 'RF1', score: 3 });
    expect(view.suggestedLevel.level).toBe('imminent-risk');
    const wrong = await send('PUT', `/api/assessments/${id}/ratings/1.1`, tokens.analyst, {
      rating: 'severe',
      confidence: 'high',
    });
    expect(wrong.status).toBe(400);
    expect((await get(`/api/assessments/${id}`, tokens.viewer)).status).toBe(200);
    expect((await get(`/api/assessments/${id}`, tokens.monitor)).status).toBe(403);
    expect((await get('/api/assessments/99999', tokens.viewer)).status).toBe(404);
    const list = (await (await get('/api/assessments?country=caf', tokens['decision-maker'])).json()) as unknown[];
    expect(list).toHaveLength(1);
  });

  it('runs review: submit by the author, return and publish by a reviewer, 409 once published', async () => {
    const { id } = (await (await send('POST', '/api/assessments', tokens.analyst, { country: 'SSD', ...period })).json()) as {
      id: number;
    };
    await send('PUT', `/api/assessments/${id}/ratings/8.1`, tokens.analyst, { rating: 'moderate', confidence: 'medium' });
    expect((await send('POST', `/api/assessments/${id}/publish`, tokens.reviewer)).status).toBe(409);
    expect((await send('POST', `/api/assessments/${id}/submit`, tokens.analyst, { level: 'monitoring' })).status).toBe(200);
    expect((await send('POST', `/api/assessments/${id}/return`, tokens.analyst, { note: 'more' })).status).toBe(403);
    expect((await send('POST', `/api/assessments/${id}/return`, tokens.reviewer, { note: '' })).status).toBe(400);
    expect((await send('POST', `/api/assessments/${id}/return`, tokens.reviewer, { note: 'rate RF2' })).status).toBe(200);
    await send('PUT', `/api/assessments/${id}/ratings/2.1`, tokens.analyst, { rating: 'high', confidence: 'high' });
    await send('POST', `/api/assessments/${id}/submit`, tokens.analyst, { level: 'serious-concern' });
    const published = await send('POST', `/api/assessments/${id}/publish`, tokens.reviewer);
    expect(published.status).toBe(200);
    expect(await published.json()).toMatchObject({
      assessment: { id, status: 'published', reviewer: 'user-reviewer' },
      previousLevel: null,
      levelRose: true,
    });
    expect(
      (await send('PUT', `/api/assessments/${id}/ratings/1.1`, tokens.admin, { rating: 'low', confidence: 'high' })).status,
    ).toBe(409);

    const revised = await send('POST', `/api/assessments/${id}/revise`, tokens.analyst, {
      periodStart: '2024-07-01',
      periodEnd: '2024-12-31',
    });
    expect(revised.status).toBe(201);
    const copy = ((await revised.json()) as { id: number }).id;
    await send('PUT', `/api/assessments/${copy}/ratings/1.1`, tokens.analyst, { rating: 'high', confidence: 'high' });
    await send('POST', `/api/assessments/${copy}/submit`, tokens.analyst, { level: 'imminent-risk' });
    expect(await (await send('POST', `/api/assessments/${copy}/publish`, tokens.admin)).json()).toMatchObject({
      previousAssessmentId: id,
      previousLevel: 'serious-concern',
      levelRose: true,
    });

    const diff = (await (await get(`/api/assessments/${id}/diff?with=${copy}`, tokens.viewer)).json()) as {
      level: { direction: string };
    };
    expect(diff.level.direction).toBe('rose');
    const history = (await (await get(`/api/assessments/${copy}/history`, tokens.viewer)).json()) as {
      action: string;
      user: string;
    }[];
    expect(history.map((h) => h.action)).toEqual(['revised-from', 'rated', 'submitted', 'published']);
    expect(history[0]!.user).toBe('user-analyst');
    const consistency = await get('/api/assessments/consistency', tokens.viewer);
    expect(consistency.status).toBe(200);
    expect(await consistency.json()).toMatchObject({ compared: 1, pairs: [] });
  });
});
