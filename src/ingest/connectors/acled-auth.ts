import { z } from 'zod';
import { TocsinError } from '../../core/errors.js';
import { errorSnippet, fetchWithRetry, type FetchLike, type Sleep } from './http.js';

export const ACLED_EMAIL_ENV = 'ACLED_EMAIL';
export const ACLED_PASSWORD_ENV = 'ACLED_PASSWORD';
/** The pre-2025 access key: recognised only to explain that it no longer works. */
export const ACLED_LEGACY_KEY_ENV = 'ACLED_API_KEY';

export interface AcledCredentials {
  email: string;
  password: string;
}

/**
 * Reads the myACLED login from the environment. ACLED replaced access keys with OAuth in September 2025
 * (https://acleddata.com/api-documentation/getting-started; acledR 1.0 marks `key` deprecated), so a
 * key alone is refused with an explanation rather than tried against the retired api.acleddata.com.
 */
export function acledCredentials(env: Readonly<Record<string, string | undefined>>): AcledCredentials {
  const email = env[ACLED_EMAIL_ENV]?.trim() ?? '';
  const password = env[ACLED_PASSWORD_ENV] ?? '';
  if (email !== '' && password !== '') return { email, password };
  const missing = [email === '' ? ACLED_EMAIL_ENV : null, password === '' ? ACLED_PASSWORD_ENV : null].filter((v) => v !== null);
  const legacy = env[ACLED_LEGACY_KEY_ENV]
    ? ` ${ACLED_LEGACY_KEY_ENV} is set, but ACLED retired access keys in September 2025: the API now takes the myACLED email and password (OAuth).`
    : '';
  throw new TocsinError(
    'unauthenticated',
    `ACLED credentials missing: set ${missing.join(' and ')} (your myACLED login).${legacy}`,
    {
      missing,
    },
  );
}

const tokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().optional(),
});

export interface TokenRequestOptions {
  baseUrl: string;
  fetch: FetchLike;
  sleep: Sleep;
}

/**
 * Exchanges the login for a bearer token: `POST /oauth/token` with a form body `username`, `password`,
 * `grant_type=password`, `client_id=acled` (ACLED's guide: https://acleddata.com/api-documentation/importing-data-acled-api-powerbi).
 * The token lasts 24 hours, longer than any single download here, so there is no refresh.
 */
export async function requestAcledToken(creds: AcledCredentials, opts: TokenRequestOptions): Promise<string> {
  const url = `${opts.baseUrl}/oauth/token`;
  const body = new URLSearchParams({
    username: creds.email,
    password: creds.password,
    grant_type: 'password',
    client_id: 'acled',
  });
  const init: RequestInit = {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: body.toString(),
  };
  const res = await fetchWithRetry(url, init, { fetch: opts.fetch, sleep: opts.sleep, what: 'ACLED token request' });
  const secrets = [creds.password];
  if (res.status === 400 || res.status === 401 || res.status === 403) {
    const detail = await errorSnippet(res, secrets);
    throw new TocsinError(
      'unauthenticated',
      `ACLED refused the login in ${ACLED_EMAIL_ENV}/${ACLED_PASSWORD_ENV} (HTTP ${res.status})${detail ? `: ${detail}` : ''}`,
      { status: res.status },
    );
  }
  if (!res.ok) {
    const detail = await errorSnippet(res, secrets);
    throw new TocsinError(
      'unavailable',
      `ACLED token request failed: HTTP ${res.status} from ${url}${detail ? `: ${detail}` : ''}`,
      { url },
    );
  }
  const parsed = tokenResponse.safeParse(await res.json().catch(() => null));
  if (!parsed.success) throw new TocsinError('invalid_format', `ACLED token response from ${url} has no access_token`, { url });
  return parsed.data.access_token;
}
