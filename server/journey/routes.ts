import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authorizeSite, verifySiteToken } from '../auth/index.js';
import type { EventBus } from '../bus/index.js';
import type { HubConfig } from '../config/index.js';
import { HubError } from '../errors.js';
import type { Storage } from '../storage/index.js';
import { deleteCustomer, deleteVisitors } from './event-store.js';
import { ingestBatch } from './ingest.js';
import type { RateCounter } from '../rate-limit/index.js';

const maxBatchBytes = 64 * 1024;

export interface JourneyRouteDeps {
  config: HubConfig;
  storage: Storage;
  bus: EventBus;
  tokenSecret: string;
  /** Journey events per visitor per minute, on this node or across nodes. */
  rates: RateCounter;
}

/** Ingestion (`POST /api/v1/journey`) and deletion of a visitor's or a customer's journey. */
export async function journeyRoutes(app: FastifyInstance, deps: JourneyRouteDeps) {
  // sendBeacon posts text/plain (no CORS preflight); fetch may post application/json.
  app.post('/api/v1/journey', { bodyLimit: maxBatchBytes }, (request) =>
    ingestBatch(deps, request.body, request.headers.origin),
  );

  app.delete<{ Body: Credentials | undefined; Querystring: Credentials }>(
    '/api/v1/journey',
    async (request) => {
      const { site, payload } = authorize(deps, request);
      if (payload.role !== 'visitor') {
        throw new HubError(
          'auth.forbidden',
          'a visitor deletes its own journey with its visitor token',
        );
      }
      const deleted = await deps.storage.transaction((tx) =>
        deleteVisitors(tx, site.key, [payload.sub]),
      );
      return { deleted };
    },
  );

  app.delete<{
    Body: Credentials | undefined;
    Querystring: Credentials;
    Params: { customerId: string };
  }>('/api/v1/customers/:customerId/journey', async (request) => {
    const { site, payload } = authorize(deps, request);
    if (payload.role !== 'agent') {
      throw new HubError('auth.forbidden', "only agents delete a customer's journey");
    }
    const deleted = await deps.storage.transaction((tx) =>
      deleteCustomer(tx, site.key, request.params.customerId),
    );
    return { deleted };
  });
}

interface Credentials {
  siteKey?: unknown;
  token?: unknown;
}

/** Site from the body or `?siteKey=`, token from the body or `authorization: Bearer …`. */
function authorize(
  deps: JourneyRouteDeps,
  request: FastifyRequest<{ Body: Credentials | undefined; Querystring: Credentials }>,
) {
  const body = typeof request.body === 'object' && request.body !== null ? request.body : {};
  const site = authorizeSite(
    deps.config,
    body.siteKey ?? request.query.siteKey,
    request.headers.origin,
  );
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  const token = typeof body.token === 'string' ? body.token : bearer;
  if (!token)
    throw new HubError('auth.missing_token', 'give the token in the body or as a Bearer token');
  return { site, payload: verifySiteToken(deps.tokenSecret, site, token) };
}
