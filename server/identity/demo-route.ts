import type { FastifyInstance } from 'fastify';
import { authorizeSite, signToken } from '../auth/index.js';
import type { HubConfig } from '../config/index.js';
import { HubError } from '../errors.js';

/** The demo storefront's customers (the demo's legacy CRM knows them by these ids). */
const demoCustomers: Record<string, { name: string; email: string }> = {
  'demo-customer-1': { name: 'Mina Park', email: 'mina.park@example.com' },
  'demo-customer-2': { name: 'Jonas Weber', email: 'jonas.weber@example.org' },
};

const identityTokenSeconds = 3600;

/**
 * `POST /api/v1/demo/identity-token`: on a demo site, stands in for the storefront's own
 * backend, which in production signs the signed-in customer's id with the site's
 * `identitySecret`.
 */
export async function demoIdentityRoutes(app: FastifyInstance, deps: { config: HubConfig }) {
  app.post<{ Body: { siteKey: string; customerId: string } }>(
    '/api/v1/demo/identity-token',
    {
      schema: {
        body: {
          type: 'object',
          required: ['siteKey', 'customerId'],
          additionalProperties: false,
          properties: {
            siteKey: { type: 'string', minLength: 1, maxLength: 64 },
            customerId: { type: 'string', minLength: 1, maxLength: 64 },
          },
        },
      },
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (request) => {
      const site = authorizeSite(deps.config, request.body.siteKey, request.headers.origin);
      const customer = demoCustomers[request.body.customerId];
      if (!site.demo || !site.identitySecret || !customer) {
        throw new HubError(
          'site.unknown',
          'demo customers exist only on a demo site with an identitySecret',
        );
      }
      const exp = Math.floor(Date.now() / 1000) + identityTokenSeconds;
      const token = signToken(site.identitySecret, {
        sub: request.body.customerId,
        site: site.key,
        role: 'customer',
        name: customer.name,
        email: customer.email,
        exp,
      });
      return {
        customerId: request.body.customerId,
        name: customer.name,
        token,
        expiresAt: new Date(exp * 1000).toISOString(),
      };
    },
  );
}
