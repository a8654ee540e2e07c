import type { Db } from '../../db/database.js';
import type { Mailer } from './mailer.js';
import { noticeSubject, noticeText } from './notice-text.js';
import {
  claimDueNotifications,
  markNotificationFailed,
  markNotificationSent,
  type Channel,
  type OutboxNotification,
} from './notifications.repository.js';
import { afterFailure } from './retry-policy.js';
import { postWebhook } from './webhook-sender.js';

export { createMailer, type Mailer } from './mailer.js';

/** Messages sent at once by one process (SMTP connections in the pool, webhook requests in flight). */
const PARALLEL_SENDS = 4;

export interface DeliveryResult {
  sent: number;
  failed: number;
  retrying: number;
}

/**
 * Sends every due notification in the outbox once: claims a batch under a lease, sends each
 * (e-mail through `mailer`, signed webhooks to the configured endpoints), then records it as sent,
 * or as failed with the next attempt after an exponential back-off (given up after 8 attempts),
 * and goes on until nothing is due. Two processes on one PostgreSQL never claim the same row while
 * its lease runs. A process that dies between sending and recording leaves the row leased: it is
 * sent again once the lease (default 5 minutes) has run out, the one case of a second delivery.
 * E-mail waits in the outbox while `mailer` is null.
 */
export async function deliverDueNotifications(
  db: Db,
  o: {
    now: Date;
    mailer: Mailer | null;
    webhooks: readonly { url: string; secret: string }[];
    leaseSeconds?: number;
    limit?: number;
  },
): Promise<DeliveryResult> {
  // A batch must be sent before its lease runs out: 20 rows, 4 at a time, each bounded by the SMTP
  // (10 s to connect, 30 s idle) and webhook (5 s) timeouts, take well under the 5-minute lease.
  const limit = o.limit ?? 20;
  const channels: Channel[] = o.mailer ? ['email', 'webhook'] : ['webhook'];
  const totals: DeliveryResult = { sent: 0, failed: 0, retrying: 0 };
  for (;;) {
    const batch = await claimDueNotifications(db, { now: o.now, channels, leaseSeconds: o.leaseSeconds ?? 300, limit });
    await inParallel(batch, PARALLEL_SENDS, async (n) => {
      const outcome = await deliverOne(db, n, o);
      totals[outcome]++;
    });
    if (batch.length < limit) return totals;
  }
}

async function deliverOne(
  db: Db,
  n: OutboxNotification,
  o: { now: Date; mailer: Mailer | null; webhooks: readonly { url: string; secret: string }[] },
): Promise<keyof DeliveryResult> {
  const attempts = n.attempts + 1;
  try {
    await send(n, o);
  } catch (e) {
    const error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    const next = e instanceof Unsendable ? ({ status: 'failed' } as const) : afterFailure(attempts, o.now);
    await markNotificationFailed(db, n.id, { error, attempts, next });
    return next.status === 'failed' ? 'failed' : 'retrying';
  }
  await markNotificationSent(db, n.id, o.now);
  return 'sent';
}

/** A notification no retry can send (its webhook was removed from the settings). */
class Unsendable extends Error {
  override name = 'Unsendable';
}

async function send(
  n: OutboxNotification,
  o: { now: Date; mailer: Mailer | null; webhooks: readonly { url: string; secret: string }[] },
): Promise<void> {
  if (n.channel === 'email') {
    if (!o.mailer) throw new Error('no mailer configured'); // not claimed without one
    await o.mailer.send({ to: n.recipient, subject: noticeSubject(n.kind, n.notice), text: noticeText(n.kind, n.notice) });
    return;
  }
  const webhook = o.webhooks.find((w) => w.url === n.recipient);
  if (!webhook) throw new Unsendable('this webhook is no longer in the warning settings');
  await postWebhook(webhook, n.kind, n.notice, o.now);
}

/** Runs `fn` over `items`, at most `width` at a time. */
async function inParallel<T>(items: readonly T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}
