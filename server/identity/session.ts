import type { ErrorBody } from '../../protocol/index.js';
import type { Principal } from '../auth/index.js';
import type { SiteConfig } from '../config/index.js';
import { HubError } from '../errors.js';
import { verifyIdentityToken } from './verify.js';

/**
 * A visitor's session verified as the customer its identity token names (`hello`). A token
 * the hub does not take (expired, badly signed, a site without `identitySecret`) leaves the
 * session anonymous and says why: the chat still works, without the customer's conversations.
 */
export function withCustomer(
  principal: Principal,
  site: SiteConfig,
  identityToken: string | undefined,
  now = Date.now(),
): { principal: Principal; identityRefused?: ErrorBody } {
  if (!identityToken || principal.role !== 'visitor') return { principal };
  try {
    return { principal: { ...principal, customer: verifyIdentityToken(site, identityToken, now) } };
  } catch (error) {
    if (!(error instanceof HubError)) throw error;
    return { principal, identityRefused: { code: error.code, message: error.message } };
  }
}
