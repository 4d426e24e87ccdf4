import type { Principal } from '../auth/index.js';
import { HubError } from '../errors.js';
import type { Storage } from '../storage/index.js';
import { visitorKnown } from './event-store.js';

/**
 * `visitor:<id>`: agents of the visitor's site only. Visitor ids do not name their site,
 * so the hub must already know the visitor on the agent's site.
 */
export async function authorizeVisitorStream(
  storage: Storage,
  principal: Principal,
  visitorId: string,
): Promise<void> {
  if (principal.role !== 'agent') {
    throw new HubError('auth.forbidden', "only agents follow a visitor's journey");
  }
  if (!(await visitorKnown(storage, principal.siteKey, visitorId))) {
    throw new HubError('auth.forbidden', `no visitor ${visitorId} on this site`);
  }
}
