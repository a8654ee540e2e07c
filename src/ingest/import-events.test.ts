import { copyFileSync, mkdtempSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, expect, it } from 'vitest';
import type { Db, Queryable } from '../db/database.js';
import { EVENT_COPY_COLUMNS } from '../events/event-copy.js';
import { describeEachEngine } from '../test-support/engines.js';
import { acledFormat } from './acled/acled-format.js';
import { importEventFile } from './import-events.js';
import { listRejections } from './imports.repository.js';

const fixture = (name: string) => join(import.meta.dirname, 'acled', 'fixtures', name);
const scratch = mkdtempSync(join(tmpdir(), 'tocsin-import-'));

/** Row counts of every table an import writes, to prove a refused file changed nothing. */
async function storeState(db: Db) {
  const [r] = await db.query<{ events: number; batches: number; rejections: number }>(
    `SELECT (SELECT count(*) FROM events)::int AS events, (SELECT count(*) FROM import_batches)::int AS batches,
            (SELECT count(*) FROM import_rejections)::int AS rejections`,
  );
  return r!;
}

/** `db` with its COPY calls into `events` counted (the upsert's staging copies are not); `fail` makes the first one fail as a broken COPY would. */
function watchingCopies(db: Db, fail?: Error) {
  const seen = { copies: 0 };
  const watch = <Q extends Queryable>(q: Q): Q => ({
    ...q,
    copyFrom: async (table: string, columns: readonly string[], data: string) => {
      if (table !== 'events') return q.copyFrom(table, columns, data);
      seen.copies++;
      if (fail && seen.copies === 1) throw fail;
      return q.copyFrom(table, columns, data);
    },
  });
  const watched: Db = { ...watch(db), transaction: (fn) => db.transaction((tx) => fn(watch(tx))) };
  return { db: watched, seen };
}

describeEachEngine('importEventFile', ({ db }) => {
  beforeEach(async () => {
    await db().exec(
      'TRUNCATE events, import_rejections, import_batches, event_clusters, event_cluster_members, event_series_weekly, event_series_monthly RESTART IDENTITY CASCADE',
    );
  });

  it('stores every good row and adds nothing when the same file is imported again', async () => {
    const first = await importEventFile(db(), { format: acledFormat, file: fixture('acled-2023.csv') });
    expect(first.inserted).toBe(9);
    expect(first.rejected).toBe(0);
    const again = await importEventFile(db(), { format: acledFormat, file: fixture('acled-2023.csv') });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 9 });
    expect((await storeState(db())).events).toBe(9);
  });

  it('replaces a row whose content changed, matched by source id, and keeps its Tocsin id', async () => {
    await importEventFile(db(), { format: acledFormat, file: fixture('acled-2020.csv') });
    const [before] = await db().query<{ id: number; fatalities_best: number }>(
      'SELECT id, fatalities_best FROM events ORDER BY source_id LIMIT 1',
    );
    const text = readFileSync(fixture('acled-2020.csv'), 'utf8');
    const lines = text.split('\n');
    // Change the fatalities of the first data row sorted by source id: rebuild it from the store's raw row.
    const [raw] = await db().query<{ source_id: string }>('SELECT source_id FROM events WHERE id = $1', [before!.id]);
    const header = lines[0]!.split(',');
    const fIdx = header.indexOf('fatalities');
    const rowIdx = lines.findIndex((l) => l.includes(raw!.source_id));
    const cells = lines[rowIdx]!.split(',');
    // Fatalities is a plain number cell: count from the end, since notes may contain commas.
    cells[cells.length - (header.length - fIdx)] = String(before!.fatalities_best + 7);
    lines[rowIdx] = cells.join(',');
    const changed = join(scratch, 'acled-2020-changed.csv');
    writeFileSync(changed, lines.join('\n'));
    const report = await importEventFile(db(), { format: acledFormat, file: changed });
    expect(report).toMatchObject({ inserted: 0, updated: 1, unchanged: 9 });
    const [after] = await db().query<{ id: number; fatalities_best: number }>(
      'SELECT id, fatalities_best FROM events WHERE id = $1',
      [before!.id],
    );
    expect(after).toEqual({ id: before!.id, fatalities_best: before!.fatalities_best + 7 });
  });

  it('quarantines bad rows with their line, column and reason, and keeps the good ones', async () => {
    const report = await importEventFile(db(), { format: acledFormat, file: fixture('acled-bad-rows.csv') });
    expect(report.inserted).toBeGreaterThan(0);
    expect(report.rejected).toBeGreaterThanOrEqual(5);
    const rows = await listRejections(db(), report.batchId);
    expect(rows).toHaveLength(report.rejected);
    const badDate = rows.find((r) => r.column === 'event_date');
    expect(badDate?.line).toBe(3);
    expect(badDate?.reason).toMatch(/31 February 2023/);
    expect(badDate?.record).toContain('ETH2002');
    expect(rows.every((r) => r.line > 1 && r.reason.length > 0)).toBe(true);
  });

  it('refuses a file of another format before writing anything', async () => {
    const before = await storeState(db());
    await expect(importEventFile(db(), { format: acledFormat, file: fixture('not-acled.csv') })).rejects.toMatchObject({
      code: 'invalid_format',
      message: expect.stringMatching(/not an ACLED CSV: missing columns/),
    });
    expect(await storeState(db())).toEqual(before);
  });

  it('refuses a truncated file (cut mid-row) and a binary one, leaving the store unchanged', async () => {
    await importEventFile(db(), { format: acledFormat, file: fixture('acled-2023.csv') });
    const before = await storeState(db());
    const text = readFileSync(fixture('acled-2020.csv'), 'utf8');
    const truncated = join(scratch, 'truncated.csv');
    writeFileSync(
      truncated,
      text.slice(0, Math.floor(text.length * 0.6)).replace(/\n[^\n]*$/, (m) => m.slice(0, Math.max(2, m.length - 40))),
    );
    await expect(importEventFile(db(), { format: acledFormat, file: truncated })).rejects.toMatchObject({
      code: 'invalid_format',
      message: expect.stringMatching(/truncated/),
    });
    const binary = join(scratch, 'binary.csv');
    writeFileSync(binary, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe]));
    await expect(importEventFile(db(), { format: acledFormat, file: binary })).rejects.toMatchObject({
      message: expect.stringMatching(/binary/),
    });
    await expect(importEventFile(db(), { format: acledFormat, file: join(scratch, 'missing.csv') })).rejects.toMatchObject({
      message: expect.stringMatching(/does not exist/),
    });
    expect(await storeState(db())).toEqual(before);
  });

  it('lets the later row win when one file holds the same source id twice', async () => {
    const lines = readFileSync(fixture('acled-2023.csv'), 'utf8').replace(/\r\n/g, '\n').trimEnd().split('\n');
    const later = lines[1]!.replace('near Djibo', 'just outside Djibo');
    expect(later).not.toBe(lines[1]);
    const dup = join(scratch, 'dup.csv');
    writeFileSync(dup, `${[...lines, later].join('\n')}\n`);
    const report = await importEventFile(db(), { format: acledFormat, file: dup });
    expect(report.rowsRead).toBe(10);
    expect((await storeState(db())).events).toBe(9);
    const [row] = await db().query<{ description: string }>("SELECT description FROM events WHERE source_id = 'BFO9001'");
    expect(row?.description).toContain('just outside Djibo');
  });

  it('reads a CRLF file the same as an LF one', async () => {
    const lf = join(scratch, 'lf.csv');
    copyFileSync(fixture('acled-2023.csv'), join(scratch, 'crlf.csv'));
    writeFileSync(lf, readFileSync(fixture('acled-2023.csv'), 'utf8').replace(/\r\n/g, '\n'));
    const a = await importEventFile(db(), { format: acledFormat, file: join(scratch, 'crlf.csv') });
    const b = await importEventFile(db(), { format: acledFormat, file: lf });
    expect(a.inserted).toBe(9);
    expect(b).toMatchObject({ inserted: 0, updated: 0, unchanged: 9 });
  });

  it('loads the first import of a source by COPY, a batch at a time, and later imports by the upsert', async () => {
    const first = watchingCopies(db());
    const report = await importEventFile(first.db, { format: acledFormat, file: fixture('acled-2023.csv'), batchSize: 4 });
    expect(report).toMatchObject({ inserted: 9, updated: 0, unchanged: 0 });
    expect(first.seen.copies).toBe(3);
    const second = watchingCopies(db());
    const again = await importEventFile(second.db, { format: acledFormat, file: fixture('acled-2023.csv'), batchSize: 4 });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 9 });
    expect(second.seen.copies).toBe(0);
    const [batch] = await db().query<{ inserted: number }>('SELECT inserted FROM import_batches WHERE id = $1', [report.batchId]);
    expect(batch?.inserted).toBe(9);
  });

  it('writes a batch again by the upsert when its COPY meets a source id stored by an earlier batch', async () => {
    const lines = readFileSync(fixture('acled-2023.csv'), 'utf8').replace(/\r\n/g, '\n').trimEnd().split('\n');
    const dup = join(scratch, 'dup-later-batch.csv');
    writeFileSync(dup, `${[...lines, lines[1]!.replace('near Djibo', 'just outside Djibo')].join('\n')}\n`);
    const watched = watchingCopies(db());
    const report = await importEventFile(watched.db, { format: acledFormat, file: dup, batchSize: 100 });
    expect(watched.seen.copies).toBe(2); // the second batch (the repeated id alone) failed and went by the upsert
    expect(report).toMatchObject({ rowsRead: 10, inserted: 9, updated: 1 });
    const [row] = await db().query<{ description: string }>("SELECT description FROM events WHERE source_id = 'BFO9001'");
    expect(row?.description).toContain('just outside Djibo');
  });

  it('leaves bulk mode for the rest of the file when a COPY fails for another reason', async () => {
    const watched = watchingCopies(db(), new Error('COPY broke'));
    const report = await importEventFile(watched.db, { format: acledFormat, file: fixture('acled-2023.csv'), batchSize: 4 });
    expect(report).toMatchObject({ inserted: 9, rejected: 0 });
    expect(watched.seen.copies).toBe(1);
    expect((await storeState(db())).events).toBe(9);
  });

  it('stores the same events, quarantine and report when the file is read in a worker thread', async () => {
    const good = readFileSync(fixture('acled-2023.csv'), 'utf8').replace(/\r\n/g, '\n').trimEnd().split('\n');
    const bad = readFileSync(fixture('acled-bad-rows.csv'), 'utf8').replace(/\r\n/g, '\n').trimEnd().split('\n');
    const mixed = join(scratch, 'mixed.csv');
    // Bad rows, and a changed repeat of an id, which cuts a batch: every kind of item crosses the thread.
    const repeat = good[1]!.replace('near Djibo', 'just outside Djibo');
    writeFileSync(mixed, `${[...good, ...bad.slice(1), repeat].join('\n')}\n`);
    const snapshot = async () => ({
      events: await db().query(`SELECT ${SNAPSHOT_COLUMNS} FROM events ORDER BY source_id`),
      rejections: await db().query('SELECT line, column_name, reason, record FROM import_rejections ORDER BY line'),
    });
    const byReport = ({ batchId: _b, file: _f, surveillance: _s, ...rest }: Awaited<ReturnType<typeof importEventFile>>) => rest;

    const here = await importEventFile(db(), { format: acledFormat, file: mixed, batchSize: 3, readInWorker: false });
    const hereStored = await snapshot();
    await db().exec(
      'TRUNCATE events, import_rejections, import_batches, event_clusters, event_cluster_members RESTART IDENTITY CASCADE',
    );
    const progress: number[] = [];
    const there = await importEventFile(db(), {
      format: acledFormat,
      file: mixed,
      batchSize: 3,
      readInWorker: true,
      onProgress: (p) => progress.push(p.rowsRead),
    });
    expect(byReport(there)).toEqual(byReport(here));
    expect(there.rejected).toBeGreaterThan(0);
    expect(there.updated).toBeGreaterThan(0);
    expect(await snapshot()).toEqual(hereStored);
    expect(progress.at(-1)).toBe(there.rowsRead);
  });

  it('fails the import with the reading error when the worker cannot read the file, and records the failure', async () => {
    const gone = join(scratch, 'gone.csv');
    copyFileSync(fixture('acled-2023.csv'), gone);
    const started: number[] = [];
    const running = importEventFile(db(), {
      format: acledFormat,
      file: gone,
      readInWorker: true,
      onBatchStarted: (id) => {
        started.push(id);
        unlinkSync(gone); // after the precheck, before the worker opens it
      },
    });
    await expect(running).rejects.toThrow(/gone\.csv/);
    const [batch] = await db().query<{ status: string; message: string }>(
      'SELECT status, message FROM import_batches WHERE id = $1',
      [started[0]],
    );
    expect(batch).toMatchObject({ status: 'failed', message: expect.stringMatching(/ENOENT/) });
    expect((await storeState(db())).events).toBe(0);
  });

  it('loads a first import into an empty store without the listing indexes and batch keys, and restores them as a fresh store has them', async () => {
    const fresh = await deferrable(db());
    expect(fresh.map((i) => i.name)).toEqual([
      'events_country_date',
      'events_date',
      'events_first_batch_id_fkey',
      'events_import_batch_id_fkey',
    ]);
    const during: number[] = [];
    const watched: Db = {
      ...db(),
      transaction: (fn) =>
        db().transaction(async (tx) => {
          during.push((await deferrable(tx)).length);
          return fn(tx);
        }),
    };
    const report = await importEventFile(watched, {
      format: acledFormat,
      file: fixture('acled-2023.csv'),
      batchSize: 4,
      deferForBulkLoad: true,
    });
    expect(report.inserted).toBe(9);
    // The three batches were written without them; the surveillance step's transactions came after.
    expect(during.slice(0, 3)).toEqual([0, 0, 0]);
    expect(during.slice(3).every((n) => n === 4)).toBe(true);
    expect(await deferrable(db())).toEqual(fresh);
    // The keys hold again: an event pointing at no batch is refused.
    await expect(db().exec('UPDATE events SET import_batch_id = 999999 WHERE id = (SELECT min(id) FROM events)')).rejects.toThrow(
      /events_import_batch_id_fkey/,
    );
    // A second import finds events stored: it loads with everything in place.
    during.length = 0;
    await importEventFile(watched, { format: acledFormat, file: fixture('acled-2020.csv'), deferForBulkLoad: true });
    expect(during.every((n) => n === 4)).toBe(true);
  });

  it('restores the listing indexes and batch keys when an import that dropped them fails', async () => {
    const failing: Db = {
      ...db(),
      exec: async (sql: string) => {
        if (sql === 'ANALYZE events') throw new Error('disk full');
        return db().exec(sql);
      },
    };
    await expect(
      importEventFile(failing, { format: acledFormat, file: fixture('acled-2023.csv'), deferForBulkLoad: true }),
    ).rejects.toThrow('disk full');
    expect((await deferrable(db())).length).toBe(4);
  });
});

/** The listing indexes and batch foreign keys of `events`, with their definitions. */
const deferrable = async (q: Queryable) => [
  ...(await q.query<{ name: string; definition: string }>(
    "SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE tablename = 'events' AND indexname IN ('events_date', 'events_country_date') ORDER BY indexname",
  )),
  ...(await q.query<{ name: string; definition: string }>(
    "SELECT conname AS name, pg_get_constraintdef(oid) || ' ' || convalidated AS definition FROM pg_constraint WHERE conrelid = 'events'::regclass AND contype = 'f' ORDER BY conname",
  )),
];

/** Every stored column but the generated ids and times, to compare two imports of one file. */
const SNAPSHOT_COLUMNS = [...EVENT_COPY_COLUMNS.filter((c) => !c.endsWith('batch_id'))].join(', ');
