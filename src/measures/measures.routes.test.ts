import { beforeAll, expect, it } from 'vitest';
import type { Role } from '../access/roles.js';
import type { App } from '../http/app-env.js';
import { appWithRoleTokens, bearer } from '../test-support/app-fixture.js';
import { describeEachEngine } from '../test-support/engines.js';
import { storeWarning } from '../test-support/stored-warning.fixture.js';

describeEachEngine('measures routes', ({ db }) => {
  let app: App;
  let tokens: Record<Role, string>;
  beforeAll(async () => {
    ({ app, tokens } = await appWithRoleTokens(db()));
  });
  const call = (role: Role, method: string, path: string, body?: unknown) =>
    app.request(path, {
      method,
      headers: { ...bearer(tokens[role]), 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });

  it('serves the catalogue and recommendations with reasons', async () => {
    const cat = (await (await call('viewer', 'GET', '/api/measures/catalogue')).json()) as { kind: string }[];
    expect(cat.length).toBeGreaterThanOrEqual(30);
    const rec = (await (await call('viewer', 'GET', '/api/measures/recommend?riskFactors=RF9,RF10&limit=3')).json()) as {
      reason: string;
    }[];
    expect(rec).toHaveLength(3);
    expect(rec[0]!.reason).toBe('addresses RF9, RF10');
    const bad = await call('viewer', 'GET', '/api/measures/recommend?riskFactors=RF99');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/riskFactors\[0\]: "RF99"/);
  });

  it('lets a decision-maker add a catalogue measure to an "act" warning, which moves it to "measures"', async () => {
    const w = await storeWarning(db(), { status: 'decided', decision: 'act', riskFactors: ['RF14'] });
    const res = await call('decision-maker', 'POST', `/api/warnings/${w}/measures`, {
      catalogueId: 'humanitarian-access',
      owner: 'OCHA',
      dueDate: '2025-04-01',
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { warningStatus: string; measure: { id: number; createdBy: string } };
    expect(body).toMatchObject({ warningStatus: 'measures', measure: { createdBy: 'user-decision-maker' } });
    const view = (await (await call('viewer', 'GET', `/api/warnings/${w}/measures`)).json()) as {
      measures: unknown[];
      recommended: { id: string }[];
    };
    expect(view.measures).toHaveLength(1);
    expect(view.recommended.map((m) => m.id)).toContain('protect-aid-workers');

    const done = await call('analyst', 'PATCH', `/api/measures/${body.measure.id}`, { status: 'done' });
    expect(done.status).toBe(400);
    const ok = await call('analyst', 'PATCH', `/api/measures/${body.measure.id}`, {
      status: 'done',
      outcome: 'convoy reached Bria',
    });
    expect(((await ok.json()) as { status: string }).status).toBe('done');
  });

  it('refuses readers who do not record, a closed warning with 409, and bad input with the field', async () => {
    const w = await storeWarning(db());
    expect((await call('viewer', 'POST', `/api/warnings/${w}/measures`, { title: 't', owner: 'o' })).status).toBe(403);
    expect((await call('reviewer', 'POST', `/api/warnings/${w}/measures`, { title: 't', owner: 'o' })).status).toBe(403);
    const noTitle = await call('analyst', 'POST', `/api/warnings/${w}/measures`, { owner: 'o' });
    expect(noTitle.status).toBe(400);
    expect(((await noTitle.json()) as { error: { message: string } }).error.message).toMatch(
      /title: give a catalogueId or a title/,
    );
    const badDate = await call('analyst', 'POST', `/api/warnings/${w}/measures`, {
      title: 't',
      owner: 'o',
      dueDate: '2025-02-30',
    });
    expect(badDate.status).toBe(400);
    const closed = await storeWarning(db(), { status: 'closed' });
    const res = await call('admin', 'POST', `/api/warnings/${closed}/measures`, { title: 't', owner: 'o' });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/is closed/);
    expect((await call('admin', 'POST', '/api/warnings/99999/measures', { title: 't', owner: 'o' })).status).toBe(404);
  });

  it('lists overdue measures', async () => {
    const w = await storeWarning(db());
    await call('analyst', 'POST', `/api/warnings/${w}/measures`, { title: 'long overdue', owner: 'o', dueDate: '2001-01-01' });
    const overdue = (await (await call('viewer', 'GET', '/api/measures?overdue=true')).json()) as { title: string }[];
    expect(overdue.map((m) => m.title)).toEqual(['long overdue']);
  });
});
