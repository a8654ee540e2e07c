import { beforeAll, expect, it } from 'vitest';
import type { Iso3 } from '../core/brand.js';
import { describeEachEngine } from '../test-support/engines.js';
import { event, storeAndSurvey } from '../test-support/event-fixtures.js';
import {
  createGroup,
  deleteGroup,
  getGroup,
  groupsOfEvent,
  groupsOfEvents,
  listGroups,
  setEventGroups,
  tagEvents,
  untagEvents,
  updateGroup,
} from './groups.repository.js';
import { newGroupSchema } from './protected-group.js';

describeEachEngine('protected groups repository', ({ db }) => {
  let caf: number[];
  let ssd: number;
  beforeAll(async () => {
    await storeAndSurvey(db(), [
      event({ dateStart: '2014-01-06' }),
      event({ dateStart: '2014-01-07' }),
      event({ dateStart: '2014-01-08', countryIso3: 'SSD' as Iso3, admin1: 'Jonglei' }),
    ]);
    const ids = await db().query<{ id: number; country_iso3: string }>('SELECT id, country_iso3 FROM events ORDER BY id');
    caf = ids.filter((r) => r.country_iso3 === 'CAF').map((r) => r.id);
    ssd = ids.find((r) => r.country_iso3 === 'SSD')!.id;
  });
  const muslims = () =>
    newGroupSchema.parse({ country: 'caf', name: 'Muslim civilians', kind: 'religious', areas: ['Ouham', 'Ouham'] });

  it('creates, lists by country, and updates groups; a name is unique within its country', async () => {
    const g = await createGroup(db(), muslims(), null);
    expect(g).toMatchObject({ country: 'CAF', name: 'Muslim civilians', kind: 'religious', areas: ['Ouham'], notes: '' });
    await createGroup(db(), newGroupSchema.parse({ country: 'SSD', name: 'Nuer', kind: 'ethnic' }), null);
    await expect(createGroup(db(), muslims(), null)).rejects.toMatchObject({
      code: 'conflict',
      message: /CAF already has a group/,
    });
    expect((await listGroups(db(), { country: 'CAF' })).map((x) => x.name)).toEqual(['Muslim civilians']);
    expect(await listGroups(db())).toHaveLength(2);
    const edited = await updateGroup(db(), g.id, { areas: ['Ouham', 'Ouham-Pendé'], notes: 'displaced to enclaves' });
    expect(edited).toMatchObject({ name: 'Muslim civilians', areas: ['Ouham', 'Ouham-Pendé'], notes: 'displaced to enclaves' });
    expect(Date.parse(edited.updatedAt)).toBeGreaterThanOrEqual(Date.parse(g.updatedAt));
    await createGroup(db(), newGroupSchema.parse({ country: 'CAF', name: 'Peuhl herders', kind: 'ethnic' }), null);
    await expect(updateGroup(db(), g.id, { name: 'Peuhl herders' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(updateGroup(db(), 99_999, { notes: 'x' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('tags events of the same country only, saying why the others are refused', async () => {
    const [g] = await listGroups(db(), { country: 'CAF' });
    await expect(tagEvents(db(), g!.id, [caf[0]!, ssd, 987_654], null)).rejects.toMatchObject({
      code: 'invalid_input',
      message: `eventIds: event ${ssd} is in SSD, not CAF; no event 987654`,
    });
    expect(await groupsOfEvent(db(), caf[0]!)).toEqual([]); // nothing half-done
    expect(await tagEvents(db(), g!.id, caf, null)).toBe(2);
    expect(await tagEvents(db(), g!.id, caf, null)).toBe(0);
    const map = await groupsOfEvents(db(), [...caf, ssd]);
    expect([...map.keys()].sort()).toEqual([...caf].sort());
    expect(map.get(caf[0]!)!.map((x) => x.name)).toEqual(['Muslim civilians']);
    expect(await untagEvents(db(), g!.id, [caf[1]!])).toBe(1);
    expect(await groupsOfEvent(db(), caf[1]!)).toEqual([]);
  });

  it("replaces an event's groups, refusing groups of another country", async () => {
    const cafGroups = await listGroups(db(), { country: 'CAF' });
    const [nuer] = await listGroups(db(), { country: 'SSD' });
    await expect(setEventGroups(db(), caf[1]!, [nuer!.id], null)).rejects.toMatchObject({
      message: `groupIds: group ${nuer!.id} is in SSD, not CAF`,
    });
    const set = await setEventGroups(
      db(),
      caf[1]!,
      cafGroups.map((x) => x.id),
      null,
    );
    expect(set.map((x) => x.name)).toEqual(['Muslim civilians', 'Peuhl herders']);
    expect(await setEventGroups(db(), caf[1]!, [cafGroups[1]!.id], null)).toMatchObject([{ name: 'Peuhl herders' }]);
    await expect(setEventGroups(db(), 987_654, [], null)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('deletes a group only while nothing names it', async () => {
    const [muslim, peuhl] = await listGroups(db(), { country: 'CAF' });
    await expect(deleteGroup(db(), muslim!.id)).rejects.toMatchObject({
      code: 'conflict',
      message: /named by 1 event;/,
    });
    await untagEvents(db(), muslim!.id, caf);
    await db().query(
      `INSERT INTO assessments (country_iso3, group_id, period_start, period_end, framework_version) VALUES ('CAF', $1, '2014-01-01', '2014-03-31', 1)`,
      [muslim!.id],
    );
    await expect(deleteGroup(db(), muslim!.id)).rejects.toMatchObject({ message: /named by 1 assessment;/ });
    await setEventGroups(db(), caf[1]!, [], null);
    await deleteGroup(db(), peuhl!.id);
    await expect(getGroup(db(), peuhl!.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(deleteGroup(db(), peuhl!.id)).rejects.toMatchObject({ code: 'not_found' });
  });
});
