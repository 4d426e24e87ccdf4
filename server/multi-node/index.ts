import { MemoryBus, RedisBus, type EventBus } from '../bus/index.js';
import type { AgentSocketTally } from '../chat/presence.js';
import { checkRedisUrl } from '../config/index.js';
import { RedisPresenceTally } from './presence-tally.js';

export { RedisPresenceTally } from './presence-tally.js';

/** How events and agent presence reach the other hub nodes: in-process, or through Redis. */
export interface FanOut {
  bus: EventBus;
  /** This node's id on the shared bus; none on a single node. */
  nodeId?: string;
  /** Agent sockets on the other nodes; none on a single node. */
  presence?: AgentSocketTally;
  close(): Promise<void>;
}

interface FanOutLog {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/**
 * In-process without `redisUrl`; with it, a RedisBus and presence counted across nodes.
 * Redis needs PostgreSQL (`databaseUrl`), and an unreachable Redis fails the start.
 */
export async function openFanOut(
  options: { redisUrl?: string; redisPrefix?: string; databaseUrl?: string },
  log: FanOutLog,
): Promise<FanOut> {
  const onHandlerError = (error: unknown) => log.error({ err: error }, 'event handler failed');
  if (!options.redisUrl) {
    const bus = new MemoryBus(onHandlerError);
    return { bus, close: () => bus.close() };
  }
  checkRedisUrl(options.redisUrl, options.databaseUrl);
  const bus = await RedisBus.connect({
    url: options.redisUrl,
    prefix: options.redisPrefix,
    onHandlerError,
    onProblem: (message, error) => log.warn({ err: error }, message),
  });
  const presence = new RedisPresenceTally({
    redis: bus.commands,
    prefix: bus.prefix,
    nodeId: bus.nodeId,
    onError: (error) => {
      // While Redis is away the bus has said so once; the next renewal heals the counts.
      if (bus.commands.status === 'ready') log.warn({ err: error }, 'agent presence failed');
    },
  });
  return {
    bus,
    nodeId: bus.nodeId,
    presence,
    close: async () => {
      presence.stop();
      await bus.close();
    },
  };
}
