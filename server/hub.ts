import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { isOriginKnown, loadTokenSecret, tokenRoutes } from './auth/index.js';
import { attachmentRoutes, startUploadCleanup } from './attachments/index.js';
import type { EventBus } from './bus/index.js';
import {
  authorizeChatStream,
  chatCommands,
  deskSettings,
  PresenceSessions,
  startOfferTimeouts,
  startMissedAnswers,
  startQueuePositions,
} from './chat/index.js';
import { checkRedisUrl, type HubConfig } from './config/index.js';
import { contextCommands } from './context/index.js';
import { lookupCustomer } from './crm/index.js';
import { lazyMailer } from './email/index.js';
import { unsubscribeRoutes } from './email/unsubscribe/index.js';
import { demoIdentityRoutes } from './identity/index.js';
import { installErrorHandler } from './http/error-handler.js';
import { healthRoutes } from './http/health.js';
import { journeyRoutes, startRetention } from './journey/index.js';
import { openFanOut, type FanOut } from './multi-node/index.js';
import { staticRoutes } from './http/static-files.js';
import { Heartbeat, realtimeRoutes } from './realtime/index.js';
import { widgetParts, widgetRoutes } from './sites/index.js';
import { openStorage, type Storage } from './storage/index.js';

export interface HubOptions {
  config: HubConfig;
  /** 0 = a random free port. Default 8080. */
  port?: number;
  /** Default "localhost": 127.0.0.1 and ::1, never the network. */
  host?: string;
  /** PGlite data directory (default .cxkit-data); ignored with databaseUrl. */
  dataDir?: string;
  /** PostgreSQL server instead of PGlite. */
  databaseUrl?: string;
  /** Redis, so several hub nodes serve one site (needs databaseUrl). */
  redisUrl?: string;
  /** Put before the hub's Redis channels and keys (default "cxkit:"). */
  redisPrefix?: string;
  /** Repo root; when set, serve the demo pages, dist/ and themes/. */
  staticRoot?: string;
  /** More routes to serve (the demo's mailbox page). */
  extraRoutes?: Array<(app: FastifyInstance) => Promise<void>>;
  /** Log warnings and errors (Fastify's logger at level "warn"). */
  logger?: boolean;
  /** How long an agent whose last socket closed stays available (default 15 s). */
  presenceGraceMs?: number;
  /** How long an agent has to accept a conversation offered to them before it moves on (default 30 s). */
  offerTimeoutMs?: number;
  /** Queue changes within this long are ranked once for the waiting visitors (default 500 ms). */
  queuePositionDebounceMs?: number;
  /**
   * Emailing answers the visitor missed: how often, and how long an answer waits to be read
   * in the panel first (default 30 s; 1 min for a message left outside hours, 5 min in a chat).
   */
  missedAnswers?: { intervalMs?: number; offlineGraceMs?: number; liveGraceMs?: number };
}

export interface RunningHub {
  /** http://localhost:PORT */
  url: string;
  port: number;
  storage: 'pglite' | 'postgres';
  /** This node's id among several hub nodes (with Redis); names its Redis connections. */
  nodeId?: string;
  close(): Promise<void>;
}

/** Starts a hub: storage (locked and migrated), token secret, HTTP routes and the WebSocket. */
export async function startHub(options: HubOptions): Promise<RunningHub> {
  // Before opening storage: Redis with the embedded PGlite is refused.
  if (options.redisUrl) checkRedisUrl(options.redisUrl, options.databaseUrl);
  const storage = await openStorage({
    dataDir: options.dataDir ?? '.cxkit-data',
    databaseUrl: options.databaseUrl,
  });
  const heartbeat = new Heartbeat();
  const app = Fastify({
    logger: options.logger ? { level: 'warn' } : false,
    bodyLimit: 64 * 1024,
    // Reject what does not match, as the WebSocket does: no type coercion, no silent stripping.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false } },
  });
  const fanOut = await openFanOut(options, app.log).catch(async (error) => {
    heartbeat.stop();
    await storage.close();
    throw error;
  });
  const { bus } = fanOut;
  let retention: { stop(): void } | undefined;
  const offers = startOfferTimeouts({
    storage,
    bus,
    settingsOf: deskSettings(options.config),
    timeoutMs: options.offerTimeoutMs,
    onError: (error) => app.log.error({ err: error }, 'moving lapsed offers failed'),
  });
  const positions = startQueuePositions({
    config: options.config,
    storage,
    bus,
    debounceMs: options.queuePositionDebounceMs,
    onError: (error) => app.log.error({ err: error }, 'ranking waiting conversations failed'),
  });
  const uploads = startUploadCleanup(storage, (error) =>
    app.log.error({ err: error }, 'purging unsent uploads failed'),
  );
  let missedAnswers: { stop(): void } | undefined;
  const sessions = new PresenceSessions({
    storage,
    bus,
    graceMs: options.presenceGraceMs ?? 15_000,
    tally: fanOut.presence,
    onError: (error) => app.log.error({ err: error }, 'presence update failed'),
  });
  try {
    const tokenSecret = await loadTokenSecret(storage, options.config.tokenSecret);
    missedAnswers = startMissedAnswers({
      db: storage,
      config: options.config,
      mailer: lazyMailer(options.config),
      tokenSecret,
      ...options.missedAnswers,
      onError: (error) => app.log.error({ err: error }, 'emailing missed answers failed'),
    });
    retention = await startRetention(storage, options.config, (error) =>
      app.log.error({ err: error }, 'journey retention failed'),
    );
    await buildApp(app, { ...options, storage, bus, heartbeat, tokenSecret, sessions, fanOut });
    await app.listen({ port: options.port ?? 8080, host: options.host ?? 'localhost' });
  } catch (error) {
    heartbeat.stop();
    sessions.stop();
    offers.stop();
    uploads.stop();
    missedAnswers?.stop();
    await positions.stop();
    retention?.stop();
    await app.close().catch(() => {});
    await fanOut.close();
    await storage.close();
    throw error;
  }

  const port = (app.server.address() as { port: number }).port;
  let closing: Promise<void> | undefined;
  return {
    url: `http://localhost:${port}`,
    port,
    storage: storage.kind,
    ...(fanOut.nodeId ? { nodeId: fanOut.nodeId } : {}),
    close: () =>
      (closing ??= (async () => {
        heartbeat.stop();
        offers.stop();
        uploads.stop();
        missedAnswers?.stop();
        retention?.stop();
        // 1001 "going away": clients reconnect (to this hub once it is back, or another node).
        for (const socket of heartbeat.sockets) socket.close(1001, 'hub shutting down');
        await app.close();
        // After the sockets closed: their grace timers must not touch closed storage.
        sessions.stop();
        await positions.stop();
        await fanOut.close();
        await storage.close();
      })()),
  };
}

async function buildApp(
  app: FastifyInstance,
  deps: HubOptions & {
    storage: Storage;
    bus: EventBus;
    heartbeat: Heartbeat;
    tokenSecret: string;
    sessions: PresenceSessions;
    fanOut: FanOut;
  },
): Promise<void> {
  installErrorHandler(app);
  // Reflect only origins some site allows; each route then checks its own site.
  await app.register(cors, {
    origin: (origin, done) => done(null, !!origin && isOriginKnown(deps.config, origin)),
    methods: ['GET', 'HEAD', 'POST', 'DELETE'],
  });
  // Not global: a global limit would also count (and refuse) WebSocket upgrades.
  const { shared, rates } = deps.fanOut;
  await app.register(rateLimit, {
    global: false,
    // On several nodes the counts are Redis's, so a client gets each limit once, not per
    // node; while Redis is away the routes answer without a limit.
    ...(shared
      ? { redis: shared.redis, nameSpace: `${shared.prefix}http:`, skipOnError: true }
      : {}),
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      code: 'rate.limited',
      message: `too many requests; retry in ${context.after}`,
    }),
  });
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  await app.register(healthRoutes, { storage: deps.storage.kind });
  await app.register(tokenRoutes, { config: deps.config, tokenSecret: deps.tokenSecret });
  await app.register(demoIdentityRoutes, { config: deps.config });
  await app.register(realtimeRoutes, {
    config: deps.config,
    storage: deps.storage,
    bus: deps.bus,
    tokenSecret: deps.tokenSecret,
    heartbeat: deps.heartbeat,
    commands: {
      ...chatCommands(deps.config, deps.tokenSecret),
      ...contextCommands(deps.config, lookupCustomer),
    },
    authorizeStream: authorizeChatStream,
    sessions: deps.sessions,
  });
  await app.register(widgetRoutes, { config: deps.config, parts: widgetParts });
  await app.register(attachmentRoutes, {
    config: deps.config,
    storage: deps.storage,
    tokenSecret: deps.tokenSecret,
    rates,
  });
  await app.register(unsubscribeRoutes, {
    config: deps.config,
    storage: deps.storage,
    tokenSecret: deps.tokenSecret,
  });
  await app.register(journeyRoutes, {
    config: deps.config,
    storage: deps.storage,
    bus: deps.bus,
    tokenSecret: deps.tokenSecret,
    rates,
  });
  for (const routes of deps.extraRoutes ?? []) await app.register(routes);
  if (deps.staticRoot) await app.register(staticRoutes, { root: deps.staticRoot });
}
