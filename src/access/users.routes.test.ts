import { beforeAll, expect, it } from 'vitest';
import { appWithRoleTokens, bearer } from '../test-support/app-fixture.js';
import { describeEachEngine } from '../test-support/engines.js';

describeEachEngine('users API: e-mail addresses', ({ db }) => {
  let fixture: Awaited<ReturnType<typeof appWithRoleTokens>>;
  beforeAll(async () => {
    fixture = await appWithRoleTokens(db());
  });
  const post = (body: unknown) =>
    fixture.app.request('/api/users', {
      method: 'POST',
      headers: { ...bearer(fixture.tokens.admin), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('stores the address an admin gives and lists it', async () => {
    const res = await post({
      username: 'amina',
      password: 'a long passphrase',
      role: 'decision-maker',
      email: 'amina@example.org',
    });
    expect(res.status).toBe(201);
    const list = await fixture.app.request('/api/users', { headers: bearer(fixture.tokens.admin) });
    const { items } = (await list.json()) as { items: { username: string; email: string | null }[] };
    expect(items.find((u) => u.username === 'amina')?.email).toBe('amina@example.org');
    expect(items.find((u) => u.username === 'user-admin')?.email).toBeNull();
  });

  it('refuses a malformed address, naming the field, and creates no user', async () => {
    const res = await post({
      username: 'jonas',
      password: 'a long passphrase',
      role: 'decision-maker',
      email: 'jonas at example',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_input', details: { field: 'email' } } });
    const list = await fixture.app.request('/api/users', { headers: bearer(fixture.tokens.admin) });
    expect(((await list.json()) as { items: { username: string }[] }).items.map((u) => u.username)).not.toContain('jonas');
  });
});
