import { beforeAll, expect, it } from 'vitest';
import type { App } from '../http/app-env.js';
import { appWithRoleTokens, bearer } from '../test-support/app-fixture.js';
import { describeEachEngine } from '../test-support/engines.js';

interface FrameworkJson {
  version: number;
  createdBy: string | null;
  factors: { id: string; title: string; summary: string; verification: string; indicators: { id: string; text: string }[] }[];
}

describeEachEngine('framework routes', ({ db }) => {
  let app: App;
  let tokens: Awaited<ReturnType<typeof appWithRoleTokens>>['tokens'];
  beforeAll(async () => {
    ({ app, tokens } = await appWithRoleTokens(db()));
  });
  const get = (path: string, token: string) => app.request(path, { headers: bearer(token) });
  const edit = (token: string, body: unknown) =>
    app.request('/api/framework/edits', {
      method: 'POST',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('serves the 14 risk factors to readers, and not to field monitors', async () => {
    const res = await get('/api/framework', tokens.viewer);
    expect(res.status).toBe(200);
    const fw = (await res.json()) as FrameworkJson;
    expect(fw.version).toBe(1);
    expect(fw.factors.map((f) => f.id)).toHaveLength(14);
    expect(fw.factors[7]!.indicators).toHaveLength(12);
    expect((await get('/api/framework', tokens.monitor)).status).toBe(403);
  });

  it('lets admins edit with a note, as a new version, and keeps the old one readable', async () => {
    const change = { kind: 'edit-factor', factorId: 'RF6', summary: 'What would restrain violence is missing.' };
    expect((await edit(tokens.analyst, { note: 'plainer', change })).status).toBe(403);
    const noNote = await edit(tokens.admin, { change });
    expect(noNote.status).toBe(400);
    expect(JSON.stringify(await noNote.json())).toMatch(/note/);
    const res = await edit(tokens.admin, { note: 'plainer', change });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ version: 2, createdBy: 'user-admin' });
    const v2 = (await (await get('/api/framework', tokens.reviewer)).json()) as FrameworkJson;
    expect(v2.factors[5]).toMatchObject({ summary: change.summary, verification: 'edited' });
    const v1 = (await (await get('/api/framework?version=1', tokens.reviewer)).json()) as FrameworkJson;
    expect(v1.factors[5]!.verification).toBe('recall');
    expect((await get('/api/framework?version=7', tokens.reviewer)).status).toBe(404);
    const versions = (await (await get('/api/framework/versions', tokens['decision-maker'])).json()) as {
      version: number;
      note: string;
    }[];
    expect(versions.map((v) => [v.version, v.note.slice(0, 7)])).toEqual([
      [2, 'plainer'],
      [1, "Tocsin'"],
    ]);
  });

  it('refuses unknown indicators with 404 and unchanged wording with 400', async () => {
    const missing = await edit(tokens.admin, { note: 'n', change: { kind: 'edit-indicator', indicatorId: '15.1', text: 'x' } });
    expect(missing.status).toBe(404);
    const fw = (await (await get('/api/framework', tokens.admin)).json()) as FrameworkJson;
    const same = await edit(tokens.admin, {
      note: 'n',
      change: { kind: 'edit-indicator', indicatorId: '1.1', text: fw.factors[0]!.indicators[0]!.text },
    });
    expect(same.status).toBe(400);
  });
});
