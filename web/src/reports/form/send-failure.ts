import { ApiError } from '../../api.js';

/** Why a report was not sent, as the form explains it; the text is kept in every case. */
export type SendFailure =
  { kind: 'offline' } | { kind: 'link-unknown' } | { kind: 'link-spent' } | { kind: 'refused'; message: string };

/**
 * Reads a failed send: no connection, an intake link unknown (404) or already used or expired
 * (409), or a report the server refused, with its message naming each field.
 */
export function sendFailure(error: unknown, throughLink: boolean): SendFailure {
  if (!(error instanceof ApiError)) return { kind: 'refused', message: String(error) };
  // A gateway's 502-504 without Tocsin's error body means the server was not reached; Tocsin's own 503 is a refusal.
  if (error.code === 'network' || (error.code === 'http_error' && error.status >= 502 && error.status <= 504))
    return { kind: 'offline' };
  if (throughLink && error.status === 404) return { kind: 'link-unknown' };
  if (throughLink && error.status === 409) return { kind: 'link-spent' };
  return { kind: 'refused', message: error.message };
}
