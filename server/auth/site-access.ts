import type { HubConfig, SiteConfig } from '../config/index.js';
import { loopbackPatterns, originMatches } from '../config/origin-pattern.js';
import { HubError } from '../errors.js';

/** The site's allowed origin patterns; demo sites also accept any loopback origin. */
function originPatterns(site: SiteConfig): string[] {
  return site.demo ? [...site.origins, ...loopbackPatterns] : site.origins;
}

export function isOriginAllowed(site: SiteConfig, origin: string | undefined): boolean {
  return !!origin && originPatterns(site).some((pattern) => originMatches(pattern, origin));
}

/** Used by HTTP routes and the WebSocket upgrade alike: the site must exist and the Origin be allowed. */
export function authorizeSite(
  config: HubConfig,
  siteKey: unknown,
  origin: string | undefined,
): SiteConfig {
  const site =
    typeof siteKey === 'string' ? config.sites.find((s) => s.key === siteKey) : undefined;
  if (!site)
    throw new HubError('site.unknown', `no site with key ${JSON.stringify(siteKey ?? '')}`);
  if (!isOriginAllowed(site, origin)) {
    throw new HubError(
      'origin.forbidden',
      origin
        ? `origin ${origin} is not allowed for site "${site.key}"`
        : 'the request has no Origin header',
    );
  }
  return site;
}

/** For CORS: whether any site allows this origin (the route then checks the specific site). */
export function isOriginKnown(config: HubConfig, origin: string): boolean {
  return config.sites.some((site) => isOriginAllowed(site, origin));
}
