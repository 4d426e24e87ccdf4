import type { RateCounter } from './types.js';

/**
 * Counts in this process, in fixed windows per key (from the key's first take): a single
 * hub node's limits.
 */
export class MemoryRateCounter implements RateCounter {
  readonly #windows = new Map<string, { start: number; count: number }>();

  constructor(readonly windowMs = 60_000) {}

  async take(key: string, n: number, max: number, now = Date.now()): Promise<boolean> {
    this.#prune(now);
    const window = this.#windows.get(key);
    const current =
      window && now - window.start < this.windowMs ? window : { start: now, count: 0 };
    if (current.count + n > max) return false;
    current.count += n;
    this.#windows.set(key, current);
    return true;
  }

  /** Forgets finished windows once the map grows, so idle keys cost nothing. */
  #prune(now: number): void {
    if (this.#windows.size < 10_000) return;
    for (const [key, window] of this.#windows) {
      if (now - window.start >= this.windowMs) this.#windows.delete(key);
    }
  }
}
