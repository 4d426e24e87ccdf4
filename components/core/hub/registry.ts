import { backoffFor } from './backoff.js';
import type { Credentials } from './credentials.js';
import { HubClient } from './hub-client.js';
import type { HubConnection } from './hub-connection.js';

interface Entry {
  client: HubConnection;
  users: number;
}

// Global, so two cxkit bundles on one page still share one socket per principal.
const slot = Symbol.for('cxkit.hub-registry');
type GlobalWithSlot = typeof globalThis & { [slot]?: Map<string, Entry> };
const registry = ((globalThis as GlobalWithSlot)[slot] ??= new Map());

export interface Lease {
  connection: HubConnection;
  release(): void;
}

/**
 * One shared connection per (hub, site, principal); closed when its last user lets go.
 * `role` picks how soon it comes back after losing the hub (`backoffFor`).
 */
export function acquireConnection(
  hub: string,
  siteKey: string,
  credentials: Credentials,
  role: 'visitor' | 'agent',
): Lease {
  const key = `${hub}|${siteKey}|${credentials.key}`;
  let entry = registry.get(key);
  if (!entry) {
    const client = new HubClient({ hub, siteKey, credentials, backoff: backoffFor(role) });
    registry.set(key, (entry = { client, users: 0 }));
  }
  entry.users++;
  let released = false;
  return {
    connection: entry.client,
    release() {
      if (released) return;
      released = true;
      if (--entry.users > 0) return;
      registry.delete(key);
      entry.client.close();
    },
  };
}
