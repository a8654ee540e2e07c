import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, expect, it } from 'vitest';
import type { Role } from '../../access/roles.js';
import type { App } from '../../http/app-env.js';
import { appWithRoleTokens, bearer } from '../../test-support/app-fixture.js';
import { describeEachEngine } from '../../test-support/engines.js';
import { uploadsDirOf } from './receive-import-file.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '..', 'acled', 'fixtures', name));

interface Status {
  id: number;
  state: string;
  step: string | null;
  fileName: string;
  userName: string | null;
  rowsRead: number;
  inserted: number;
  rejected: number;
  message: string | null;
}

describeEachEngine('import upload routes', ({ db }) => {
  let app: App;
  let tokens: Record<Role, string>;
  let dataDir: string;

  beforeAll(async () => {
    ({ app, tokens, dataDir } = await appWithRoleTokens(db()));
  });
  afterEach(() => {
    delete process.env.TOCSIN_IMPORT_MAX_BYTES;
  });

  const upload = (query: string, body: BodyInit | null, headers: Record<string, string> = bearer(tokens.admin)) =>
    app.request(`/api/imports?${query}`, {
      method: 'POST',
      body,
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
    });
  const status = async (id: number, role: Role = 'admin') =>
    (await (await app.request(`/api/imports/${id}`, { headers: bearer(tokens[role]) })).json()) as Status;
  const finished = async (id: number): Promise<Status> => {
    for (let i = 0; i < 200; i++) {
      const s = await status(id);
      if (s.state !== 'running') return s;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`batch ${id} still running`);
  };
  const counts = async () =>
    (
      await db().query<{ events: number; batches: number }>(
        'SELECT (SELECT count(*) FROM events)::int AS events, (SELECT count(*) FROM import_batches)::int AS batches',
      )
    )[0]!;
  const waitingUploads = () => readdirSync(uploadsDirOf(dataDir));

  it('streams the file, imports it in the background with the CLI importer, and reports the quarantine', async () => {
    const res = await upload('format=acled&name=acled-bad-rows.csv', fixture('acled-bad-rows.csv'));
    expect(res.status).toBe(202);
    const { batchId } = (await res.json()) as { batchId: number };
    const done = await finished(batchId);
    expect(done).toMatchObject({ state: 'completed', step: null, fileName: 'acled-bad-rows.csv', userName: 'user-admin' });
    expect(done.inserted).toBeGreaterThan(0);
    expect(done.rejected).toBeGreaterThanOrEqual(5);
    expect(done.rowsRead).toBe(done.inserted + done.rejected);
    const rejections = (await (
      await app.request(`/api/imports/${batchId}/rejections`, { headers: bearer(tokens.analyst) })
    ).json()) as { items: { line: number; column: string | null; reason: string }[] };
    expect(rejections.items.find((r) => r.column === 'event_date')).toMatchObject({ line: 3 });
    const list = (await (await app.request('/api/imports', { headers: bearer(tokens.analyst) })).json()) as {
      items: { id: number; userName: string | null }[];
    };
    expect(list.items[0]).toMatchObject({ id: batchId, userName: 'user-admin' });
    expect(waitingUploads()).toEqual([]);
  });

  it('lets an analyst import too, and one import at a time', async () => {
    const [a, b] = await Promise.all([
      upload('format=acled&name=a.csv', fixture('acled-2023.csv'), bearer(tokens.analyst)),
      upload('format=acled&name=b.csv', fixture('acled-2024.csv'), bearer(tokens.analyst)),
    ]);
    expect([a.status, b.status].sort()).toEqual([202, 409]);
    const accepted = (await (a.status === 202 ? a : b).json()) as { batchId: number };
    expect(await finished(accepted.batchId)).toMatchObject({ state: 'completed', userName: 'user-analyst' });
    expect(((await (a.status === 409 ? a : b).json()) as { error: { code: string } }).error.code).toBe('conflict');
  });

  it('refuses a file not of the stated format with the importer’s own message, storing nothing', async () => {
    const before = await counts();
    const res = await upload('format=acled&name=stations.csv', fixture('not-acled.csv'));
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as { error: { code: string; message: string; details: { file: string } } };
    expect(error.code).toBe('invalid_format');
    expect(error.message).toMatch(/^stations\.csv: not imported as ACLED CSV: .+Nothing was stored\.$/);
    expect(error.message).not.toContain(dataDir);
    expect(error.details.file).toBe('stations.csv');
    const text = await upload('format=ucdp&name=notes.txt', 'These are my notes, not a UCDP file.\n');
    expect(text.status).toBe(422);
    expect(await counts()).toEqual(before);
    expect(waitingUploads()).toEqual([]);
  });

  it('refuses an upload over the size limit with 413, whether announced or streamed', async () => {
    process.env.TOCSIN_IMPORT_MAX_BYTES = '100';
    const before = await counts();
    const announced = await upload('format=acled', fixture('acled-2023.csv'));
    expect(announced.status).toBe(413);
    expect(((await announced.json()) as { error: { message: string } }).error.message).toMatch(
      /larger than the upload limit of 100 bytes/,
    );
    const bytes = fixture('acled-2023.csv');
    const streamed = await upload(
      'format=acled',
      new ReadableStream({
        start(controller) {
          for (let i = 0; i < bytes.length; i += 64) controller.enqueue(bytes.subarray(i, i + 64));
          controller.close();
        },
      }),
    );
    expect(streamed.status).toBe(413);
    expect(await counts()).toEqual(before);
    expect(waitingUploads()).toEqual([]);
  });

  it('refuses anonymous callers, other roles and unknown formats, and answers 404 for an unknown batch', async () => {
    const before = await counts();
    expect((await upload('format=acled', fixture('acled-2023.csv'), {})).status).toBe(401);
    for (const role of ['viewer', 'monitor', 'reviewer', 'investigator', 'decision-maker'] as const)
      expect((await upload('format=acled', fixture('acled-2023.csv'), bearer(tokens[role]))).status, role).toBe(403);
    expect((await app.request('/api/imports/1', { headers: bearer(tokens.viewer) })).status).toBe(403);
    expect((await upload('format=csv', fixture('acled-2023.csv'))).status).toBe(400);
    expect((await app.request('/api/imports/99999', { headers: bearer(tokens.admin) })).status).toBe(404);
    expect(await counts()).toEqual(before);
  });
});
