/** After this many failed attempts a notification is given up (status `failed`) and stays on the record. */
export const MAX_ATTEMPTS = 8;

const FIRST_RETRY_SECONDS = 60;
const LONGEST_WAIT_SECONDS = 6 * 3600;

/**
 * Seconds to wait before the next attempt after `attempts` failures (1, 2, ...): exponential
 * back-off from one minute, doubling (1, 2, 4 ... 64 minutes), capped at six hours.
 */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(LONGEST_WAIT_SECONDS, FIRST_RETRY_SECONDS * 2 ** Math.max(0, attempts - 1));
}

/** What happens to a notification after a failed attempt: when to try again, or give up. */
export function afterFailure(attempts: number, now: Date): { status: 'pending'; nextAttemptAt: Date } | { status: 'failed' } {
  if (attempts >= MAX_ATTEMPTS) return { status: 'failed' };
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + retryDelaySeconds(attempts) * 1000) };
}
