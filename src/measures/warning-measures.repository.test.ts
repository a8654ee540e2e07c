import { beforeAll, expect, it } from 'vitest';
import type { IsoDate } from '../core/brand.js';
import { describeEachEngine } from '../test-support/engines.js';
import { ensureMeasureCatalogue, listCatalogue, recommendMeasures } from './catalogue.repository.js';
import { SHIPPED_CATALOGUE } from './catalogue.js';
import { storeWarning } from '../test-support/stored-warning.fixture.js';
import { addMeasure, listMeasures, updateMeasure } from './warning-measures.repository.js';

const now = new Date('2025-03-05T10:00:00Z');

describeEachEngine('protection measures on warnings', ({ db }) => {
  let userId: number;
  beforeAll(async () => {
    const [u] = await db().query<{ id: number }>(
      `INSERT INTO users (username, password_hash, role) VALUES ('dm', 'x', 'decision-maker') RETURNING id`,
    );
    userId = u!.id;
  });

  it('loads the shipped catalogue at open, and again without change or loss', async () => {
    expect(await listCatalogue(db())).toHaveLength(SHIPPED_CATALOGUE.length);
    await db().query(
      `INSERT INTO measure_catalogue (id, kind, title, description, risk_factors) VALUES ('retired', 'legal', 't', 'd', '{RF1}')`,
    );
    await db().query(`UPDATE measure_catalogue SET title = 'edited' WHERE id = 'mediation-support'`);
    await ensureMeasureCatalogue(db());
    const all = await listCatalogue(db(), { includeInactive: true });
    expect(all.find((m) => m.id === 'retired')?.active).toBe(false);
    expect(all.find((m) => m.id === 'mediation-support')?.title).toBe('Support mediation and dialogue between parties');
  });

  it('recommends catalogue measures for a warning’s risk factors', async () => {
    const r = await recommendMeasures(db(), ['RF14']);
    expect(r.map((m) => m.id)).toContain('protect-aid-workers');
    expect(r.every((m) => m.reason === 'addresses RF14')).toBe(true);
  });

  it('moves a warning decided "act" to "measures" with its first measure, and logs it', async () => {
    const w = await storeWarning(db(), { status: 'decided', decision: 'act' });
    const r = await addMeasure(
      db(),
      w,
      { catalogueId: 'mediation-support', owner: 'Special envoy', ownerUserId: userId, dueDate: '2025-03-20' },
      { by: userId, now },
    );
    expect(r.warningStatus).toBe('measures');
    expect(r.measure).toMatchObject({
      title: 'Support mediation and dialogue between parties',
      kind: 'diplomatic',
      status: 'planned',
      ownerUser: 'dm',
      createdBy: 'dm',
      createdAt: now.toISOString(),
    });
    const log = await db().query<{ action: string; detail: { statusChanged: boolean } }>(
      'SELECT action, detail FROM warning_log WHERE warning_id = $1',
      [w],
    );
    expect(log).toEqual([{ action: 'measure-added', detail: expect.objectContaining({ statusChanged: true }) }]);
    const second = await addMeasure(db(), w, { title: 'Radio messages in Sango', owner: 'UN radio' }, { by: null, now });
    expect(second.warningStatus).toBe('measures');
    expect((await listMeasures(db(), { warningId: w })).map((m) => m.title)).toEqual([
      'Support mediation and dialogue between parties',
      'Radio messages in Sango',
    ]);
  });

  it('leaves the status of a warning decided "monitor" or not yet decided', async () => {
    const monitor = await storeWarning(db(), { status: 'decided', decision: 'monitor' });
    expect((await addMeasure(db(), monitor, { title: 'Watch', owner: 'desk' }, { by: null, now })).warningStatus).toBe('decided');
    const raised = await storeWarning(db());
    expect((await addMeasure(db(), raised, { title: 'Prepare', owner: 'desk' }, { by: null, now })).warningStatus).toBe('raised');
  });

  it('refuses a measure on a closed warning, an unknown catalogue id or owner, and stores nothing', async () => {
    const closed = await storeWarning(db(), { status: 'closed' });
    await expect(addMeasure(db(), closed, { title: 'x', owner: 'y' }, { by: null, now })).rejects.toThrow(
      /warning \d+ is closed .*cannot be added/,
    );
    const open = await storeWarning(db());
    await expect(addMeasure(db(), open, { catalogueId: 'no-such', owner: 'y' }, { by: null, now })).rejects.toThrow(
      /catalogueId: no catalogue measure "no-such"/,
    );
    await expect(addMeasure(db(), open, { title: 'x', owner: 'y', ownerUserId: 99999 }, { by: null, now })).rejects.toThrow(
      /ownerUserId: no user 99999/,
    );
    await expect(addMeasure(db(), 99999, { title: 'x', owner: 'y' }, { by: null, now })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await listMeasures(db(), { warningId: open })).toEqual([]);
    expect(await listMeasures(db(), { warningId: closed })).toEqual([]);
  });

  it('tracks status to an outcome, required when done or abandoned', async () => {
    const w = await storeWarning(db(), { status: 'decided' });
    const { measure } = await addMeasure(
      db(),
      w,
      { title: 'Open a protection site', owner: 'Mission', dueDate: '2025-03-10' },
      { by: null, now },
    );
    expect((await updateMeasure(db(), measure.id, { status: 'in-progress' }, { by: userId, now })).status).toBe('in-progress');
    await expect(updateMeasure(db(), measure.id, { status: 'done' }, { by: userId, now })).rejects.toThrow(
      /outcome: a measure marked done needs a written outcome/,
    );
    const done = await updateMeasure(
      db(),
      measure.id,
      { status: 'done', outcome: '2,000 people sheltered' },
      { by: userId, now },
    );
    expect(done).toMatchObject({ status: 'done', outcome: '2,000 people sheltered' });
    await expect(updateMeasure(db(), measure.id, { status: 'planned' }, { by: userId, now })).rejects.toThrow(
      /is done: its status cannot change/,
    );
    const actions = await db().query<{ action: string }>('SELECT action FROM warning_log WHERE warning_id = $1 ORDER BY id', [w]);
    expect(actions.map((a) => a.action)).toEqual(['measure-added', 'measure-updated', 'measure-updated']);
  });

  it('lists overdue measures: due before today and neither done nor abandoned', async () => {
    const w = await storeWarning(db(), { status: 'decided' });
    const add = (title: string, dueDate?: string) =>
      addMeasure(db(), w, { title, owner: 'o', ...(dueDate ? { dueDate } : {}) }, { by: null, now });
    const late = (await add('late', '2025-03-01')).measure;
    await add('due today', '2025-03-05');
    await add('no date');
    const finished = (await add('finished late', '2025-03-01')).measure;
    await updateMeasure(db(), finished.id, { status: 'abandoned', outcome: 'area unreachable' }, { by: null, now });
    const overdue = await listMeasures(db(), { warningId: w, overdueOn: '2025-03-05' as IsoDate });
    expect(overdue.map((m) => m.id)).toEqual([late.id]);
  });
});
