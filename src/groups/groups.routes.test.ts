import { beforeAll, expect, it } from 'vitest';
import type { Iso3 } from '../core/brand.js';
import type { App } from '../http/app-env.js';
import { appWithRoleTokens, bearer } from '../test-support/app-fixture.js';
import { describeEachEngine } from '../test-support/engines.js';
import { event, storeAndSurvey } from '../test-support/event-fixtures.js';

describeEachEngine('protected group routes', ({ db }) => {
  let app: App;
  let tokens: Awaited<ReturnType<typeof appWithRoleTokens>>['tokens'];
  let cafEvent: number;
  let ssdEvent: number;
  beforeAll(async () => {
    ({ app, tokens } = await appWithRoleTokens(db()));
    await storeAndSurvey(db(), [
      event({ dateStart: '2014-01-06' }),
      event({ dateStart: '2014-01-06', countryIso3: 'SSD' as Iso3 }),
    ]);
    const rows = await db().query<{ id: number; country_iso3: string }>('SELECT id, country_iso3 FROM events');
    cafEvent = rows.find((r) => r.country_iso3 === 'CAF')!.id;
    ssdEvent = rows.find((r) => r.country_iso3 === 'SSD')!.id;
  });
  const get = (path: string, token: string) => app.request(path, { headers: bearer(token) });
  const send = (method: string, path: string, token: string, body?: unknown) =>
    app.request(path, {
      method,
      headers: { ...bearer(token), 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const group = { country: 'CAF', name: 'Muslim civilians', kind: 'religious', areas: ['Ouham', 'Ouham-Pendé'] };

  it('lets analysts record groups, readers list them, and refuses others and bad input', async () => {
    expect((await send('POST', '/api/groups', tokens.viewer, group)).status).toBe(403);
    expect((await send('POST', '/api/groups', tokens['decision-maker'], group)).status).toBe(403);
    const res = await send('POST', '/api/groups', tokens.analyst, group);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ ...group, createdBy: 'user-analyst' });
    expect((await send('POST', '/api/groups', tokens.admin, group)).status).toBe(409);
    const bad = await send('POST', '/api/groups', tokens.analyst, { ...group, kind: 'tribe' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/kind/);
    const list = await get('/api/groups?country=caf', tokens.viewer);
    expect(list.status).toBe(200);
    expect(((await list.json()) as { name: string }[]).map((g) => g.name)).toEqual(['Muslim civilians']);
    expect((await get('/api/groups?country=XXX', tokens.viewer)).status).toBe(400);
    expect((await get('/api/groups', tokens.monitor)).status).toBe(403);
  });

  it("tags an event with groups of its country and refuses another country's", async () => {
    const [g] = (await (await get('/api/groups?country=CAF', tokens.viewer)).json()) as { id: number }[];
    const wrong = await send('PUT', `/api/events/${ssdEvent}/groups`, tokens.analyst, { groupIds: [g!.id] });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: { message: string } }).error.message).toMatch(/is in CAF, not SSD/);
    const ok = await send('PUT', `/api/events/${cafEvent}/groups`, tokens.analyst, { groupIds: [g!.id] });
    expect(ok.status).toBe(200);
    expect(await (await get(`/api/events/${cafEvent}/groups`, tokens.viewer)).json()).toMatchObject([
      { name: 'Muslim civilians' },
    ]);
    expect((await get('/api/events/987654/groups', tokens.viewer)).status).toBe(404);
    const named = await send('DELETE', `/api/groups/${g!.id}`, tokens.analyst);
    expect(named.status).toBe(409);
  });

  it('edits a group, and deletes it once untagged', async () => {
    const [g] = (await (await get('/api/groups?country=CAF', tokens.viewer)).json()) as { id: number }[];
    const patched = await send('PATCH', `/api/groups/${g!.id}`, tokens.admin, { notes: 'sheltering in church compounds' });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ notes: 'sheltering in church compounds', areas: group.areas });
    expect((await send('PATCH', `/api/groups/${g!.id}`, tokens.admin, { country: 'SSD' })).status).toBe(400);
    expect((await send('PUT', `/api/events/${cafEvent}/groups`, tokens.analyst, { groupIds: [] })).status).toBe(200);
    expect(await (await send('DELETE', `/api/groups/${g!.id}`, tokens.analyst)).json()).toEqual({ deleted: g!.id });
    expect((await send('DELETE', `/api/groups/${g!.id}`, tokens.analyst)).status).toBe(404);
  });
});
