import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Iso3 } from '../core/brand.js';
import { openDatabase } from '../db/open-database.js';
import { event, storeAndSurvey } from '../test-support/event-fixtures.js';
import { tocsin } from '../test-support/tocsin-cli.js';

describe('tocsin groups', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tocsin-groups-'));
  let cafEvents: string[];
  let ssdEvent: string;

  beforeAll(async () => {
    const db = await openDatabase({ dataDir });
    await storeAndSurvey(db, [
      event({ dateStart: '2013-12-05' }),
      event({ dateStart: '2013-12-06' }),
      event({ dateStart: '2013-12-06', countryIso3: 'SSD' as Iso3 }),
    ]);
    const rows = await db.query<{ id: number; country_iso3: string }>('SELECT id, country_iso3 FROM events ORDER BY id');
    cafEvents = rows.filter((r) => r.country_iso3 === 'CAF').map((r) => String(r.id));
    ssdEvent = String(rows.find((r) => r.country_iso3 === 'SSD')!.id);
    await db.close();
  }, 60_000);

  it('adds, lists, tags, refuses, untags, edits and removes a group', async () => {
    const args = ['--country', 'caf', '--name', 'Muslim civilians', '--kind', 'religious', '--areas', 'Ouham, Ouham-Pendé'];
    const add = await tocsin(dataDir, 'groups', 'add', ...args);
    expect(add.code, add.stderr).toBe(0);
    const again = await tocsin(dataDir, 'groups', 'add', ...args);
    expect(again.code).toBe(6);
    expect(again.stderr).toMatch(/CAF already has a group named "Muslim civilians"/);
    const badKind = await tocsin(dataDir, 'groups', 'add', '--country', 'CAF', '--name', 'x', '--kind', 'tribe');
    expect(badKind.code).toBe(2);

    const list = await tocsin(dataDir, 'groups', 'list', '--country', 'CAF', '--format', 'json');
    const [group] = JSON.parse(list.stdout) as { id: number; areas: string[] }[];
    expect(group!.areas).toEqual(['Ouham', 'Ouham-Pendé']);
    const id = String(group!.id);

    const wrong = await tocsin(dataDir, 'groups', 'tag', id, ...cafEvents, ssdEvent);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(`event ${ssdEvent} is in SSD, not CAF`);
    const tag = await tocsin(dataDir, 'groups', 'tag', id, ...cafEvents);
    expect(tag.stdout).toMatch(/2 events tagged/);
    const refused = await tocsin(dataDir, 'groups', 'remove', id);
    expect(refused.code).toBe(6);
    expect(refused.stderr).toMatch(/named by 2 events/);
    const untag = await tocsin(dataDir, 'groups', 'untag', id, ...cafEvents);
    expect(untag.stdout).toMatch(/2 tags removed/);

    const edit = await tocsin(dataDir, 'groups', 'edit', id, '--areas', 'Bangui', '--notes', 'PK5 enclave');
    expect(edit.code, edit.stderr).toBe(0);
    expect(edit.stdout).toMatch(/Muslim civilians \(Bangui\)/);
    const removed = await tocsin(dataDir, 'groups', 'remove', id);
    expect(removed.stdout).toMatch(`group ${id} deleted`);
    expect((await tocsin(dataDir, 'groups', 'list')).stdout).toBe('');
  }, 120_000);
});
