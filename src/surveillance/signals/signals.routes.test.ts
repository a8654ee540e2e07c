import { beforeAll, expect, it } from 'vitest';
import type { App } from '../../http/app-env.js';
import { appWithRoleTokens, bearer } from '../../test-support/app-fixture.js';
import { describeEachEngine } from '../../test-support/engines.js';
import { quietThenBurst, storeAndSurvey } from '../../test-support/event-fixtures.js';
import { saveSurveillanceSettings } from '../surveillance-settings.repository.js';

const EARS_ONLY = {
  categories: ['one-sided'],
  measures: ['incidents'],
  methods: [{ label: 'ears-c1', method: 'ears-c1', options: { alpha: 0.001 } }],
};

describeEachEngine('signal routes', ({ db }) => {
  let app: App;
  let tokens: Awaited<ReturnType<typeof appWithRoleTokens>>['tokens'];
  beforeAll(async () => {
    ({ app, tokens } = await appWithRoleTokens(db()));
    await saveSurveillanceSettings(db(), EARS_ONLY, null);
    await storeAndSurvey(db(), quietThenBurst(6));
  });
  const get = (path: string, token: string) => app.request(path, { headers: bearer(token) });
  const send = (method: string, path: string, token: string, body: unknown) =>
    app.request(path, { method, headers: { ...bearer(token), 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('lists signals with filters for readers, and not for field monitors', async () => {
    const res = await get('/api/signals?country=caf&status=new', tokens.viewer);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { week: string; eventIds: number[] }[]; nextCursor: string | null };
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ week: '2015-10-05' });
    expect(body.items[0]!.eventIds).toHaveLength(6);
    expect((await get('/api/signals?country=SSD', tokens.viewer)).status).toBe(200);
    expect((await get('/api/signals', tokens.monitor)).status).toBe(403);
    const bad = await get('/api/signals?from=2015-13-01', tokens.viewer);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/from/);
  });

  it('lets analysts triage with a reason, and refuses viewers and decision-makers', async () => {
    const [signal] = ((await (await get('/api/signals', tokens.analyst)).json()) as { items: { id: number }[] }).items;
    const decision = { decision: 'raise-warning', note: 'six villages attacked in one week' };
    expect((await send('POST', `/api/signals/${signal!.id}/triage`, tokens.viewer, decision)).status).toBe(403);
    expect((await send('POST', `/api/signals/${signal!.id}/triage`, tokens['decision-maker'], decision)).status).toBe(403);
    const res = await send('POST', `/api/signals/${signal!.id}/triage`, tokens.analyst, decision);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'warning', triagedBy: 'user-analyst', triageNote: decision.note });
    expect((await send('POST', '/api/signals/999999/triage', tokens.analyst, decision)).status).toBe(404);
    expect((await send('POST', `/api/signals/${signal!.id}/triage`, tokens.analyst, { decision: 'ignore' })).status).toBe(400);
  });

  it('serves a zero-filled weekly series', async () => {
    const res = await get('/api/series?country=CAF&category=one-sided', tokens.viewer);
    expect(res.status).toBe(200);
    const s = (await res.json()) as { periods: string[]; incidents: number[] };
    expect(s.periods).toHaveLength(301);
    expect(s.incidents.at(-1)).toBe(6);
    expect(s.incidents.reduce((a, b) => a + b, 0)).toBe(306);
  });

  it('lets only admins change the settings, and refuses bad ones with the field named', async () => {
    expect((await send('PUT', '/api/surveillance/settings', tokens.analyst, EARS_ONLY)).status).toBe(403);
    const bad = await send('PUT', '/api/surveillance/settings', tokens.admin, { ...EARS_ONLY, measures: ['deaths'] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/measures\.0/);
    const ok = await send('PUT', '/api/surveillance/settings', tokens.admin, { ...EARS_ONLY, measures: ['fatalities'] });
    expect(ok.status).toBe(200);
    expect(await (await get('/api/surveillance/settings', tokens.viewer)).json()).toMatchObject({ measures: ['fatalities'] });
  });
});
