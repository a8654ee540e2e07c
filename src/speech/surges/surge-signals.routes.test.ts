import { beforeAll, expect, it } from 'vitest';
import type { App } from '../../http/app-env.js';
import { appWithRoleTokens, bearer } from '../../test-support/app-fixture.js';
import { describeEachEngine } from '../../test-support/engines.js';
import { refreshSpeechSurges } from './refresh-speech-surges.js';
import { storeScored, stream, SURGE_DAY } from './surge-stream.fixture.js';

interface SignalJson {
  id: number;
  category: string;
  measure: string;
  frequency: string;
  week: string;
  status: string;
  speechItemIds: number[];
}

describeEachEngine('surge signals through /api/signals', ({ db }) => {
  let app: App;
  let tokens: Awaited<ReturnType<typeof appWithRoleTokens>>['tokens'];
  beforeAll(async () => {
    ({ app, tokens } = await appWithRoleTokens(db()));
    await storeScored(db(), stream());
    await refreshSpeechSurges(db());
  });
  const get = (path: string, token: string) => app.request(path, { headers: bearer(token) });

  it('lists daily hateful-posts signals by group category for readers', async () => {
    const res = await get('/api/signals?category=hate:Refugee&frequency=daily&measure=hateful-posts', tokens.viewer);
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: SignalJson[] };
    expect(items).toEqual([
      expect.objectContaining({ category: 'hate:Refugee', measure: 'hateful-posts', frequency: 'daily', week: SURGE_DAY }),
    ]);
    expect(items[0]!.speechItemIds).toHaveLength(20);
    expect((await get('/api/signals?category=hate:', tokens.viewer)).status).toBe(400);
    expect((await get('/api/signals?frequency=hourly', tokens.viewer)).status).toBe(400);
  });

  it('lets an analyst triage a surge signal and shows it with its items', async () => {
    const { items } = (await (await get('/api/signals?category=hate:all', tokens.analyst)).json()) as { items: SignalJson[] };
    const res = await app.request(`/api/signals/${items[0]!.id}/triage`, {
      method: 'POST',
      headers: { ...bearer(tokens.analyst), 'content-type': 'application/json' },
      body: JSON.stringify({ decision: 'monitor', note: 'coordinated posting suspected' }),
    });
    expect(res.status).toBe(200);
    const shown = (await (await get(`/api/signals/${items[0]!.id}`, tokens.viewer)).json()) as SignalJson;
    expect(shown).toMatchObject({ status: 'monitoring', frequency: 'daily' });
    expect(shown.speechItemIds).toHaveLength(21);
  });
});
