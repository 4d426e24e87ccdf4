import type { FastifyInstance } from 'fastify';
import { authorizeSite } from '../auth/index.js';
import type { HubConfig, SiteConfig } from '../config/index.js';
import type { WidgetSettings } from '../../protocol/index.js';

/** One part of the widget settings, computed per request (some depend on the clock). */
export type WidgetPart = (site: SiteConfig, now: Date) => unknown;

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
      const site = authorizeSite(deps.config, request.params.siteKey, request.headers.origin);
      const now = new Date();
      const settings: WidgetSettings = { siteKey: site.key };
      for (const [name, part] of Object.entries(deps.parts)) {
        const value = part(site, now);
        if (value !== undefined) settings[name] = value;
      }
      // Short: opening hours change what the panel offers.
      void reply.header('cache-control', 'public, max-age=60');
      void reply.header('vary', 'origin');
      return settings;
    },
  );
}
