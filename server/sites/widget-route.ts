import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authorizeSite } from '../auth/index.js';
import type { HubConfig, SiteConfig } from '../config/index.js';
import type { WidgetSettings } from '../../protocol/index.js';

/** One part of the widget settings, computed per request (some depend on the clock or the hub's config). */
export type WidgetPart = (site: SiteConfig, now: Date, config: HubConfig) => unknown;

export interface WidgetRouteDeps {
  config: HubConfig;
  /** Part name → how to compute it; a part that returns undefined is left out. */
  parts: Record<string, WidgetPart>;
}

/** `GET /api/v1/sites/:siteKey/widget`: public settings for the storefront widgets. */
export async function widgetRoutes(app: FastifyInstance, deps: WidgetRouteDeps) {
  app.get<{ Params: { siteKey: string } }>(
    '/api/v1/sites/:siteKey/widget',
    async (request, reply) => {
      const site = authorizeSite(deps.config, request.params.siteKey, pageOrigin(request));
      const now = new Date();
      const settings: WidgetSettings = { siteKey: site.key };
      for (const [name, part] of Object.entries(deps.parts)) {
        const value = part(site, now, deps.config);
        if (value !== undefined) settings[name] = value;
      }
      // Short: opening hours change what the panel offers.
      void reply.header('cache-control', 'public, max-age=60');
      void reply.header('vary', 'origin');
      return settings;
    },
  );
}

/**
 * The asking page's origin. Browsers leave `Origin` out of same-origin GETs (the demo pages
 * the hub serves itself); `Sec-Fetch-Site`, which no page can set, then vouches for the
 * hub's own origin, which the site must still allow.
 */
function pageOrigin(request: FastifyRequest): string | undefined {
  const { origin, host } = request.headers;
  if (origin) return origin;
  if (request.headers['sec-fetch-site'] !== 'same-origin' || !host) return undefined;
  return `${request.protocol}://${host}`;
}
