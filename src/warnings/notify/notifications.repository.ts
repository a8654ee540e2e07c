import type { Role } from '../../access/roles.js';
import type { Queryable } from '../../db/database.js';
import type { NoticeKind, WarningNotice } from './notice.js';
import { checkWebhookUrl } from './webhook-url.js';

export type Channel = 'email' | 'webhook';

/** One claimed row of the outbox, ready to send. */
export interface OutboxNotification {
  id: number;
  warningId: number | null;
  channel: Channel;
  recipient: string;
  kind: NoticeKind;
  notice: WarningNotice;
  attempts: number;
}

/**
 * Puts a warning's notice in the outbox: one row per e-mail address (enabled users named by id or
 * holding a named role, who have an address) and one per configured webhook. Each row's
 * dedupe_key is `${warningId}:${kind}:${tier}:${channel}:${recipient}` (with `:${occasion}` after the tier
 * when given) and duplicates are dropped, so calling this twice for the same step sends once. An
 * `occasion` tells apart notices of one kind and tier that are different events, such as a reminder
 * for the missed acknowledgement and a later one for the missed decision. Run it in the transaction that records the
 * step: the notice is stored if and only if the step is. Returns the rows inserted.
 */
export async function enqueueNotifications(
  tx: Queryable,
  n: {
    warningId: number;
    kind: NoticeKind;
    tier: number;
    recipients: readonly { userId?: number; role?: Role }[];
    notice: WarningNotice;
    webhooks: readonly { url: string }[];
    now: Date;
    occasion?: string;
  },
): Promise<number> {
  const userIds = n.recipients.flatMap((r) => (r.userId === undefined ? [] : [r.userId]));
  const roles = n.recipients.flatMap((r) => (r.role === undefined ? [] : [r.role]));
  const addresses = await tx.query<{ email: string }>(
    `SELECT DISTINCT ON (lower(email)) email FROM users
     WHERE NOT disabled AND email IS NOT NULL AND (id = ANY($1::int[]) OR role = ANY($2::text[]))
     ORDER BY lower(email), email COLLATE "C"`,
    [userIds, roles],
  );
  const rows = [
    ...addresses.map((a) => ({ channel: 'email' as const, recipient: a.email, key: a.email.toLowerCase() })),
    ...n.webhooks.map((w, i) => {
      const url = checkWebhookUrl(w.url, `webhooks[${i}].url`);
      return { channel: 'webhook' as const, recipient: url, key: url };
    }),
  ].map((r) => ({
    channel: r.channel,
    recipient: r.recipient,
    dedupe_key: `${n.warningId}:${n.kind}:${n.tier}${n.occasion ? `:${n.occasion}` : ''}:${r.channel}:${r.key}`,
  }));
  if (rows.length === 0) return 0;
  const inserted = await tx.query(
    `INSERT INTO notifications (warning_id, channel, recipient, kind, dedupe_key, payload, next_attempt_at, created_at)
     SELECT $2, r.channel, r.recipient, $3, r.dedupe_key, $4::jsonb, $5, $5
     FROM json_to_recordset($1::json) AS r(channel text, recipient text, dedupe_key text)
     ON CONFLICT (dedupe_key) DO NOTHING
     RETURNING id`,
    [JSON.stringify(rows), n.warningId, n.kind, JSON.stringify(n.notice), n.now.toISOString()],
  );
  return inserted.length;
}

interface OutboxRow {
  id: number;
  warning_id: number | null;
  channel: Channel;
  recipient: string;
  kind: NoticeKind;
  payload: WarningNotice;
  attempts: number;
}

/**
 * Claims up to `limit` due notifications of the given channels for this process, in one statement:
 * pending, due by `now`, and not leased to another process (or its lease has run out). Rows another
 * transaction is claiming at the same moment are skipped (FOR UPDATE SKIP LOCKED), and a claimed row
 * is leased until `now + leaseSeconds`, so two processes on one PostgreSQL never claim the same row
 * while a lease runs.
 */
export async function claimDueNotifications(
  db: Queryable,
  o: { now: Date; channels: readonly Channel[]; leaseSeconds: number; limit: number },
): Promise<OutboxNotification[]> {
  const rows = await db.query<OutboxRow>(
    `UPDATE notifications SET locked_until = $1::timestamptz + make_interval(secs => $3)
     WHERE id IN (
       SELECT id FROM notifications
       WHERE status = 'pending' AND next_attempt_at <= $1 AND (locked_until IS NULL OR locked_until <= $1)
         AND channel = ANY($2::text[])
       ORDER BY next_attempt_at, id
       LIMIT $4
       FOR UPDATE SKIP LOCKED)
     RETURNING id, warning_id, channel, recipient, kind, payload, attempts`,
    [o.now.toISOString(), o.channels, o.leaseSeconds, o.limit],
  );
  return rows
    .sort((a, b) => a.id - b.id)
    .map((r) => ({
      id: r.id,
      warningId: r.warning_id,
      channel: r.channel,
      recipient: r.recipient,
      kind: r.kind,
      notice: r.payload,
      attempts: r.attempts,
    }));
}

/** Records a delivery: sent at `now`, lease released. */
export async function markNotificationSent(db: Queryable, id: number, now: Date): Promise<void> {
  await db.query(
    `UPDATE notifications SET status = 'sent', sent_at = $2, attempts = attempts + 1, last_error = NULL, locked_until = NULL
     WHERE id = $1 AND status = 'pending'`,
    [id, now.toISOString()],
  );
}

/** Records a failed attempt: the error, and either the next attempt's time or `failed` for good. */
export async function markNotificationFailed(
  db: Queryable,
  id: number,
  o: { error: string; attempts: number; next: { status: 'pending'; nextAttemptAt: Date } | { status: 'failed' } },
): Promise<void> {
  await db.query(
    `UPDATE notifications
     SET status = $2, attempts = $3, last_error = $4, locked_until = NULL, next_attempt_at = COALESCE($5, next_attempt_at)
     WHERE id = $1 AND status = 'pending'`,
    [
      id,
      o.next.status,
      o.attempts,
      o.error.slice(0, 2000),
      o.next.status === 'pending' ? o.next.nextAttemptAt.toISOString() : null,
    ],
  );
}
