/** Reconnect delay policy of docs/protocol.md: exponential backoff with full jitter. */
export interface BackoffOptions {
  baseMs: number;
  capMs: number;
  /** The cap while someone waits for a command (a message being sent): they are few. */
  waitingCapMs?: number;
  /** The jitter's source, [0, 1) (tests make it predictable). */
  random?: () => number;
}

export const defaultBackoff: BackoffOptions = { baseMs: 500, capMs: 30_000, waitingCapMs: 5_000 };

/**
 * An agent's desk is one of a site's few sockets, and new chats wait on it even when the
 * agent sends nothing: it never waits longer than a sending visitor does. The 30 s cap is
 * for the storefronts' crowd.
 */
const agentBackoff: BackoffOptions = { ...defaultBackoff, capMs: 5_000 };

/** The backoff of a connection speaking as `role`. */
export function backoffFor(role: 'visitor' | 'agent'): BackoffOptions {
  return role === 'agent' ? agentBackoff : defaultBackoff;
}

/**
 * Delay before reconnect attempt number `attempt` (0 for the first): a uniform random
 * value in [0, min(cap, base * 2^attempt)), the cap lower while commands wait (`waiting`). Full jitter spreads a crowd of clients that
 * lost the hub at the same moment, so they do not all come back at once.
 */
export function backoffDelay(
  attempt: number,
  options = defaultBackoff,
  random = options.random ?? Math.random,
  waiting = false,
): number {
  const cap = waiting ? Math.min(options.capMs, options.waitingCapMs ?? Infinity) : options.capMs;
  const ceiling = Math.min(cap, options.baseMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}
