/** What stays: the tracking-consent choice is the browser's, a demo agent's sign-in is the agent tab's. */
const kept = (key: string) =>
  key === 'cxkit:journey-consent' || key.startsWith('cxkit:demo-agent:');

/**
 * Removes what this browser keeps for its visitor on every site: the visitor token (shared
 * with the journey recorder), the open conversation, unsent messages, the unread state,
 * invitations shown and the journey's visit and queue. Returns the keys it removed.
 */
export function forgetStoredVisitor(stores: Storage[] = [localStorage, sessionStorage]): string[] {
  const removed: string[] = [];
  for (const store of stores) {
    const keys = Array.from({ length: store.length }, (_, i) => store.key(i)!);
    for (const key of keys) {
      if (!/^cxkit[:.]/.test(key) || kept(key)) continue;
      store.removeItem(key);
      removed.push(key);
    }
  }
  return removed;
}
