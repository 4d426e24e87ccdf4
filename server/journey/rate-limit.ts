/**
 * Counts journey events per visitor in fixed one-minute windows. In-process: behind a
 * load balancer each hub node counts its own share, which still bounds a runaway page.
 */
export class EventRateLimiter {
  readonly #windows = new Map<string, { start: number; count: number }>();

  constructor(readonly windowMs = 60_000) {}

  /** Takes `n` of `key`'s `max` events per window; false (and nothing taken) when that would exceed it. */
  take(key: string, n: number, max: number, now = Date.now()): boolean {
    this.#prune(now);
    const window = this.#windows.get(key);
    const current =
      window && now - window.start < this.windowMs ? window : { start: now, count: 0 };
    if (current.count + n > max) return false;
    current.count += n;
    this.#windows.set(key, current);
    return true;
  }

  /** Forgets finished windows once the map grows, so idle visitors cost nothing. */
  #prune(now: number): void {
    if (this.#windows.size < 10_000) return;
    for (const [key, window] of this.#windows) {
      if (now - window.start >= this.windowMs) this.#windows.delete(key);
    }
  }
}
