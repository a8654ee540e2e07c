import fc from 'fast-check';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { IsoDate } from '../core/brand.js';
import { describeEachEngine } from '../test-support/engines.js';
import { event, startTestBatch } from '../test-support/event-fixtures.js';
import { EVENT_COPY_COLUMNS, toEventCopyBatch, toEventCopyLine } from './event-copy.js';
import { EVENT_ROW_COLUMNS, toEventRowJson } from './event-row.js';
import type { NormalisedEvent } from './event.js';
import { copyNewEvents, upsertEventRows, upsertEvents } from './events-writer.repository.js';
import type { ChangedSince } from './changed-since.js';

/** Strings with everything COPY's text format and array literals escape, and text they must leave alone. */
const awkward = fc.string({
  unit: fc.constantFrom('a', 'é', '日', '😀', ' ', ',', '"', "'", '\\', '\t', '\n', '\r', '{', '}', '\\N', 'NULL', '\\.'),
  maxLength: 12,
});

const awkwardEvent = fc
  .record({
    admin1: fc.option(awkward),
    location: fc.option(awkward),
    description: fc.option(awkward),
    citations: fc.array(awkward, { maxLength: 3 }),
    raw: fc.array(awkward, { maxLength: 4 }),
    perpetrator: fc.option(fc.record({ name: awkward, isCivilian: fc.boolean(), isState: fc.boolean() })),
    latitude: fc.option(fc.double({ min: -90, max: 90, noNaN: false })),
    goldsteinScale: fc.option(fc.constantFrom(-10, -2.5, 0, 3.4, 10)),
    fatalitiesBest: fc.option(fc.integer({ min: 0, max: 100_000 })),
  })
  .map((o) => event({ dateStart: '2023-05-01', ...o }));

describe('toEventCopyLine', () => {
  it('writes one field per column, in order, ending in a newline', () => {
    const line = toEventCopyLine(event({ dateStart: '2023-05-01', sourceId: 'x1' }), 3, 7);
    expect(line.endsWith('\n')).toBe(true);
    const fields = line.slice(0, -1).split('\t');
    expect(fields).toHaveLength(EVENT_COPY_COLUMNS.length);
    expect(EVENT_COPY_COLUMNS.slice(0, EVENT_ROW_COLUMNS.length)).toEqual(EVENT_ROW_COLUMNS.map(([c]) => c));
    const at = (c: string) => fields[EVENT_COPY_COLUMNS.indexOf(c)];
    expect([at('source_id'), at('date_start'), at('admin2'), at('normaliser_version'), at('import_batch_id')]).toEqual([
      'x1',
      '2023-05-01',
      '\\N',
      '3',
      '7',
    ]);
  });

  it('escapes tabs, line breaks and backslashes, and writes a non-finite number as null (as JSON does)', () => {
    const line = toEventCopyLine(
      event({ dateStart: '2023-05-01', description: 'a\tb\nc\\d\re', latitude: Number.NaN, citations: ['x"y', 'p\\q'] }),
      1,
      1,
    );
    const fields = line.slice(0, -1).split('\t');
    const at = (c: string) => fields[EVENT_COPY_COLUMNS.indexOf(c)];
    expect(at('description')).toBe('a\\tb\\nc\\\\d\\re');
    expect(at('latitude')).toBe('\\N');
    expect(at('citations')).toBe('{"x\\\\"y","p\\\\\\\\q"}');
  });
});

describeEachEngine('copyNewEvents', ({ db }) => {
  let batchId: number;
  beforeAll(async () => {
    batchId = await startTestBatch(db());
  });
  beforeEach(async () => {
    await db().exec('TRUNCATE events RESTART IDENTITY CASCADE');
  });

  const stored = (prefix: string) =>
    db().query<Record<string, unknown>>(
      `SELECT ${EVENT_ROW_COLUMNS.map(([c]) => c)
        .filter((c) => c !== 'source_id')
        .join(', ')}, first_batch_id, import_batch_id
       FROM events WHERE source_id LIKE $1 ORDER BY length(source_id), source_id`,
      [`${prefix}%`],
    );

  it('stores exactly what the upsert stores, so a later upsert of the same rows finds them unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(awkwardEvent, { minLength: 1, maxLength: 6 }), async (events) => {
        await db().exec('TRUNCATE events RESTART IDENTITY CASCADE');
        const viaCopy = events.map((e, i) => ({ ...e, sourceId: `c${i}` }));
        const viaJson = events.map((e, i) => ({ ...e, sourceId: `j${i}` }));
        await db().transaction((tx) => copyNewEvents(tx, toEventCopyBatch(viaCopy, 2, batchId)));
        await upsertEventRows(
          db(),
          batchId,
          viaJson.map((e) => toEventRowJson(e, 2)),
        );
        expect(await stored('c')).toEqual(await stored('j'));
        const again = await upsertEventRows(
          db(),
          batchId,
          viaCopy.map((e) => toEventRowJson(e, 2)),
        );
        expect(again).toEqual({ inserted: 0, updated: 0, unchanged: events.length });
        const staged = await db().transaction((tx) => upsertEvents(tx, toEventCopyBatch(viaJson, 2, batchId)));
        expect(staged).toEqual({ inserted: 0, updated: 0, unchanged: events.length });
      }),
      { numRuns: 25, seed: 20261124 },
    );
  });

  it('notes each country with its earliest start date, as the upsert does', async () => {
    const changed: ChangedSince = new Map();
    const events: NormalisedEvent[] = [
      event({ dateStart: '2023-05-09' }),
      event({ dateStart: '2023-05-02' }),
      event({ dateStart: '2023-01-01', countryIso3: null }),
      event({ dateStart: '2024-02-01', countryIso3: 'MLI' as NormalisedEvent['countryIso3'] }),
    ];
    expect(await copyNewEvents(db(), toEventCopyBatch(events, 1, batchId), changed)).toBe(4);
    expect(changed).toEqual(
      new Map([
        ['CAF', '2023-05-02' as IsoDate],
        ['MLI', '2024-02-01' as IsoDate],
      ]),
    );
  });

  it('refuses the whole batch when one source id is already stored, leaving what was there', async () => {
    const first = event({ dateStart: '2023-05-01', sourceId: 'dup' });
    await copyNewEvents(db(), toEventCopyBatch([first], 1, batchId));
    await expect(
      db().transaction((tx) =>
        copyNewEvents(
          tx,
          toEventCopyBatch([event({ dateStart: '2023-05-02', sourceId: 'new' }), { ...first, location: 'Bangui' }], 1, batchId),
        ),
      ),
    ).rejects.toMatchObject({ code: '23505' });
    expect(await db().query('SELECT source_id, location FROM events')).toEqual([{ source_id: 'dup', location: 'Bossangoa' }]);
  });

  it('upserts through the staging table: new rows inserted, changed ones replaced, the rest left, twice in one transaction', async () => {
    const a = event({ dateStart: '2023-05-01', sourceId: 'a' });
    const b = event({ dateStart: '2023-05-02', sourceId: 'b' });
    await copyNewEvents(db(), toEventCopyBatch([a, b], 1, batchId));
    const changed: ChangedSince = new Map();
    const [first, second] = await db().transaction(async (tx) => [
      await upsertEvents(
        tx,
        toEventCopyBatch([a, { ...b, raw: ['changed'] }, event({ dateStart: '2022-01-03', sourceId: 'c' })], 1, batchId),
        changed,
      ),
      await upsertEvents(tx, toEventCopyBatch([event({ dateStart: '2023-06-01', sourceId: 'd' })], 1, batchId)),
    ]);
    expect(first).toEqual({ inserted: 1, updated: 1, unchanged: 1 });
    expect(second).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
    expect(changed).toEqual(new Map([['CAF', '2022-01-03' as IsoDate]]));
    expect(await db().query('SELECT source_id, raw FROM events ORDER BY source_id')).toEqual([
      { source_id: 'a', raw: [] },
      { source_id: 'b', raw: ['changed'] },
      { source_id: 'c', raw: [] },
      { source_id: 'd', raw: [] },
    ]);
  });
});
