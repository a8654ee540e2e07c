import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../access/roles.js';
import type { Db } from '../db/database.js';
import { openDatabase } from '../db/open-database.js';
import { appWithRoleTokens, bearer } from '../test-support/app-fixture.js';
import type { App } from './app-env.js';
import { UNDOCUMENTED_PUBLIC_ROUTES } from './app.js';
import { ACCESS_EXTENSION } from './guard.js';

interface Operation {
  method: string;
  path: string;
  access: { public?: string; roles?: Role[] } | undefined;
}

/** Fills `{param}` placeholders with plausible values so the request reaches the route. */
const concrete = (path: string) => path.replace('{id}', '1').replace('{iso3}', 'CAF');

describe('the route table', () => {
  let db: Db;
  let app: App;
  let tokens: Record<Role, string>;
  let operations: Operation[];

  beforeAll(async () => {
    db = await openDatabase({ dataDir: 'memory://' });
    ({ app, tokens } = await appWithRoleTokens(db));
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        access: op[ACCESS_EXTENSION] as Operation['access'],
      })),
    );
  });
  afterAll(() => db.close());

  it('documents every route the server answers, apart from the listed public ones', () => {
    const documented = new Set(operations.map((o) => `${o.method} ${o.path.replace(/\{(\w+)\}/g, ':$1')}`));
    const served = new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`));
    const escaped = [...served].filter((r) => !documented.has(r) && !(r in UNDOCUMENTED_PUBLIC_ROUTES));
    expect(escaped).toEqual([]);
    expect(operations.length).toBeGreaterThanOrEqual(14);
  });

  it('gives every route an access rule: roles, or a stated reason to be public', () => {
    for (const op of operations) {
      expect(op.access, `${op.method} ${op.path}`).toBeDefined();
      const ok = (typeof op.access?.public === 'string' && op.access.public.length > 10) || (op.access?.roles?.length ?? 0) > 0;
      expect(ok, `${op.method} ${op.path}`).toBe(true);
    }
  });

  it('keeps the public surface to the routes chosen to be public', () => {
    const pub = operations.filter((o) => o.access?.public).map((o) => `${o.method} ${o.path}`);
    // POST /api/intake/{token}: anonymous field reports through a one-time link (docs/reports.md).
    expect(pub.sort()).toEqual(['GET /api/health', 'POST /api/intake/{token}', 'POST /api/session']);
  });

  it('refuses anonymous callers on every non-public route with 401', async () => {
    for (const op of operations.filter((o) => o.access?.roles)) {
      const res = await app.request(concrete(op.path), {
        method: op.method,
        headers: { 'content-type': 'application/json' },
        body: op.method === 'GET' ? null : '{}',
      });
      expect(res.status, `${op.method} ${op.path}`).toBe(401);
    }
  });

  it('refuses a forged or revoked bearer token with 401', async () => {
    const res = await app.request('/api/events', { headers: bearer('tst_not-a-real-token') });
    expect(res.status).toBe(401);
  });

  it('refuses every role a route does not name with 403, and lets the named roles past the guard', async () => {
    for (const op of operations.filter((o) => o.access?.roles)) {
      for (const role of ROLES) {
        const res = await app.request(concrete(op.path), {
          method: op.method,
          headers: { ...bearer(tokens[role]), 'content-type': 'application/json' },
          body: op.method === 'GET' ? null : '{}',
        });
        const allowed = op.access!.roles!.includes(role);
        if (allowed) expect([401, 403], `${role} ${op.method} ${op.path} was refused`).not.toContain(res.status);
        else expect(res.status, `${role} ${op.method} ${op.path}`).toBe(403);
      }
    }
  });

  it('answers the public routes without credentials', async () => {
    expect((await app.request('/api/health')).status).toBe(200);
    expect((await app.request('/api/openapi.json')).status).toBe(200);
    const login = await app.request('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'nobody', password: 'wrong password' }),
    });
    expect(login.status).toBe(401);
  });
});
