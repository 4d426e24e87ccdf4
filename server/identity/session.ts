import type { ErrorBody } from '../../protocol/index.js';
import type { Principal } from '../auth/index.js';
import type { SiteConfig } from '../config/index.js';
import { HubError } from '../errors.js';
import { verifyIdentityToken, type VerifiedIdentity } from './verify.js';

/**
 * The customer an identity token names, or, for a token the hub does not take (expired,
 * badly signed, a site without `identitySecret`), why not: a refused token makes what it
 * came with anonymous, it does not fail it.
 */
export function checkIdentity(
  site: SiteConfig,
  identityToken: string,
  now = Date.now(),
): { identity: VerifiedIdentity } | { identityRefused: ErrorBody } {
  try {
    return { identity: verifyIdentityToken(site, identityToken, now) };
  } catch (error) {
    if (!(error instanceof HubError)) throw error;
    return { identityRefused: { code: error.code, message: error.message } };
  }
}

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
  const checked = checkIdentity(site, identityToken, now);
  return 'identity' in checked
    ? { principal: { ...principal, customer: checked.identity } }
    : { principal, ...checked };
}
