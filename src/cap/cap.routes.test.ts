import { beforeAll, expect, it } from 'vitest';
import type { Role } from '../access/roles.js';
import type { App } from '../http/app-env.js';
import { storeWarning } from '../test-support/stored-warning.fixture.js';
import { appWithRoleTokens, bearer } from '../test-support/app-fixture.js';
import { describeEachEngine } from '../test-support/engines.js';

describeEachEngine('CAP feed routes', ({ db }) => {
  let app: App;
  let tokens: Record<Role, string>;
  let open: number;
  let hidden: number;
  beforeAll(async () => {
    ({ app, tokens } = await appWithRoleTokens(db()));
    open = await storeWarning(db(), {
      title: 'Public one',
      severity: 'critical',
      riskFactors: ['RF14'],
      evidence: [{ kind: 'event', id: 8642 }],
    });
    hidden = await storeWarning(db(), { title: 'Internal one' });
  });
  const get = (role: Role | null, path: string) => app.request(path, { headers: role ? bearer(tokens[role]) : {} });
  const setPublic = (role: Role, id: number, value: boolean) =>
    app.request(`/api/warnings/${id}/public`, {
      method: 'PUT',
      headers: { ...bearer(tokens[role]), 'content-type': 'application/json' },
      body: JSON.stringify({ public: value }),
    });

  it('lets only an admin mark a warning public, and logs it', async () => {
    expect((await setPublic('analyst', open, true)).status).toBe(403);
    const res = await setPublic('admin', open, true);
    expect(await res.json()).toEqual({ id: open, public: true });
    const log = await db().query<{ action: string }>('SELECT action FROM warning_log WHERE warning_id = $1', [open]);
    expect(log.map((l) => l.action)).toEqual(['made-public']);
    expect((await setPublic('admin', 99999, true)).status).toBe(404);
  });

  it('serves a public warning as application/cap+xml, with recommended measures and no evidence', async () => {
    const res = await get('viewer', `/api/cap/alerts/${open}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/cap\+xml/);
    const xml = await res.text();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">/);
    expect(xml).toContain('<severity>Extreme</severity>');
    expect(xml).toContain('<areaDesc>Central African Republic</areaDesc>');
    expect(xml).toContain('Protect humanitarian workers and operations');
    expect(xml).not.toContain('8642');
  });

  it('answers 404 for a warning not marked public, and 401 to anonymous callers', async () => {
    expect((await get('viewer', `/api/cap/alerts/${hidden}`)).status).toBe(404);
    expect((await get(null, '/api/cap/alerts')).status).toBe(401);
    expect((await get('monitor', '/api/cap/alerts')).status).toBe(403);
  });

  it('lists public warnings only in an Atom feed, each alert inline and linked', async () => {
    const res = await get('viewer', '/api/cap/alerts');
    expect(res.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    const feed = await res.text();
    expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(feed).toContain(`<link rel="alternate" type="application/cap+xml" href="http://localhost/api/cap/alerts/${open}"/>`);
    expect(feed).not.toContain('Internal one');
    const single = (await (await get('viewer', `/api/cap/alerts/${open}`)).text()).split('\n').slice(1, -1);
    const inline = /<content type="application\/cap\+xml">\n([\s\S]*?)\n {4}<\/content>/.exec(feed)![1]!.split('\n');
    expect(inline).toEqual(single);
    await setPublic('admin', open, false);
    expect(await (await get('viewer', '/api/cap/alerts')).text()).not.toContain('<entry>');
  });
});
