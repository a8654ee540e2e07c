/**
 * Slows password guessing: after `maxFailures` failed sign-ins for one username (from any
 * address) within `windowMs`, further attempts are refused until the window passes.
 * In memory, per server process; the clock is passed in.
 */
export class LoginThrottle {
  readonly #failures = new Map<string, { count: number; since: number }>();
  constructor(
    private readonly maxFailures = 10,
    private readonly windowMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds to wait before another attempt is allowed, 0 when allowed now. */
  retryAfter(username: string): number {
    const f = this.#failures.get(username);
    if (!f) return 0;
    const elapsed = this.now() - f.since;
    if (elapsed >= this.windowMs) {
      this.#failures.delete(username);
      return 0;
    }
    return f.count >= this.maxFailures ? this.windowMs - elapsed : 0;
  }

  recordFailure(username: string): void {
    const f = this.#failures.get(username);
    if (!f || this.now() - f.since >= this.windowMs) this.#failures.set(username, { count: 1, since: this.now() });
    else f.count++;
  }

  recordSuccess(username: string): void {
    this.#failures.delete(username);
  }
}
