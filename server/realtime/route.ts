import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { HubConfig, SiteConfig } from '../config/index.js';
import { authorizeSite } from '../auth/index.js';
import { HubError } from '../errors.js';
import type { CommandHandler, StreamAuthorizer } from './command-types.js';
import { Connection, type ConnectionDeps } from './connection.js';
import { FrameParser } from './frames.js';
import type { Heartbeat } from './heartbeat.js';
import { helloSchema, subscribeSchema, unsubscribeSchema } from './schemas.js';

export interface RealtimeDeps extends Omit<ConnectionDeps, 'parser' | 'log'> {
  config: HubConfig;
  heartbeat: Heartbeat;
  commands: Record<string, CommandHandler>;
  authorizeStream: StreamAuthorizer;
}

const sites = new WeakMap<FastifyRequest, SiteConfig>();

/** `GET /ws?siteKey=…`: the site and Origin are checked before the upgrade; refused with 403. */
export async function realtimeRoutes(app: FastifyInstance, deps: RealtimeDeps) {
  const schemas: Record<string, object> = {
    hello: helloSchema,
    subscribe: subscribeSchema,
    unsubscribe: unsubscribeSchema,
  };
  for (const [type, handler] of Object.entries(deps.commands)) schemas[type] = handler.schema;
  const parser = new FrameParser(schemas);

  app.get<{ Querystring: { siteKey?: string } }>(
    '/ws',
    {
      websocket: true,
      preValidation: async (request, reply) => {
        try {
          sites.set(
            request,
            authorizeSite(deps.config, request.query.siteKey, request.headers.origin),
          );
        } catch (error) {
          if (!(error instanceof HubError)) throw error;
          return reply.code(403).send({ code: error.code, message: error.message });
        }
      },
    },
    (socket, request) => {
      deps.heartbeat.watch(socket);
      new Connection(socket, sites.get(request)!, { ...deps, parser, log: request.log });
    },
  );
}
