import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/engines.js';
import { startSmtpServer, startWebhookReceiver } from '../../test-support/loopback-servers.js';
import { insertRecipient, insertWarning } from '../../test-support/notice-fixtures.js';
import { createMailer, deliverDueNotifications, type Mailer } from './deliver.js';
import type { NoticeKind, WarningNotice } from './notice.js';
import { enqueueNotifications } from './notifications.repository.js';
import { verifyWebhookSignature } from './webhook-signature.js';

const t0 = new Date('2026-03-01T10:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe('createMailer', () => {
  it('is null without TOCSIN_SMTP_URL', () => {
    expect(createMailer({})).toBeNull();
  });

  it('refuses another scheme or a missing sender, without echoing the password', () => {
    expect(() => createMailer({ TOCSIN_SMTP_URL: 'http://u:hunter2@host', TOCSIN_MAIL_FROM: 'a@b.org' })).toThrow(
      /^TOCSIN_SMTP_URL must start with smtp:\/\/ or smtps:\/\/, not http:\/\/$/,
    );
    expect(() => createMailer({ TOCSIN_SMTP_URL: 'smtp://u:hunter2@host:25' })).toThrow(/TOCSIN_MAIL_FROM must be set/);
    expect(() => createMailer({ TOCSIN_SMTP_URL: 'smtp://host:25', TOCSIN_MAIL_FROM: 'no address' })).toThrow(/TOCSIN_MAIL_FROM/);
  });
});

describeEachEngine('deliverDueNotifications', ({ db }) => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let mailer: Mailer;
  let notice: WarningNotice;
  let webhook: { url: string; secret: string };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    hooks = await startWebhookReceiver();
    mailer = createMailer({ TOCSIN_SMTP_URL: smtp.url, TOCSIN_MAIL_FROM: 'Tocsin <alerts@tocsin.example.org>' })!;
    webhook = { url: hooks.url('/tocsin'), secret: 'whsec-test' };
    notice = await insertWarning(db());
    await insertRecipient(db(), { username: 'amina', role: 'decision-maker', email: 'amina@example.org' });
    await insertRecipient(db(), { username: 'jonas', role: 'decision-maker', email: 'jonas@example.org' });
  });
  afterAll(async () => {
    mailer.close();
    await Promise.all([smtp.close(), hooks.close()]);
  });
  beforeEach(async () => {
    await db().query('DELETE FROM notifications');
    smtp.received.length = 0;
    hooks.received.length = 0;
    hooks.state.answer = () => 200;
  });

  const enqueue = (kind: NoticeKind, webhooks = [webhook]) =>
    db().transaction((tx) =>
      enqueueNotifications(tx, {
        warningId: notice.warningId,
        kind,
        tier: 0,
        recipients: [{ role: 'decision-maker' }],
        notice,
        webhooks,
        now: t0,
      }),
    );
  const deliver = (now: Date, o: { mailer?: Mailer | null; webhooks?: { url: string; secret: string }[] } = {}) =>
    deliverDueNotifications(db(), { now, mailer: o.mailer === undefined ? mailer : o.mailer, webhooks: o.webhooks ?? [webhook] });
  const statuses = () =>
    db().query<{ channel: string; status: string; attempts: number; last_error: string | null }>(
      'SELECT channel, status, attempts, last_error FROM notifications ORDER BY id',
    );

  it('sends each e-mail and the signed webhook once, however often it runs', async () => {
    expect(await enqueue('raised')).toBe(3);
    expect(await enqueue('raised')).toBe(0);
    expect(await deliver(t0)).toEqual({ sent: 3, failed: 0, retrying: 0 });
    expect(await deliver(at(3600))).toEqual({ sent: 0, failed: 0, retrying: 0 });

    expect(smtp.received.map((m) => m.to).sort()).toEqual([['amina@example.org'], ['jonas@example.org']]);
    for (const m of smtp.received) {
      expect(m.from).toBe('alerts@tocsin.example.org');
      expect(m.subject).toBe(`[Tocsin] Warning raised (critical): ${notice.title} - North Darfur, Sudan (SDN)`);
      expect(m.text).toContain(`Open the warning: ${notice.url}`);
    }

    expect(hooks.received).toHaveLength(1);
    const hook = hooks.received[0]!;
    expect(hook.path).toBe('/tocsin');
    expect(hook.headers['content-type']).toBe('application/json');
    expect(verifyWebhookSignature('whsec-test', hook.headers['tocsin-signature'] as string, hook.body, t0)).toBe(true);
    expect(JSON.parse(hook.body)).toEqual({ type: 'tocsin.warning.raised', notice, sentAt: t0.toISOString() });

    expect(await statuses()).toEqual([
      { channel: 'email', status: 'sent', attempts: 1, last_error: null },
      { channel: 'email', status: 'sent', attempts: 1, last_error: null },
      { channel: 'webhook', status: 'sent', attempts: 1, last_error: null },
    ]);
  });

  it('retries a failing webhook after a back-off, then delivers it once', async () => {
    await enqueue('acknowledged');
    hooks.state.answer = () => 500;
    expect(await deliver(t0, { mailer: null })).toEqual({ sent: 0, failed: 0, retrying: 1 });
    expect(await statuses()).toContainEqual({
      channel: 'webhook',
      status: 'pending',
      attempts: 1,
      last_error: 'Error: HTTP 500',
    });

    expect(await deliver(at(59), { mailer: null })).toEqual({ sent: 0, failed: 0, retrying: 0 }); // not due yet
    expect(await deliver(at(60), { mailer: null })).toEqual({ sent: 0, failed: 0, retrying: 1 });
    hooks.state.answer = () => 204;
    expect(await deliver(at(60 + 119), { mailer: null })).toEqual({ sent: 0, failed: 0, retrying: 0 });
    expect(await deliver(at(60 + 120), { mailer: null })).toEqual({ sent: 1, failed: 0, retrying: 0 });
    expect(hooks.received.map((h) => (JSON.parse(h.body) as { type: string }).type)).toEqual(
      Array(3).fill('tocsin.warning.acknowledged'),
    );
    const last = hooks.received[2]!;
    expect(verifyWebhookSignature('whsec-test', last.headers['tocsin-signature'] as string, last.body, at(180))).toBe(true);
    // E-mail waited in the outbox while no mailer was configured.
    expect((await statuses()).filter((s) => s.channel === 'email').map((s) => s.status)).toEqual(['pending', 'pending']);
    expect(smtp.received).toEqual([]);
  });

  it('gives up after eight failed attempts and keeps the row with its last error', async () => {
    await enqueue('decided', [webhook]);
    hooks.state.answer = () => 503;
    let now = t0;
    const outcomes = [];
    for (let i = 0; i < 8; i++) {
      outcomes.push(await deliver(now, { mailer: null }));
      now = new Date(now.getTime() + 7 * 3600_000);
    }
    expect(outcomes.map((o) => o.retrying)).toEqual([1, 1, 1, 1, 1, 1, 1, 0]);
    expect(outcomes[7]).toEqual({ sent: 0, failed: 1, retrying: 0 });
    expect(await deliver(now, { mailer: null })).toEqual({ sent: 0, failed: 0, retrying: 0 });
    expect((await statuses()).find((s) => s.channel === 'webhook')).toEqual({
      channel: 'webhook',
      status: 'failed',
      attempts: 8,
      last_error: 'Error: HTTP 503',
    });
  });

  it('fails for good a webhook removed from the settings, and an unreachable one is retried', async () => {
    const gone = { url: hooks.url('/gone'), secret: 'x' };
    const closedPort = { url: 'http://127.0.0.1:9/tocsin', secret: 'x' };
    await enqueue('closed', [gone, closedPort]);
    expect(await deliver(t0, { mailer: null, webhooks: [closedPort] })).toEqual({ sent: 0, failed: 1, retrying: 1 });
    const rows = (await statuses()).filter((s) => s.channel === 'webhook');
    expect(rows[0]).toEqual({
      channel: 'webhook',
      status: 'failed',
      attempts: 1,
      last_error: 'Unsendable: this webhook is no longer in the warning settings',
    });
    expect(rows[1]).toMatchObject({ status: 'pending', attempts: 1 });
    expect(hooks.received).toEqual([]);
  });

  it('retries e-mail the SMTP server could not take', async () => {
    await enqueue('reminder', []);
    const down = createMailer({ TOCSIN_SMTP_URL: 'smtp://127.0.0.1:9', TOCSIN_MAIL_FROM: 'alerts@tocsin.example.org' })!;
    try {
      expect(await deliver(t0, { mailer: down })).toEqual({ sent: 0, failed: 0, retrying: 2 });
    } finally {
      down.close();
    }
    const rows = await statuses();
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([
      ['pending', 1],
      ['pending', 1],
    ]);
    expect(rows[0]!.last_error).toMatch(/ECONNREFUSED/);
    expect(await deliver(at(60))).toEqual({ sent: 2, failed: 0, retrying: 0 });
    expect(smtp.received).toHaveLength(2);
  });
});
