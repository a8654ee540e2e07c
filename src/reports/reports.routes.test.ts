import { beforeAll, expect, it } from 'vitest';
import type { Iso3 } from '../core/brand.js';
import type { App } from '../http/app-env.js';
import { readSeriesSet } from '../surveillance/series/series.repository.js';
import { appWithRoleTokens, bearer } from '../test-support/app-fixture.js';
import { describeEachEngine } from '../test-support/engines.js';
import { witnessedKilling } from './report.fixture.js';

interface ReportJson {
  id: number;
  reference: string;
  status: string;
  eventId: number | null;
  sources: { pseudonym: string; identity: unknown; grade: string }[];
  confidential: unknown;
  submittedBy: string | null;
  anonymous: boolean;
  log: { action: string; by: string | null }[];
}

describeEachEngine('report routes', ({ db }) => {
  let app: App;
  let tokens: Awaited<ReturnType<typeof appWithRoleTokens>>['tokens'];
  beforeAll(async () => {
    ({ app, tokens } = await appWithRoleTokens(db()));
  });
  const get = (path: string, token: string) => app.request(path, { headers: bearer(token) });
  const post = (path: string, body: unknown, token?: string) =>
    app.request(path, {
      method: 'POST',
      headers: { ...(token ? bearer(token) : {}), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const intakeLink = async () =>
    (
      (await (await post('/api/reports/intake-links', { label: 'Bossangoa network', days: 7 }, tokens.analyst)).json()) as {
        path: string;
      }
    ).path;
  const review = (id: number, body: unknown, token = tokens.analyst) => post(`/api/reports/${id}/review`, body, token);
  const read = async (id: number, token = tokens.analyst) =>
    (await (await get(`/api/reports/${id}`, token)).json()) as ReportJson;
  let anonymousId = 0;

  it('takes one anonymous report per link, stores no submitter, and refuses the link a second time', async () => {
    const path = await intakeLink();
    const first = await post(path, witnessedKilling());
    expect(first.status).toBe(201);
    const { reference } = (await first.json()) as { reference: string };
    expect(reference).toMatch(/^R-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const again = await post(path, witnessedKilling());
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { message: string } }).error.message).toMatch(/already used/);
    expect((await post('/api/intake/not-a-token', witnessedKilling())).status).toBe(404);

    const list = (await (await get('/api/reports?status=submitted', tokens.analyst)).json()) as {
      id: number;
      reference: string;
    }[];
    anonymousId = list.find((r) => r.reference === reference)!.id;
    const r = await read(anonymousId);
    expect(r).toMatchObject({ anonymous: true, submittedBy: null, confidential: 'sealed' });
    expect(r.sources).toEqual([expect.objectContaining({ pseudonym: 'Source 1', grade: 'B2', identity: 'sealed' })]);
    expect(JSON.stringify(r)).not.toMatch(/Zakaria|72 19 48|Hawa/);
    expect(r.log).toEqual([expect.objectContaining({ action: 'submitted', by: null })]);
  });

  it('refuses an expired link, and a refused report leaves the link unspent', async () => {
    const path = await intakeLink();
    const bad = await post(path, witnessedKilling({ victims: [{ kind: 'individual', name: 'Hawa Yakité-Bangui' }] }));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/victims\.0.*confidential/);
    const huge = await post(path, witnessedKilling({ description: 'x'.repeat(1_100_000) }));
    expect(huge.status).toBe(400);
    expect(((await huge.json()) as { error: { message: string } }).error.message).toMatch(/larger than 1048576 bytes/);
    await db().query("UPDATE intake_tokens SET expires_at = now() - interval '1 minute' WHERE used_at IS NULL");
    const late = await post(path, witnessedKilling());
    expect(late.status).toBe(409);
    expect(((await late.json()) as { error: { message: string } }).error.message).toMatch(/expired/);
  });

  it('shows identities only to cleared roles that give a purpose, and logs each read', async () => {
    expect((await get(`/api/reports/${anonymousId}?reveal=true&purpose=protection follow-up`, tokens.analyst)).status).toBe(403);
    expect((await get(`/api/reports/${anonymousId}?reveal=true`, tokens.investigator)).status).toBe(400);
    expect((await get(`/api/reports/${anonymousId}`, tokens.viewer)).status).toBe(403);
    const res = await get(`/api/reports/${anonymousId}?reveal=true&purpose=protection follow-up`, tokens.investigator);
    expect(res.status).toBe(200);
    const r = (await res.json()) as ReportJson;
    expect(r.sources[0]!.identity).toEqual({ name: 'Zakaria Ndoumbé-Kossi', contact: '+236 72 19 48 03' });
    expect(r.confidential).toMatchObject({ victims: [{ name: 'Hawa Yakité-Bangui' }] });
    const log = await db().query<{ subject: string; field: string; purpose: string; username: string }>(
      `SELECT l.subject, l.field, l.purpose, u.username FROM confidential_access_log l JOIN users u ON u.id = l.user_id ORDER BY l.id`,
    );
    expect(log.map((l) => `${l.username} ${l.subject} ${l.field}`)).toEqual([
      expect.stringMatching(/^user-investigator report-source:\d+ identity$/),
      `user-investigator report:${anonymousId} confidential`,
    ]);
    expect(log.every((l) => l.purpose === 'protection follow-up')).toBe(true);
  });

  it('goes from submitted through triage to verified, and the event counts in the weekly series', async () => {
    const verify = { action: 'verify', reason: 'two independent witnesses and photographs of the market' };
    expect((await review(anonymousId, verify)).status).toBe(409);
    expect((await review(anonymousId, { action: 'triage', reason: 'credible' }, tokens.monitor)).status).toBe(403);
    expect((await review(anonymousId, { action: 'triage', reason: 'credible, in our area' })).status).toBe(200);
    const res = await review(anonymousId, verify);
    expect(res.status).toBe(200);
    const { report } = (await res.json()) as { report: ReportJson };
    expect(report).toMatchObject({ status: 'verified' });
    const [event] = await db().query<{
      id: number;
      source: string;
      source_id: string;
      category: string;
      target_is_civilian: boolean;
    }>("SELECT id, source, source_id, category, target_is_civilian FROM events WHERE source = 'report'");
    expect(event).toMatchObject({
      id: report.eventId,
      source_id: report.reference,
      category: 'one-sided',
      target_is_civilian: true,
    });
    const set = await readSeriesSet(db(), { frequency: 'weekly', categories: ['one-sided'], countries: ['CAF' as Iso3] });
    const week = set.periods.indexOf('2015-10-05' as never);
    expect(set.series[0]!.incidents[week]).toBe(1);
    expect(set.series[0]!.fatalities[week]).toBe(7);
    expect((await review(anonymousId, { action: 'reject', reason: 'changed my mind' })).status).toBe(409);
    const steps = (await read(anonymousId)).log.map((l) => `${l.action} ${l.by}`);
    expect(steps).toEqual(['submitted null', 'triage user-analyst', 'verify user-analyst']);
  });

  it('withdraws the event of a verified report marked a duplicate of another verified one', async () => {
    const sent = await post(
      '/api/reports',
      witnessedKilling({ location: 'Bossangoa market', sources: [], confidential: undefined }),
      tokens.monitor,
    );
    expect(sent.status).toBe(201);
    expect((await get('/api/reports', tokens.monitor)).status).toBe(403);
    expect((await post('/api/reports', witnessedKilling(), tokens.viewer)).status).toBe(403);
    const { reference } = (await sent.json()) as { reference: string };
    const second = (await (await get('/api/reports', tokens.analyst)).json()) as { id: number; reference: string }[];
    const id = second.find((r) => r.reference === reference)!.id;
    await review(id, { action: 'triage', reason: 'same market attack?' });
    const dup = await review(id, { action: 'mark-duplicate', reason: 'the same attack', duplicateOf: id });
    expect(dup.status).toBe(409);
    expect((await review(id, { action: 'mark-duplicate', reason: 'the same attack' })).status).toBe(400);
    await review(id, { action: 'verify', reason: 'monitor on site' });
    expect((await db().query("SELECT 1 FROM events WHERE source = 'report'")).length).toBe(2);
    const res = await review(id, {
      action: 'mark-duplicate',
      reason: 'the same attack, reported twice',
      duplicateOf: anonymousId,
    });
    expect(res.status).toBe(200);
    const { report } = (await res.json()) as { report: ReportJson & { duplicateOf: string } };
    expect(report).toMatchObject({ status: 'duplicate', eventId: null });
    expect((await db().query("SELECT source_id FROM events WHERE source = 'report'")).length).toBe(1);
  });

  it('lists to each submitter only the reports they sent, with where each stands and nothing sealed', async () => {
    const listed = async (token: string) => (await (await get('/api/reports/mine', token)).json()) as Record<string, unknown>[];
    const before = (await listed(tokens.monitor)).map((r) => r['reference']);
    const sent = (await (await post('/api/reports', witnessedKilling(), tokens.monitor)).json()) as { reference: string };
    const byAnalyst = (await (await post('/api/reports', witnessedKilling(), tokens.analyst)).json()) as { reference: string };
    const mine = await listed(tokens.monitor);
    expect(mine.map((r) => r['reference'])).toEqual([sent.reference, ...before]);
    expect(mine[0]).toMatchObject({ status: 'submitted', anonymous: false });
    expect(Object.keys(mine[0]!)).not.toContain('confidential');
    expect(Object.keys(mine[0]!)).not.toContain('sources');
    const analystOwn = (await listed(tokens.analyst)).map((r) => r['reference']);
    expect(analystOwn).toContain(byAnalyst.reference);
    expect(analystOwn).not.toContain(sent.reference);
    expect((await get('/api/reports/mine', tokens.viewer)).status).toBe(403);
  });

  it('refuses groups of another country and bad dates, naming the field', async () => {
    const bad = await post('/api/reports', witnessedKilling({ dateEnd: '2015-10-01', groups: [424242] }), tokens.monitor);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/dateEnd/);
    const noGroup = await post('/api/reports', witnessedKilling({ groups: [424242] }), tokens.monitor);
    expect(noGroup.status).toBe(400);
    expect(JSON.stringify(await noGroup.json())).toMatch(/groups: no group 424242/);
  });
});
