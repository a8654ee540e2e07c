import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header that carries a webhook's signature. */
export const SIGNATURE_HEADER = 'Tocsin-Signature';

const hmacHex = (secret: string, t: number, body: string): string =>
  createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');

/**
 * The `Tocsin-Signature` value for a body sent at `now`: `t=<unix seconds>,v1=<hex HMAC-SHA256>`
 * of `t + '.' + body` under the webhook's secret. The timestamp inside the signed text lets a
 * receiver refuse replays of an old delivery.
 */
export function signWebhookBody(secret: string, body: string, now: Date): string {
  const t = Math.floor(now.getTime() / 1000);
  return `t=${t},v1=${hmacHex(secret, t, body)}`;
}

/**
 * For receivers: whether `header` is a valid signature of the raw `body` under `secret`, made within
 * `toleranceSeconds` of `now`. Accepts several `v1=` values (a sender rotating secrets); compares
 * in constant time. Verify the raw bytes received, before parsing the JSON.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | null | undefined,
  body: string,
  now: Date,
  toleranceSeconds = 300,
): boolean {
  if (!header) return false;
  let t: number | undefined;
  const candidates: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't' && value && /^\d{1,12}$/.test(value)) t = Number(value);
    else if (key === 'v1' && value && /^[0-9a-f]{64}$/.test(value)) candidates.push(value);
  }
  if (t === undefined || candidates.length === 0) return false;
  if (Math.abs(now.getTime() / 1000 - t) > toleranceSeconds) return false;
  const expected = Buffer.from(hmacHex(secret, t, body), 'hex');
  return candidates.some((c) => timingSafeEqual(Buffer.from(c, 'hex'), expected));
}
