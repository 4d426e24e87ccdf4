/**
 * Counts what each key (a visitor's journey events, a principal's uploads) may do per
 * one-minute window, on this hub node or, with Redis, across all of them.
 */
export interface RateCounter {
  /**
   * Takes `n` of `key`'s `max` per window; false, and nothing taken, when that would
   * exceed it. Keys of different limits must differ (`journey:…`, `uploads:…`).
   */
  take(key: string, n: number, max: number): Promise<boolean>;
}
