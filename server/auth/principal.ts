import type { Role } from '../../protocol/index.js';
import { HubError } from '../errors.js';
import type { VerifiedIdentity } from '../identity/verify.js';
import type { TokenPayload } from './tokens.js';

/** Who a connection acts for, established by `hello`. */
export interface Principal {
  role: Role;
  id: string;
  name: string | null;
  siteKey: string;
  /**
   * Visitors: the customer this session is verified as (the identity token its `hello`
   * or `visitor.identify` carried). Only such a session reaches the customer's conversations.
   */
  customer?: VerifiedIdentity;
}

export function principalFromToken(payload: TokenPayload): Principal {
  if (payload.role === 'customer') {
    throw new HubError('auth.invalid_token', 'a customer identity token cannot open a session');
  }
  return { role: payload.role, id: payload.sub, name: payload.name ?? null, siteKey: payload.site };
}

/** The customer the session is verified as, or null (anonymous visitors, agents). */
export const customerIdOf = (principal: Principal): string | null =>
  principal.customer?.customerId ?? null;

/** Key under which a principal's command results are stored. */
export function principalKey(principal: Principal): string {
  return `${principal.siteKey}/${principal.role}/${principal.id}`;
}
