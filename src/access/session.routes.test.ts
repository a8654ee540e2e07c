import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from './users.repository.js';
import { LoginThrottle } from './login-throttle.js';
import type { Db } from '../db/database.js';
import { openDatabase } from '../db/open-database.js';
import { createApp } from '../http/app.js';
import type { App } from '../http/app-env.js';

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

describe('browser sessions', () => {
  let db: Db;
  let app: App;
  let now = 0;
  beforeAll(async () => {
    db = await openDatabase({ dataDir: 'memory://' });
    app = createApp({ db, throttle: new LoginThrottle(3, 60_000, () => now), secureCookies: true, version: 'test' });
    await createUser(db, { username: 'amina', password: 'a long enough password', role: 'analyst' });
  });
  afterAll(() => db.close());

  const signIn = async () => {
    const res = await app.request('/api/session', json({ username: 'amina', password: 'a long enough password' }));
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    return { res, cookie, value: cookie.split(';')[0]! };
  };

  it('signs in with an HttpOnly, SameSite=Strict, Secure cookie that then authenticates', async () => {
    const { cookie, value } = await signIn();
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Secure/);
    const me = await app.request('/api/session', { headers: { cookie: value } });
    expect(await me.json()).toMatchObject({ user: { username: 'amina', role: 'analyst' } });
  });

  it('revokes the session on sign-out', async () => {
    const { value } = await signIn();
    expect((await app.request('/api/session', { method: 'DELETE', headers: { cookie: value } })).status).toBe(204);
    expect((await app.request('/api/session', { headers: { cookie: value } })).status).toBe(401);
  });

  it('refuses a cookie-authenticated write from another origin', async () => {
    const { value } = await signIn();
    const res = await app.request(
      '/api/tokens',
      json({ label: 'x' }, { cookie: value, origin: 'https://evil.example', host: 'tocsin.example' }),
    );
    expect(res.status).toBe(403);
    const same = await app.request(
      '/api/tokens',
      json({ label: 'x' }, { cookie: value, origin: 'https://tocsin.example', host: 'tocsin.example' }),
    );
    expect(same.status).toBe(201);
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const a = await app.request('/api/session', json({ username: 'nobody', password: 'whatever it is' }));
    const b = await app.request('/api/session', json({ username: 'amina', password: 'not her password' }));
    expect(a.status).toBe(401);
    expect(await a.json()).toEqual(await b.json());
  });

  it('stops password guessing for a while after repeated failures, even with the right password', async () => {
    await createUser(db, { username: 'target', password: 'the right password', role: 'viewer' });
    for (let i = 0; i < 3; i++) await app.request('/api/session', json({ username: 'target', password: `guess number ${i}` }));
    expect((await app.request('/api/session', json({ username: 'target', password: 'the right password' }))).status).toBe(403);
    now += 61_000;
    expect((await app.request('/api/session', json({ username: 'target', password: 'the right password' }))).status).toBe(200);
  });
});
