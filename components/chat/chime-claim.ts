/** The agent message a chime was played for, in localStorage (one per hub and site). */
interface Chimed {
  conversationId: string;
  seq: number;
}

/**
 * Whether this tab plays the chime for the agent message `seq`. With the panel closed in
 * several tabs, each of them hears the message; only the first to claim it chimes. A Web
 * Lock makes the check and the claim one step across the site's tabs; a browser without
 * Web Locks chimes in every tab, as before.
 */
export async function claimChime(
  key: string,
  conversationId: string,
  seq: number,
): Promise<boolean> {
  if (!navigator.locks) return true;
  return navigator.locks.request(key, () => {
    const chimed = read(key);
    if (chimed?.conversationId === conversationId && chimed.seq >= seq) return false;
    try {
      localStorage.setItem(key, JSON.stringify({ conversationId, seq } satisfies Chimed));
    } catch {
      // Storage full or blocked: chime here anyway, other tabs may too.
    }
    return true;
  });
}

function read(key: string): Chimed | null {
  try {
    return JSON.parse(localStorage.getItem(key) ?? 'null') as Chimed | null;
  } catch {
    return null;
  }
}
