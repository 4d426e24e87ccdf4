import type { SiteConfig } from '../config/index.js';
import { HubError } from '../errors.js';
import { agentTokenSeconds, isSignedWith, verifyToken, type TokenPayload } from './tokens.js';

/** Tolerated difference between the CRM's clock and the hub's. */
const clockSkewSeconds = 60;

/**
 * Verifies a token presented for `site`. The hub signs visitor and demo-agent tokens with
 * its own secret; a site's CRM backend may mint agent tokens with the site's `agentSecret`.
 * Those must be agent tokens and short-lived, so a leaked one is worth little.
 */
export function verifySiteToken(
  hubSecret: string,
  site: SiteConfig,
  token: string,
  now = Date.now(),
): TokenPayload {
  const signedByCrm =
    site.agentSecret !== undefined &&
    !isSignedWith(hubSecret, token) &&
    isSignedWith(site.agentSecret, token);
  if (!signedByCrm) return verifyToken(hubSecret, token, site.key, now);

  const payload = verifyToken(site.agentSecret!, token, site.key, now);
  if (payload.role !== 'agent') {
    throw new HubError('auth.invalid_token', 'the agent secret signs agent tokens only');
  }
  if (payload.exp * 1000 > now + (agentTokenSeconds + clockSkewSeconds) * 1000) {
    throw new HubError('auth.invalid_token', 'agent tokens may be valid for one hour at most');
  }
  return payload;
}
