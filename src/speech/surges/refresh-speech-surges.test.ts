import { beforeEach, expect, it } from 'vitest';
import type { IsoDate } from '../../core/brand.js';
import { getSignal, listSignals, storeSignals, triageSignal } from '../../surveillance/signals/signals.repository.js';
import { describeEachEngine } from '../../test-support/engines.js';
import { refreshSpeechSurges } from './refresh-speech-surges.js';
import { storeScored, stream, SURGE_DAY } from './surge-stream.fixture.js';

describeEachEngine('surges of hateful posts as signals', ({ db }) => {
  beforeEach(async () => {
    await db().exec('TRUNCATE speech_items, speech_models, signals RESTART IDENTITY CASCADE');
  });

  it('raises a daily signal on the surge day only, for the targeted group and for all groups', async () => {
    await storeScored(db(), stream());
    const report = await refreshSpeechSurges(db());
    expect(report).toMatchObject({ days: 35, series: 3, alarms: 2, withdrawn: 0 });
    const { items } = await listSignals(db(), { measure: 'hateful-posts' }, { limit: 10 });
    expect(items.map((s) => [s.category, s.week, s.frequency, s.observed]).sort()).toEqual([
      ['hate:Refugee', SURGE_DAY, 'daily', 20],
      ['hate:all', SURGE_DAY, 'daily', 21],
    ]);
    const refugee = items.find((s) => s.category === 'hate:Refugee')!;
    expect(refugee).toMatchObject({ country: 'CAF', status: 'new', eventIds: [], method: 'ears-c2-daily' });
    expect(refugee.speechItemIds).toHaveLength(20);
    const [counted] = await db().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM speech_items WHERE id = ANY($1::bigint[]) AND source_id LIKE '${SURGE_DAY}-r%'`,
      [refugee.speechItemIds],
    );
    expect(counted!.n).toBe(20);
    expect((await listSignals(db(), { category: 'hate:Refugee', frequency: 'daily' }, { limit: 10 })).items).toHaveLength(1);
    expect((await listSignals(db(), { frequency: 'weekly' }, { limit: 10 })).items).toHaveLength(0);
  });

  it('is triaged like any other signal, and a re-run keeps the signal and its triage', async () => {
    await storeScored(db(), stream());
    const first = await refreshSpeechSurges(db());
    const id = (await listSignals(db(), { category: 'hate:Refugee' }, { limit: 1 })).items[0]!.id;
    const triaged = await triageSignal(db(), id, { decision: 'monitor', note: 'watch the coming days', userId: null });
    expect(triaged).toMatchObject({ status: 'monitoring', triageNote: 'watch the coming days' });
    const again = await refreshSpeechSurges(db(), { since: SURGE_DAY as IsoDate });
    expect(again.signalIds.sort()).toEqual(first.signalIds.sort());
    expect(await getSignal(db(), id)).toMatchObject({ status: 'monitoring' });
  });

  it('withdraws an untriaged surge that a newer model no longer sees, and keeps a triaged one', async () => {
    const posts = stream();
    await storeScored(db(), posts);
    await refreshSpeechSurges(db());
    const refugee = (await listSignals(db(), { category: 'hate:Refugee' }, { limit: 1 })).items[0]!;
    await triageSignal(db(), refugee.id, { decision: 'discard', note: 'one coordinated account', userId: null });
    await storeScored(
      db(),
      posts.map((p) => (p.sourceId.startsWith(`${SURGE_DAY}-r`) ? { ...p, label: 'normal', targets: [] } : p)),
    );
    const report = await refreshSpeechSurges(db());
    expect(report).toMatchObject({ alarms: 0, withdrawn: 1 });
    const left = (await listSignals(db(), { measure: 'hateful-posts' }, { limit: 10 })).items;
    expect(left.map((s) => [s.id, s.status])).toEqual([[refugee.id, 'discarded']]);
  });

  it('is not withdrawn by the weekly surveillance step of the same country', async () => {
    await storeScored(db(), stream());
    await refreshSpeechSurges(db());
    await db().transaction((tx) => storeSignals(tx, [], { since: new Map([['CAF', '2025-12-29' as IsoDate]]), batchId: null }));
    expect((await listSignals(db(), { measure: 'hateful-posts' }, { limit: 10 })).items).toHaveLength(2);
  });

  it('reports nothing to do before any model was trained', async () => {
    expect(await refreshSpeechSurges(db())).toMatchObject({ modelId: null, alarms: 0, signalIds: [] });
  });
});
