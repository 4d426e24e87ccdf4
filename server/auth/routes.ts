import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { AgentTokenResponse, VisitorTokenResponse } from '../../protocol/index.js';
import type { HubConfig } from '../config/index.js';
import { HubError } from '../errors.js';
import { authorizeSite } from './site-access.js';
import { agentTokenSeconds, signToken, visitorTokenSeconds } from './tokens.js';

const siteKeyBody = {
  type: 'object',
  required: ['siteKey'],
  additionalProperties: false,
  properties: { siteKey: { type: 'string', minLength: 1, maxLength: 64 } },
} as const;

/** Token routes are cheap to call and worth abusing: limit each per client address. */
const tokenRateLimit = { max: 60, timeWindow: '1 minute' };

export const demoAgent = { id: 'demo-agent', name: 'Demo Agent' } as const;

export async function tokenRoutes(
  app: FastifyInstance,
  deps: { config: HubConfig; tokenSecret: string },
) {
  app.post<{ Body: { siteKey: string } }>(
    '/api/v1/visitors',
    { schema: { body: siteKeyBody }, config: { rateLimit: tokenRateLimit } },
    async (request): Promise<VisitorTokenResponse> => {
      const site = authorizeSite(deps.config, request.body.siteKey, request.headers.origin);
      const visitorId = randomUUID();
      const exp = nowSeconds() + visitorTokenSeconds;
      const token = signToken(deps.tokenSecret, {
        sub: visitorId,
        site: site.key,
        role: 'visitor',
        exp,
      });
      return { visitorId, token, expiresAt: new Date(exp * 1000).toISOString() };
    },
  );

  app.post<{ Body: { siteKey: string } }>(
    '/api/v1/demo/agent-token',
    { schema: { body: siteKeyBody }, config: { rateLimit: tokenRateLimit } },
    async (request): Promise<AgentTokenResponse> => {
      const site = authorizeSite(deps.config, request.body.siteKey, request.headers.origin);
      if (!site.demo) throw new HubError('site.unknown', `"${site.key}" is not a demo site`);
      const exp = nowSeconds() + agentTokenSeconds;
      const token = signToken(deps.tokenSecret, {
        sub: demoAgent.id,
        site: site.key,
        role: 'agent',
        name: demoAgent.name,
        exp,
      });
      return {
        agentId: demoAgent.id,
        name: demoAgent.name,
        token,
        expiresAt: new Date(exp * 1000).toISOString(),
      };
    },
  );
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
