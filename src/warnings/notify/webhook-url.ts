import { TocsinError } from '../../core/errors.js';

/**
 * A webhook endpoint as Tocsin will POST to it: an absolute http(s) URL, without credentials in it
 * (they would be stored and logged in the outbox; the shared secret authenticates instead).
 * Throws a TocsinError naming `field` otherwise.
 */
export function checkWebhookUrl(url: string, field = 'url'): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new TocsinError('invalid_input', `${field}: not an absolute URL: ${JSON.stringify(url)}`, { field });
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new TocsinError('invalid_input', `${field}: a webhook URL must be http:// or https://, not ${u.protocol}`, { field });
  }
  if (u.username || u.password) {
    throw new TocsinError(
      'invalid_input',
      `${field}: put no user name or password in a webhook URL; the secret signs each delivery`,
      {
        field,
      },
    );
  }
  return url;
}
