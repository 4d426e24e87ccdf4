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

/**
 * Keeps which customer this browser's visitor was last signed in as, and tells when the
 * page now names another one: the storefront did not call `forgetVisitor()` when the first
 * one signed out. The caller then forgets the visitor before any widget connects, so the
 * second customer never gets the first one's conversations. A token the browser cannot read
 * (it is the hub's to verify) changes nothing.
 */
export function signedInAsAnother(hub: string, siteKey: string, identityToken: string): boolean {
  const customer = customerNamedBy(identityToken);
  if (!customer) return false;
  const key = `cxkit:customer:${hub}|${siteKey}`;
  const before = localStorage.getItem(key);
  const another = before !== null && before !== customer;
  if (another) forgetStoredVisitor();
  localStorage.setItem(key, customer);
  return another;
}

/** The `sub` of an identity token (base64url JSON, then the signature), unverified. */
export function customerNamedBy(token: string | undefined): string | null {
  if (!token) return null;
  try {
    const body = token.split('.')[0]!.replace(/-/g, '+').replace(/_/g, '/');
    const { sub } = JSON.parse(atob(body)) as { sub?: unknown };
    return typeof sub === 'string' && sub ? sub : null;
  } catch {
    return null;
  }
}
