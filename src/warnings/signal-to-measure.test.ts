import { afterAll, beforeAll, expect, it } from 'vitest';
import type { App } from '../http/app-env.js';
import { saveSurveillanceSettings } from '../surveillance/surveillance-settings.repository.js';
import { appWithRoleTokens, bearer } from '../test-support/app-fixture.js';
import { capSchemaErrors } from '../test-support/cap-schema.js';
import { describeEachEngine } from '../test-support/engines.js';
import { quietThenBurst, storeAndSurvey } from '../test-support/event-fixtures.js';
import { startSmtpServer } from '../test-support/loopback-servers.js';
import { deliverDueNotifications } from './notify/deliver.js';
import { createMailer } from './notify/mailer.js';

/**
 * The loop the issue asks for, as the people in it would run it over the API: a signal is triaged,
 * an assessment citing it is published at a higher level, which raises a warning; a decision-maker
 * acknowledges it and decides to act; a recommended protection measure is tracked to its outcome;
 * notices reach a real SMTP server once; metrics and the CAP feed reflect what happened.
 */
describeEachEngine('from a signal to a tracked protection measure', ({ db }) => {
  let app: App;
  let tokens: Awaited<ReturnType<typeof appWithRoleTokens>>['tokens'];
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  beforeAll(async () => {
    ({ app, tokens } = await appWithRoleTokens(db()));
    await db().query(`UPDATE users SET email = username || '@example.org' WHERE role IN ('decision-maker', 'admin')`);
    smtp = await startSmtpServer();
    await saveSurveillanceSettings(
      db(),
      {
        categories: ['one-sided'],
        measures: ['incidents'],
        methods: [{ label: 'ears-c1', method: 'ears-c1', options: { alpha: 0.001 } }],
      },
      null,
    );
    await storeAndSurvey(db(), quietThenBurst(6));
  });
  afterAll(async () => smtp?.close());

  const call = async <T>(method: string, path: string, token: string, body?: unknown): Promise<T> => {
    const res = await app.request(path, {
      method,
      headers: { ...bearer(token), 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T;
  };

  it('takes the Central African Republic from signal to published assessment, warning, decision and measure', async () => {
    // 1. The surveillance signal, triaged by an analyst.
    const signals = await call<{ items: { id: number; country: string; week: string }[] }>(
      'GET',
      '/api/signals?status=new',
      tokens.analyst,
    );
    const signal = signals.items.find((s) => s.country === 'CAF')!;
    expect(signal.week).toBe('2015-10-05');
    await call('POST', `/api/signals/${signal.id}/triage`, tokens.analyst, {
      decision: 'monitor',
      note: 'six attacks in one week around Bossangoa; assess the country',
    });

    // 2. An assessment citing the signal, submitted by its author and published by a reviewer.
    const { id: assessmentId } = await call<{ id: number }>('POST', '/api/assessments', tokens.analyst, {
      country: 'CAF',
      periodStart: '2015-07-01',
      periodEnd: '2015-12-31',
    });
    const draft = await call<{ suggestions: { factorId: string; basis: string }[] }>(
      'GET',
      `/api/assessments/${assessmentId}`,
      tokens.analyst,
    );
    expect(draft.suggestions.map((s) => s.factorId)).toContain('RF8');
    await call('PUT', `/api/assessments/${assessmentId}/ratings/8.1`, tokens.analyst, {
      rating: 'high',
      confidence: 'high',
      rationale: 'a burst of attacks on civilians, flagged by surveillance',
      evidence: [{ kind: 'signal', id: signal.id }],
    });
    await call('PUT', `/api/assessments/${assessmentId}/ratings/2.1`, tokens.analyst, {
      rating: 'high',
      confidence: 'medium',
    });
    await call('POST', `/api/assessments/${assessmentId}/submit`, tokens.analyst, { level: 'imminent-risk' });
    const published = await call<{ levelRose: boolean; warningId: number | null }>(
      'POST',
      `/api/assessments/${assessmentId}/publish`,
      tokens.reviewer,
    );
    expect(published).toMatchObject({ levelRose: true, warningId: expect.any(Number) });
    const warningId = published.warningId!;

    // 3. The warning, with recommended measures for its risk factors; acknowledged and decided.
    const raised = await call<{
      origin: string;
      severity: string;
      status: string;
      riskFactors: string[];
      recommendedMeasures: { id: string; addresses: string[] }[];
    }>('GET', `/api/warnings/${warningId}`, tokens['decision-maker']);
    expect(raised).toMatchObject({ origin: 'assessment', severity: 'critical', status: 'raised' });
    expect(raised.riskFactors).toEqual(expect.arrayContaining(['RF8']));
    expect(raised.recommendedMeasures.length).toBeGreaterThan(0);
    await call('POST', `/api/warnings/${warningId}/acknowledge`, tokens['decision-maker']);
    await call('POST', `/api/warnings/${warningId}/decide`, tokens['decision-maker'], {
      decision: 'act',
      reason: 'the pattern matches the 2013 killings; act before the dry season',
    });

    // 4. A recommended measure, tracked to its outcome; then the warning is closed.
    const recommended = raised.recommendedMeasures[0]!;
    const added = await call<{ measure: { id: number; status: string }; warningStatus: string }>(
      'POST',
      `/api/warnings/${warningId}/measures`,
      tokens.analyst,
      { catalogueId: recommended.id, owner: 'UN Resident Coordinator', dueDate: '2030-01-31' },
    );
    expect(added).toMatchObject({ measure: { status: 'planned' }, warningStatus: 'measures' });
    await call('PATCH', `/api/measures/${added.measure.id}`, tokens.analyst, { status: 'in-progress' });
    await call('PATCH', `/api/measures/${added.measure.id}`, tokens.analyst, {
      status: 'done',
      outcome: 'envoy visited Bossangoa; armed groups agreed to a local ceasefire',
    });
    await call('POST', `/api/warnings/${warningId}/close`, tokens.analyst, { note: 'measure done; back to monitoring' });
    const closed = await call<{ status: string; log: { action: string; by: string | null }[]; measures: { status: string }[] }>(
      'GET',
      `/api/warnings/${warningId}`,
      tokens.viewer,
    );
    expect(closed.status).toBe('closed');
    expect(closed.measures.map((m) => m.status)).toEqual(['done']);
    expect(closed.log.map((l) => [l.action, l.by])).toEqual([
      ['raised', 'user-reviewer'],
      ['acknowledged', 'user-decision-maker'],
      ['decided', 'user-decision-maker'],
      ['measure-added', 'user-analyst'],
      ['measure-updated', 'user-analyst'],
      ['measure-updated', 'user-analyst'],
      ['closed', 'user-analyst'],
    ]);

    // 5. Notices reach a real SMTP server, each once however often delivery runs.
    const mailer = createMailer({ TOCSIN_SMTP_URL: smtp.url, TOCSIN_MAIL_FROM: 'tocsin@example.org' })!;
    try {
      const first = await deliverDueNotifications(db(), { now: new Date(), mailer, webhooks: [] });
      const again = await deliverDueNotifications(db(), { now: new Date(), mailer, webhooks: [] });
      expect(first.sent).toBe(smtp.received.length);
      expect(again.sent).toBe(0);
    } finally {
      mailer.close();
    }
    const byRecipient = new Map<string, number>();
    for (const m of smtp.received) for (const to of m.to) byRecipient.set(to, (byRecipient.get(to) ?? 0) + 1);
    expect([...byRecipient.keys()]).toEqual(['user-decision-maker@example.org']);
    const kinds = await db().query<{ kind: string }>('SELECT kind FROM notifications WHERE warning_id = $1 ORDER BY id', [
      warningId,
    ]);
    expect(kinds.map((k) => k.kind)).toEqual(['raised', 'acknowledged', 'decided', 'closed']);
    expect(smtp.received).toHaveLength(4);

    // 6. Metrics reflect it, and the public CAP alert validates.
    const metrics = await call<{ overall: Record<string, unknown> }>('GET', '/api/warnings/metrics', tokens.viewer);
    expect(metrics.overall).toMatchObject({
      warnings: 1,
      timeToAcknowledge: { count: 1 },
      timeToDecide: { count: 1 },
      overdue: { steps: 2, late: 0 },
      triage: { signals: 1, withinTarget: 1, meetsBenchmark: true },
    });
    await call('PUT', `/api/warnings/${warningId}/public`, tokens.admin, { public: true });
    const alert = await call<string>('GET', `/api/cap/alerts/${warningId}`, tokens.viewer);
    expect(alert).toContain('<msgType>');
    expect(await capSchemaErrors(alert)).toEqual([]);
    expect(alert).not.toContain('Bossangoa'); // the analyst's rationale and the decision's reason stay inside
  });
});
