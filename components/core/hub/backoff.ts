/** Reconnect delay policy of docs/protocol.md: exponential backoff with full jitter. */
export interface BackoffOptions {
  baseMs: number;
  capMs: number;
}

export const defaultBackoff: BackoffOptions = { baseMs: 500, capMs: 30_000 };

/**
 * Delay before reconnect attempt number `attempt` (0 for the first): a uniform random
 * value in [0, min(cap, base * 2^attempt)). Full jitter spreads a crowd of clients that
 * lost the hub at the same moment, so they do not all come back at once.
 */
export function backoffDelay(
  attempt: number,
  options = defaultBackoff,
  random = Math.random,
): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}
