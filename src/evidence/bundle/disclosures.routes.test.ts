import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { Role } from '../../access/roles.js';
import type { App } from '../../http/app-env.js';
import { appWithRoleTokens, bearer } from '../../test-support/app-fixture.js';
import { describeEachEngine } from '../../test-support/engines.js';
import { loadSigner } from '../custody/signing-key.js';
import { evidenceStoreOf, keysDirOf } from '../store/evidence-paths.js';
import { lockerWithItems, type Locker } from './bundle.fixtures.js';
import { verifyBundle } from './verify-bundle.js';

describeEachEngine('disclosure routes', ({ db }) => {
  let app: App;
  let tokens: Record<Role, string>;
  let locker: Locker;
  beforeAll(async () => {
    const made = await appWithRoleTokens(db());
    ({ app, tokens } = made);
    const signer = await loadSigner(db(), keysDirOf(made.dataDir, {}));
    locker = await lockerWithItems(db(), { store: evidenceStoreOf(made.dataDir, {}), signer });
  });
  const post = (role: Role, body: unknown) =>
    app.request('/api/evidence/disclosures', {
      method: 'POST',
      headers: { ...bearer(tokens[role]), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const request = (itemIds: number[]) => ({ itemIds, recipient: 'Special Rapporteur', purpose: 'Thematic report' });

  it('streams back a bundle that verifies, and lists the disclosure', async () => {
    const res = await post('investigator', request([locker.ids.text, locker.ids.page]));
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const zip = Buffer.from(await res.arrayBuffer());
    expect(createHash('sha256').update(zip).digest('hex')).toBe(res.headers.get('x-tocsin-bundle-sha256'));
    const file = join(locker.dir, 'from-api.zip');
    await writeFile(file, zip);
    const report = await verifyBundle(file);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ intact: true, items: 3, disclosureId: Number(res.headers.get('x-tocsin-disclosure-id')) });

    const list = await app.request('/api/evidence/disclosures', { headers: bearer(tokens.admin) });
    expect(list.status).toBe(200);
    expect(((await list.json()) as { items: unknown[] }).items[0]).toMatchObject({
      id: report.disclosureId,
      recipient: 'Special Rapporteur',
      createdBy: 'user-investigator',
      bundleSha256: res.headers.get('x-tocsin-bundle-sha256'),
    });
  });

  it('refuses other roles, unknown items and bad input', async () => {
    expect((await post('analyst', request([locker.ids.text]))).status).toBe(403);
    expect((await app.request('/api/evidence/disclosures', { headers: bearer(tokens.viewer) })).status).toBe(403);
    const unknown = await post('admin', request([424_242]));
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('424242');
    expect((await post('admin', { itemIds: ['x'], recipient: '', purpose: 'p' })).status).toBe(400);
  });
});
