/** The last seq chimed for each subject (a conversation, a desk), in localStorage under one key. */
type Chimed = Record<string, number>;

/** Subjects remembered per key: enough for the conversations and desks one browser has open. */
const keptSubjects = 50;

/**
 * Whether this tab plays the chime for event `seq` of `subject`. Several tabs of one site
 * (a chat panel closed in each, an agent desk open twice) all hear the same message; only
 * the first to claim it chimes. A Web Lock makes the check and the claim one step across the
 * tabs; a browser without Web Locks chimes in every tab.
 */
export async function claimChime(key: string, subject: string, seq: number): Promise<boolean> {
  if (!navigator.locks) return true;
  return navigator.locks.request(key, () => {
    const chimed = read(key);
    if ((chimed[subject] ?? -1) >= seq) return false;
    delete chimed[subject];
    chimed[subject] = seq;
    const subjects = Object.keys(chimed);
    for (const old of subjects.slice(0, Math.max(0, subjects.length - keptSubjects)))
      delete chimed[old];
    try {
      localStorage.setItem(key, JSON.stringify(chimed));
    } catch {
      // Storage full or blocked: chime here anyway, other tabs may too.
    }
    return true;
  });
}

function read(key: string): Chimed {
  try {
    const kept = JSON.parse(localStorage.getItem(key) ?? '{}') as unknown;
    // A claim stored by an older version ({ conversationId, seq }) reads as none.
    return kept && typeof kept === 'object' && !('conversationId' in kept) ? (kept as Chimed) : {};
  } catch {
    return {};
  }
}
