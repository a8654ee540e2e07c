import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { Sha256 } from '../../core/brand.js';
import { TocsinError } from '../../core/errors.js';

/** The slice of `fetch` the connectors use; tests may pass a wrapper around the global one. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** How a connector waits between retries; tests pass one that returns at once. */
export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export interface RetryOptions {
  fetch: FetchLike;
  sleep: Sleep;
  /** Total attempts, first included (default 3). */
  tries?: number;
  /** First back-off delay; doubles on each retry (default 1 s). */
  baseDelayMs?: number;
  /** What the request is, for messages: `UCDP API page 3`. Never put secrets here. */
  what: string;
}

const MAX_RETRY_AFTER_MS = 60_000;

/** True for the statuses worth retrying: rate limiting and server-side failures. */
export const isRetryable = (status: number): boolean => status === 429 || status >= 500;

/**
 * Fetches with a bounded retry on 429 and 5xx (and on network errors), waiting
 * `Retry-After` when the server sends it (capped at 60 s), else exponential back-off.
 * Returns the last response, successful or not: the caller maps its status to an error.
 */
export async function fetchWithRetry(url: string, init: RequestInit, opts: RetryOptions): Promise<Response> {
  const tries = opts.tries ?? 3;
  const base = opts.baseDelayMs ?? 1000;
  for (let attempt = 1; ; attempt++) {
    let res: Response;
    try {
      res = await opts.fetch(url, init);
    } catch (cause) {
      if (attempt >= tries) {
        throw new TocsinError(
          'unavailable',
          `${opts.what}: network error after ${tries} tries (${String(cause)})`,
          { url },
          { cause },
        );
      }
      await opts.sleep(base * 2 ** (attempt - 1));
      continue;
    }
    if (!isRetryable(res.status) || attempt >= tries) return res;
    await res.body?.cancel();
    await opts.sleep(retryDelay(res.headers.get('retry-after'), base * 2 ** (attempt - 1)));
  }
}

function retryDelay(retryAfter: string | null, fallback: number): number {
  if (retryAfter === null) return fallback;
  const seconds = Number(retryAfter);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, MAX_RETRY_AFTER_MS);
  const at = Date.parse(retryAfter);
  return Number.isNaN(at) ? fallback : Math.min(Math.max(at - Date.now(), 0), MAX_RETRY_AFTER_MS);
}

/** Reads at most `max` characters of an error body, with every secret replaced by `***`. */
export async function errorSnippet(res: Response, secrets: readonly string[] = [], max = 300): Promise<string> {
  let text: string;
  try {
    text = (await res.text()).slice(0, max);
  } catch {
    return '';
  }
  for (const secret of secrets) if (secret.length > 0) text = text.split(secret).join('***');
  return text.replace(/\s+/g, ' ').trim();
}

/** The error for a failed response no caller-specific rule covered: 429/5xx after retries, 400, anything else. */
export function unexpectedStatus(res: Response, what: string, url: string, snippet: string): TocsinError {
  const code = isRetryable(res.status) ? 'unavailable' : res.status === 400 ? 'invalid_input' : 'internal';
  const tail = snippet ? `: ${snippet}` : '';
  return new TocsinError(code, `${what}: HTTP ${res.status} from ${url}${tail}`, { url, status: res.status });
}

export interface SavedBody {
  bytes: number;
  sha256: Sha256;
}

/** Streams a response body to `path` (never whole in memory), hashing it on the way. */
export async function saveBody(res: Response, path: string): Promise<SavedBody> {
  if (!res.body) throw new TocsinError('invalid_format', `empty response body from ${res.url}`);
  const hash = createHash('sha256');
  let bytes = 0;
  await pipeline(
    Readable.fromWeb(res.body as NodeReadableStream<Uint8Array>),
    async function* (source: AsyncIterable<Uint8Array>) {
      for await (const chunk of source) {
        hash.update(chunk);
        bytes += chunk.length;
        yield chunk;
      }
    },
    createWriteStream(path),
  );
  return { bytes, sha256: hash.digest('hex') as Sha256 };
}
