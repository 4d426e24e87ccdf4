import { MemoryBus, RedisBus, type EventBus } from '../bus/index.js';
import type { AgentSocketTally } from '../chat/presence.js';
import type { Redis } from 'ioredis';
import { checkRedisUrl } from '../config/index.js';
import { MemoryRateCounter, RedisRateCounter, type RateCounter } from '../rate-limit/index.js';
import { RedisPresenceTally } from './presence-tally.js';

export { RedisPresenceTally } from './presence-tally.js';

/** How events and agent presence reach the other hub nodes: in-process, or through Redis. */
export interface FanOut {
  bus: EventBus;
  /** This node's id on the shared bus; none on a single node. */
  nodeId?: string;
  /** Agent sockets on the other nodes; none on a single node. */
  presence?: AgentSocketTally;
  /** What visitors and agents may do per minute, counted on every node together. */
  rates: RateCounter;
  /** Redis for the HTTP routes' limits, on several nodes (with its key prefix). */
  shared?: { redis: Redis; prefix: string };
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
    return { bus, rates: new MemoryRateCounter(), close: () => bus.close() };
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
  const rates = new RedisRateCounter({
    redis: bus.commands,
    prefix: bus.prefix,
    // Once per outage: limits are off until Redis answers again.
    onError: (error) => log.warn({ err: error }, 'rate limits off: Redis does not answer'),
  });
  return {
    bus,
    nodeId: bus.nodeId,
    presence,
    rates,
    shared: { redis: bus.commands, prefix: bus.prefix },
    close: async () => {
      presence.stop();
      await bus.close();
    },
  };
}
