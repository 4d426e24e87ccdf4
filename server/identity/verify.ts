import { verifyToken } from '../auth/index.js';
import type { SiteConfig } from '../config/index.js';
import { HubError } from '../errors.js';

/** A customer the storefront's backend vouched for. */
export interface VerifiedIdentity {
  customerId: string;
  name: string | null;
  email: string | null;
}

/**
 * Checks an identity token: the hub's token format, signed with the site's `identitySecret`,
 * `role: "customer"`, this site, not expired. Throws `auth.invalid_token` / `auth.expired_token`.
 */
export function verifyIdentityToken(
  site: SiteConfig,
  token: string,
  now = Date.now(),
): VerifiedIdentity {
  if (!site.identitySecret) {
    throw new HubError(
      'auth.invalid_token',
      `site "${site.key}" has no identitySecret to verify customers`,
    );
  }
  const payload = verifyToken(site.identitySecret, token, site.key, now);
  if (payload.role !== 'customer') {
    throw new HubError('auth.invalid_token', 'an identity token must have role "customer"');
  }
  return { customerId: payload.sub, name: payload.name ?? null, email: payload.email ?? null };
}
