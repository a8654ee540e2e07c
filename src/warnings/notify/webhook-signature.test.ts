import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhookBody, verifyWebhookSignature } from './webhook-signature.js';

const now = new Date('2026-03-01T12:00:00Z');
const body = '{"type":"tocsin.warning.raised"}';

describe('signWebhookBody', () => {
  it('is t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">', () => {
    const t = now.getTime() / 1000;
    const v1 = createHmac('sha256', 's3cret').update(`${t}.${body}`).digest('hex');
    expect(signWebhookBody('s3cret', body, now)).toBe(`t=${t},v1=${v1}`);
  });
});

describe('verifyWebhookSignature', () => {
  const header = signWebhookBody('s3cret', body, now);

  it('accepts the signature of the exact body within the tolerance', () => {
    expect(verifyWebhookSignature('s3cret', header, body, new Date(now.getTime() + 299_000))).toBe(true);
  });

  it('refuses another secret, a changed body, an old delivery or a malformed header', () => {
    expect(verifyWebhookSignature('other', header, body, now)).toBe(false);
    expect(verifyWebhookSignature('s3cret', header, `${body} `, now)).toBe(false);
    expect(verifyWebhookSignature('s3cret', header, body, new Date(now.getTime() + 301_000))).toBe(false);
    expect(verifyWebhookSignature('s3cret', header, body, new Date(now.getTime() + 3600_000), 7200)).toBe(true);
    for (const bad of [undefined, '', 't=abc,v1=00', `v1=${'0'.repeat(64)}`, header.replace(/v1=.*/, 'v1=zz')]) {
      expect(verifyWebhookSignature('s3cret', bad, body, now)).toBe(false);
    }
  });

  it('accepts any one of several v1 values (secret rotation)', () => {
    const [t, v1] = header.split(',');
    expect(verifyWebhookSignature('s3cret', `${t},v1=${'a'.repeat(64)},${v1}`, body, now)).toBe(true);
  });
});
