import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../access/roles.js';
import type { App } from '../http/app-env.js';
import { appWithRoleTokens, bearer } from '../test-support/app-fixture.js';
import { describeEachEngine } from '../test-support/engines.js';

describeEachEngine('evidence routes', ({ db }) => {
  let app: App;
  let tokens: Record<Role, string>;

  beforeAll(async () => {
    ({ app, tokens } = await appWithRoleTokens(db()));
  });

  const upload = (query: string, body: BodyInit, role: Role = 'investigator', type = 'application/octet-stream') =>
    app.request(`/api/evidence?${query}`, { method: 'POST', body, headers: { ...bearer(tokens[role]), 'content-type': type } });

  it('takes a streamed upload, serves it back as a logged download, and shows its chain', async () => {
    const res = await upload(
      'name=..%2Fstatement.txt&link=report:3&notes=first%20account',
      'Je les ai vus arriver.\n',
      'investigator',
      'text/plain',
    );
    expect(res.status).toBe(201);
    const { item, duplicate } = (await res.json()) as {
      item: { id: number; originalName: string; mediaType: string; links: unknown[] };
      duplicate: boolean;
    };
    expect(duplicate).toBe(false);
    expect(item).toMatchObject({
      originalName: 'statement.txt',
      mediaType: 'text/plain',
      links: [{ kind: 'report', targetId: 3 }],
    });

    const content = await app.request(`/api/evidence/${item.id}/content`, { headers: bearer(tokens.admin) });
    expect(content.status).toBe(200);
    expect(content.headers.get('content-type')).toBe('application/octet-stream');
    expect(await content.text()).toBe('Je les ai vus arriver.\n');

    const chain = (await (
      await app.request(`/api/evidence/${item.id}/custody`, { headers: bearer(tokens.investigator) })
    ).json()) as { action: string; actor: string }[];
    expect(chain.map((e) => [e.action, e.actor])).toEqual([
      ['collected', 'user-investigator'],
      ['linked', 'user-investigator'],
      ['viewed', 'user-admin'],
    ]);
    const list = (await (await app.request('/api/evidence', { headers: bearer(tokens.investigator) })).json()) as unknown[];
    expect(list.length).toBe(1);
  });

  it('tells the caller when an upload duplicates an item held, and flags a media-type lie', async () => {
    const again = await upload('name=copy.txt', 'Je les ai vus arriver.\n');
    expect(((await again.json()) as { duplicate: boolean }).duplicate).toBe(true);
    const lie = await upload('name=photo.jpg&claimedType=image/jpeg', '%PDF-1.7 ...');
    expect(((await lie.json()) as { mediaTypeMismatch: unknown }).mediaTypeMismatch).toEqual({
      claimed: 'image/jpeg',
      detected: 'application/pdf',
    });
  });

  it('refuses bad metadata with the field, and roles that do not handle evidence', async () => {
    const bad = await upload('name=x.txt&link=report:abc', 'x');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/^link:/);
    expect((await upload('name=x.txt&sourceUrl=not-a-url', 'x')).status).toBe(400);
    expect((await upload('name=x.txt', 'x', 'analyst')).status).toBe(403);
    expect((await upload('name=x.txt', 'x', 'monitor')).status).toBe(403);
    expect((await app.request('/api/evidence/999', { headers: bearer(tokens.admin) })).status).toBe(404);
  });
});

describe('evidence routes without a data directory', () => {
  it('is covered by evidenceStoreOf refusing as unavailable', async () => {
    const { evidenceStoreOf } = await import('./store/evidence-paths.js');
    expect(() => evidenceStoreOf(undefined, {})).toThrow(/needs a data directory/);
  });
});
