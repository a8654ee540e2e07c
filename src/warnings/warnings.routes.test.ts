import { beforeAll, expect, it } from 'vitest';
import type { App } from '../http/app-env.js';
import { appWithRoleTokens, bearer } from '../test-support/app-fixture.js';
import { describeEachEngine } from '../test-support/engines.js';

const manual = { title: 'Militia mobilising near Bangassou', severity: 'critical', country: 'caf', riskFactors: ['RF7'] };

describeEachEngine('warning routes', ({ db }) => {
  let app: App;
  let tokens: Awaited<ReturnType<typeof appWithRoleTokens>>['tokens'];
  beforeAll(async () => {
    ({ app, tokens } = await appWithRoleTokens(db()));
  });
  const get = (path: string, token: string) => app.request(path, { headers: bearer(token) });
  const post = (path: string, token: string, body: unknown = {}) =>
    app.request(path, {
      method: 'POST',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const put = (path: string, token: string, body: unknown) =>
    app.request(path, {
      method: 'PUT',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const body = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T;

  it('takes a warning from raised to closed, each step by the role that owns it, and refuses illegal steps', async () => {
    expect((await post('/api/warnings', tokens.viewer, manual)).status).toBe(403);
    const bad = await post('/api/warnings', tokens.analyst, { ...manual, country: 'ZZZ' });
    expect(bad.status).toBe(400);
    expect((await body<{ error: { message: string } }>(bad)).error.message).toMatch(/^country: ZZZ is not a known/);

    const raised = await post('/api/warnings', tokens.analyst, manual);
    expect(raised.status).toBe(201);
    const w = await body<{ id: number; ackDueAt: string; raisedAt: string; raisedBy: string }>(raised);
    expect(w).toMatchObject({ status: 'raised', country: 'CAF', tier: 0, raisedBy: 'user-analyst' });
    expect(Date.parse(w.ackDueAt) - Date.parse(w.raisedAt)).toBe(24 * 3_600_000);

    const detail = await body<{ recipients: unknown[]; log: { action: string }[] }>(
      await get(`/api/warnings/${w.id}`, tokens.viewer),
    );
    expect(detail.recipients).toEqual([
      { tier: 0, userId: null, username: null, role: 'decision-maker' },
      { tier: 1, userId: null, username: null, role: 'admin' },
    ]);
    expect(detail.log.map((l) => l.action)).toEqual(['raised']);

    expect((await post(`/api/warnings/${w.id}/acknowledge`, tokens.analyst)).status).toBe(403);
    const ack = await post(`/api/warnings/${w.id}/acknowledge`, tokens['decision-maker']);
    expect(ack.status).toBe(200);
    expect(await body(ack)).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'user-decision-maker' });
    const again = await post(`/api/warnings/${w.id}/acknowledge`, tokens['decision-maker']);
    expect(again.status).toBe(409);
    expect((await body<{ error: { message: string } }>(again)).error.message).toBe(
      `warning ${w.id} is acknowledged: it cannot be acknowledged`,
    );

    expect((await post(`/api/warnings/${w.id}/decide`, tokens['decision-maker'], { decision: 'act', reason: ' ' })).status).toBe(
      400,
    );
    const decided = await post(`/api/warnings/${w.id}/decide`, tokens['decision-maker'], {
      decision: 'act',
      reason: 'send a protection mission to Bangassou',
    });
    expect(decided.status).toBe(200);
    expect(await body(decided)).toMatchObject({ status: 'decided', decision: 'act', decidedBy: 'user-decision-maker' });

    expect((await post(`/api/warnings/${w.id}/close`, tokens['decision-maker'], { note: 'x' })).status).toBe(403);
    const closed = await post(`/api/warnings/${w.id}/close`, tokens.analyst, { note: 'mission deployed; attacks stopped' });
    expect(await body(closed)).toMatchObject({ status: 'closed', closedBy: 'user-analyst' });
    const late = await post(`/api/warnings/${w.id}/acknowledge`, tokens.admin);
    expect(late.status).toBe(409);
    expect((await body<{ error: { message: string } }>(late)).error.message).toBe(
      `warning ${w.id} is closed: it cannot be acknowledged`,
    );

    const log = await body<{ log: { action: string; by: string }[] }>(await get(`/api/warnings/${w.id}`, tokens.viewer));
    expect(log.log.map((l) => `${l.action} by ${l.by}`)).toEqual([
      'raised by user-analyst',
      'acknowledged by user-decision-maker',
      'decided by user-decision-maker',
      'closed by user-analyst',
    ]);
    expect((await get('/api/warnings/999999', tokens.viewer)).status).toBe(404);
  });

  it('escalates by hand with a reason, up to the last tier', async () => {
    const { id } = await body<{ id: number }>(await post('/api/warnings', tokens.analyst, { ...manual, severity: 'low' }));
    expect((await post(`/api/warnings/${id}/escalate`, tokens.analyst, {})).status).toBe(400);
    const up = await post(`/api/warnings/${id}/escalate`, tokens.analyst, { reason: 'no answer from the desk officer' });
    expect(await body(up)).toMatchObject({ tier: 1 });
    const top = await post(`/api/warnings/${id}/escalate`, tokens.analyst, { reason: 'again' });
    expect(top.status).toBe(409);
    expect((await body<{ error: { message: string } }>(top)).error.message).toMatch(/already at its last tier/);
  });

  it('raises a warning from a signal once, with RF8 and the signal as evidence, and triages the signal', async () => {
    const [s] = await db().query<{ id: number }>(
      `INSERT INTO signals (country_iso3, category, measure, week, method, observed, upperbound, event_ids)
       VALUES ('CAF', 'one-sided', 'incidents', '2015-10-05', 'ears-c1', 6, 2, '{}') RETURNING id`,
    );
    const res = await post(`/api/warnings/from-signal/${s!.id}`, tokens.analyst, {});
    expect(res.status).toBe(201);
    expect(await body(res)).toMatchObject({
      origin: 'signal',
      signalId: s!.id,
      severity: 'critical',
      riskFactors: ['RF8'],
      evidence: [{ kind: 'signal', id: s!.id }],
    });
    const signal = await body(await get(`/api/signals/${s!.id}`, tokens.viewer));
    expect(signal).toMatchObject({ status: 'warning', triagedBy: 'user-analyst' });
    expect((await post(`/api/warnings/from-signal/${s!.id}`, tokens.analyst, {})).status).toBe(409);
    expect((await post('/api/warnings/from-signal/999999', tokens.analyst, {})).status).toBe(404);
  });

  it('raises warnings from the newest forecast above the threshold, once per country, model and year', async () => {
    const [m] = await db().query<{ id: number }>(
      `INSERT INTO forecast_models (name, kind, data_sha256, data_file, settings, code_version, coefficients, predictor_means)
       VALUES ('test model', 'elastic-net', repeat('a', 64), 'x.csv', '{}', 'test', '{}', '[]') RETURNING id`,
    );
    // CAF's risk is raised most by conflict deaths (RF1), then past killings (RF2); its population is structural.
    const cafContributions = { 'battledeaths.log2': 0.9, mk_ever: 0.4, 'pop.size.log2': 0.7, freediscussion: -0.3 };
    for (const [iso3, name, p, rank, contributions] of [
      ['CAF', 'Central African Republic', 0.25, 1, cafContributions],
      ['SSD', 'South Sudan', 0.06, 2, {}],
      ['NOR', 'Norway', 0.01, 3, {}],
    ] as const)
      await db().query(
        `INSERT INTO country_forecasts (model_id, country_iso3, country_code, country_name, year, probability, rank, predictor_values, contributions)
         VALUES ($1, $2, 0, $3, 2024, $4, $5, '{}', $6)`,
        [m!.id, iso3, name, p, rank, JSON.stringify(contributions)],
      );
    const first = await body<{
      raised: { id: number; country: string; severity: string; forecastYear: number; riskFactors: string[] }[];
      skipped: unknown[];
    }>(await post('/api/warnings/from-forecasts', tokens.analyst));
    expect(first.raised.map((w) => [w.country, w.severity, w.forecastYear, w.riskFactors])).toEqual([
      ['CAF', 'critical', 2024, ['RF1', 'RF2']],
      ['SSD', 'medium', 2024, []],
    ]);
    const caf = await body<{ recommendedMeasures: { addresses: string[] }[]; measures: unknown[] }>(
      await get(`/api/warnings/${first.raised[0]!.id}`, tokens.viewer),
    );
    expect(caf.recommendedMeasures.length).toBeGreaterThan(0);
    expect(caf.recommendedMeasures.every((m) => m.addresses.some((rf) => rf === 'RF1' || rf === 'RF2'))).toBe(true);
    expect(caf.measures).toEqual([]);
    const second = await body<{ raised: unknown[]; skipped: { country: string }[] }>(
      await post('/api/warnings/from-forecasts', tokens.analyst),
    );
    expect(second.raised).toEqual([]);
    expect(second.skipped.map((s) => s.country)).toEqual(['CAF', 'SSD']);
  });

  it('lists with filters, and serves the timeliness metrics to readers', async () => {
    const list = await body<{ items: { country: string; origin: string }[] }>(
      await get('/api/warnings?origin=forecast&country=SSD', tokens.viewer),
    );
    expect(list.items.map((w) => w.country)).toEqual(['SSD']);
    expect((await get('/api/warnings?status=lost', tokens.viewer)).status).toBe(400);
    expect((await get('/api/warnings', tokens.monitor)).status).toBe(403);
    const m = await get('/api/warnings/metrics?country=CAF', tokens['decision-maker']);
    expect(m.status).toBe(200);
    const metrics = await body<{ overall: { warnings: number; timeToAcknowledge: { count: number } } }>(m);
    expect(metrics.overall.warnings).toBeGreaterThanOrEqual(3);
    expect(metrics.overall.timeToAcknowledge.count).toBe(1);
  });

  it('lets only admins read and change the settings, never showing webhook secrets', async () => {
    expect((await get('/api/warnings/settings', tokens.analyst)).status).toBe(403);
    const current = await body<Record<string, unknown>>(await get('/api/warnings/settings', tokens.admin));
    const withHook = {
      ...current,
      webhooks: [{ url: 'https://hooks.example.org/tocsin', secret: 'a-secret-of-32-characters-or-so!' }],
    };
    const bad = await put('/api/warnings/settings', tokens.admin, { ...withHook, forecastThreshold: 2 });
    expect(bad.status).toBe(400);
    expect((await body<{ error: { message: string } }>(bad)).error.message).toMatch(/^forecastThreshold/);
    const saved = await put('/api/warnings/settings', tokens.admin, withHook);
    expect(saved.status).toBe(200);
    const text = JSON.stringify(await body(await get('/api/warnings/settings', tokens.admin)));
    expect(text).not.toContain('a-secret-of-32');
    expect(text).toContain('********');
  });
});
