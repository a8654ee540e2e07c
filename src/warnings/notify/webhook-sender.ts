import type { NoticeKind, WarningNotice } from './notice.js';
import { SIGNATURE_HEADER, signWebhookBody } from './webhook-signature.js';

/** How long one delivery may take before it counts as failed (and is retried). */
export const WEBHOOK_TIMEOUT_MS = 5_000;

/** The JSON a webhook receives. */
export interface WebhookEvent {
  type: `tocsin.warning.${NoticeKind}`;
  notice: WarningNotice;
  sentAt: string;
}

/**
 * POSTs one signed event to a webhook. Resolves on a 2xx answer; throws on anything else (a
 * redirect, 4xx, 5xx, a refused connection, more than five seconds), so the caller retries.
 */
export async function postWebhook(
  w: { url: string; secret: string },
  kind: NoticeKind,
  notice: WarningNotice,
  now: Date,
): Promise<void> {
  const event: WebhookEvent = { type: `tocsin.warning.${kind}`, notice, sentAt: now.toISOString() };
  const body = JSON.stringify(event);
  const res = await fetch(w.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Tocsin-Webhook/1',
      [SIGNATURE_HEADER]: signWebhookBody(w.secret, body, now),
    },
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
  });
  // Read (and drop) the answer so the connection is released; a receiver's body is not needed.
  const text = await res.text().catch(() => '');
  if (res.status < 200 || res.status > 299) {
    throw new Error(`HTTP ${res.status}${text ? `: ${text.slice(0, 200)}` : ''}`);
  }
}
