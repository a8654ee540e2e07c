import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/engines.js';
import { insertRecipient, insertWarning } from '../../test-support/notice-fixtures.js';
import type { WarningNotice } from './notice.js';
import { claimDueNotifications, enqueueNotifications } from './notifications.repository.js';

const now = new Date('2026-03-01T10:00:00Z');

describeEachEngine('notifications outbox', ({ db }) => {
  let notice: WarningNotice;
  let alice: number;

  beforeAll(async () => {
    notice = await insertWarning(db());
    alice = await insertRecipient(db(), { username: 'alice', role: 'decision-maker', email: 'alice@example.org' });
    await insertRecipient(db(), { username: 'bob', role: 'decision-maker', email: 'bob@example.org' });
    await insertRecipient(db(), { username: 'carol', role: 'decision-maker', email: null });
    await insertRecipient(db(), { username: 'dan', role: 'decision-maker', email: 'dan@example.org', disabled: true });
    await insertRecipient(db(), { username: 'erin', role: 'admin', email: 'Alice@Example.org' });
  });

  const enqueue = (over: Partial<Parameters<typeof enqueueNotifications>[1]> = {}) =>
    db().transaction((tx) =>
      enqueueNotifications(tx, {
        warningId: notice.warningId,
        kind: 'raised',
        tier: 0,
        recipients: [{ role: 'decision-maker' }, { userId: alice }],
        notice,
        webhooks: [{ url: 'https://hooks.example.org/tocsin' }],
        now,
        ...over,
      }),
    );

  it('queues one e-mail per enabled user with an address, and one row per webhook; twice queues nothing more', async () => {
    expect(await enqueue()).toBe(3);
    expect(await enqueue()).toBe(0);
    const rows = await db().query<{ channel: string; recipient: string; dedupe_key: string; status: string }>(
      'SELECT channel, recipient, dedupe_key, status FROM notifications ORDER BY channel, recipient',
    );
    expect(rows).toEqual([
      {
        channel: 'email',
        recipient: 'alice@example.org',
        dedupe_key: `${notice.warningId}:raised:0:email:alice@example.org`,
        status: 'pending',
      },
      {
        channel: 'email',
        recipient: 'bob@example.org',
        dedupe_key: `${notice.warningId}:raised:0:email:bob@example.org`,
        status: 'pending',
      },
      {
        channel: 'webhook',
        recipient: 'https://hooks.example.org/tocsin',
        dedupe_key: `${notice.warningId}:raised:0:webhook:https://hooks.example.org/tocsin`,
        status: 'pending',
      },
    ]);
  });

  it('sends one message to an address two recipients share (case aside), and a new step again', async () => {
    expect(await enqueue({ kind: 'escalated', tier: 1, recipients: [{ role: 'admin' }, { userId: alice }], webhooks: [] })).toBe(
      1,
    );
  });

  it('refuses a webhook that is not http(s), naming it, and stores nothing of the call', async () => {
    const before = await db().query('SELECT id FROM notifications');
    await expect(
      enqueue({ kind: 'closed', webhooks: [{ url: 'https://ok.example.org' }, { url: 'file:///etc/passwd' }] }),
    ).rejects.toThrow(/webhooks\[1\]\.url: a webhook URL must be http:\/\/ or https:\/\//);
    expect(await db().query('SELECT id FROM notifications')).toHaveLength(before.length);
  });

  it('claims each due row once while its lease runs, and again once it has run out', async () => {
    const claim = (at: Date) =>
      claimDueNotifications(db(), { now: at, channels: ['email', 'webhook'], leaseSeconds: 60, limit: 100 });
    const first = await claim(now);
    expect(first.map((n) => n.recipient).sort()).toEqual([
      'Alice@Example.org',
      'alice@example.org',
      'bob@example.org',
      'https://hooks.example.org/tocsin',
    ]);
    expect(first[0]!.notice).toEqual(notice);
    expect(await claim(new Date(now.getTime() + 59_000))).toEqual([]);
    expect(await claim(new Date(now.getTime() + 60_000))).toHaveLength(4);
  });

  it('leaves rows not yet due, and channels not asked for', async () => {
    await db().query(`UPDATE notifications SET locked_until = NULL`);
    expect(
      await claimDueNotifications(db(), { now: new Date(now.getTime() - 1), channels: ['email'], leaseSeconds: 60, limit: 100 }),
    ).toEqual([]);
    const webhooksOnly = await claimDueNotifications(db(), { now, channels: ['webhook'], leaseSeconds: 60, limit: 100 });
    expect(webhooksOnly.map((n) => n.channel)).toEqual(['webhook']);
  });
});
