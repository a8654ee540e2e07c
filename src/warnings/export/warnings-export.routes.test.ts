import { beforeAll, expect, it } from 'vitest';
import type { Role } from '../../access/roles.js';
import type { App } from '../../http/app-env.js';
import { storeWarning } from '../../test-support/stored-warning.fixture.js';
import { addMeasure } from '../../measures/warning-measures.repository.js';
import { appWithRoleTokens, bearer } from '../../test-support/app-fixture.js';
import { describeEachEngine } from '../../test-support/engines.js';

describeEachEngine('warnings export route', ({ db }) => {
  let app: App;
  let tokens: Record<Role, string>;
  let withMeasures: number;
  beforeAll(async () => {
    ({ app, tokens } = await appWithRoleTokens(db()));
    withMeasures = await storeWarning(db(), { status: 'decided', title: '=HYPERLINK("http://evil")', country: 'SDN' });
    const now = new Date('2025-03-05T00:00:00Z');
    await addMeasure(db(), withMeasures, { catalogueId: 'human-rights-monitors', owner: 'OHCHR' }, { by: null, now });
    await addMeasure(db(), withMeasures, { title: 'Radio, "in Arabic"\nand Fur', owner: '@desk' }, { by: null, now });
    await storeWarning(db(), { title: 'No measures yet', country: 'CAF' });
  });
  const get = (role: Role, q: string) => app.request(`/api/warnings/export${q}`, { headers: bearer(tokens[role]) });

  it('exports warnings with their measures as CSV, one line per measure, formulas defused', async () => {
    const res = await get('viewer', '');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await res.text()).trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^warning_id,title,summary,severity/);
    expect(lines[1]).toMatch(/^\d+,"'=HYPERLINK\(""http:\/\/evil""\)",/);
    expect(lines[1]).toContain('Deploy human-rights monitors');
    expect(lines[2]).toContain(`"Radio, ""in Arabic"" and Fur",'@desk,planned`);
    expect(lines[3]).toMatch(/No measures yet.*,,,,,,,,$/);
  });

  it('exports JSON with the measures nested, filtered by country', async () => {
    const res = await get('analyst', '?format=json&country=sdn');
    const body = (await res.json()) as { id: number; measures: { title: string }[] }[];
    expect(body.map((w) => w.id)).toEqual([withMeasures]);
    expect(body[0]!.measures.map((m) => m.title)).toEqual(['Deploy human-rights monitors', 'Radio, "in Arabic"\nand Fur']);
  });

  it('refuses a monitor and an unknown format', async () => {
    expect((await get('monitor', '')).status).toBe(403);
    expect((await get('viewer', '?format=xlsx')).status).toBe(400);
  });
});
