import { beforeAll, expect, it } from 'vitest';
import type { Iso3 } from '../core/brand.js';
import type { App } from '../http/app-env.js';
import { appWithRoleTokens, bearer } from '../test-support/app-fixture.js';
import { describeEachEngine } from '../test-support/engines.js';
import { event, storeAndSurvey } from '../test-support/event-fixtures.js';

/** `GET /api/events?group=` and `/api/events.geojson?group=`: what is happening to one protected group. */
describeEachEngine('events of a protected group', ({ db }) => {
  let app: App;
  let tokens: Awaited<ReturnType<typeof appWithRoleTokens>>['tokens'];
  let tagged: number[];
  let groupId: number;
  const get = (path: string, token = tokens.viewer) => app.request(path, { headers: bearer(token) });
  const ids = async (path: string) => ((await (await get(path)).json()) as { items: { id: number }[] }).items.map((e) => e.id);

  beforeAll(async () => {
    ({ app, tokens } = await appWithRoleTokens(db()));
    await storeAndSurvey(db(), [
      event({ dateStart: '2014-01-06' }),
      event({ dateStart: '2014-01-13' }),
      event({ dateStart: '2014-01-20' }),
      event({ dateStart: '2014-01-20', countryIso3: 'SSD' as Iso3 }),
    ]);
    const caf = await db().query<{ id: number }>(`SELECT id FROM events WHERE country_iso3 = 'CAF' ORDER BY date_start`);
    tagged = [caf[0]!.id, caf[2]!.id];
    const res = await app.request('/api/groups', {
      method: 'POST',
      headers: { ...bearer(tokens.analyst), 'content-type': 'application/json' },
      body: JSON.stringify({ country: 'CAF', name: 'Peuhl herders', kind: 'ethnic', areas: ['Ouham'] }),
    });
    groupId = ((await res.json()) as { id: number }).id;
    for (const id of tagged) {
      const put = await app.request(`/api/events/${id}/groups`, {
        method: 'PUT',
        headers: { ...bearer(tokens.analyst), 'content-type': 'application/json' },
        body: JSON.stringify({ groupIds: [groupId] }),
      });
      expect(put.status).toBe(200);
    }
  });

  it('lists only the events tagged with the group, newest first, with their total', async () => {
    expect(await ids(`/api/events?group=${groupId}`)).toEqual([...tagged].reverse());
    const withTotal = (await (await get(`/api/events?group=${groupId}&includeTotal=true`)).json()) as { total: number };
    expect(withTotal.total).toBe(2);
    expect(await ids(`/api/events?group=${groupId}&country=SSD`)).toEqual([]);
    expect(await ids(`/api/events?group=${groupId + 1}`)).toEqual([]);
    const points = (await (await get(`/api/events.geojson?group=${groupId}`)).json()) as {
      features: { properties: { id: number } }[];
      unmapped: number;
    };
    expect(points.features.length + points.unmapped).toBe(2);
    expect(points.features.every((f) => tagged.includes(f.properties.id))).toBe(true);
  });

  it('rejects a group that is not a positive whole number', async () => {
    expect((await get('/api/events?group=abc')).status).toBe(400);
    expect((await get('/api/events?group=0')).status).toBe(400);
  });

  it('keeps field monitors out, as for every event read', async () => {
    expect((await get(`/api/events?group=${groupId}`, tokens.monitor)).status).toBe(403);
  });
});
