import type { Redis } from 'ioredis';
import type { RateCounter } from './types.js';

export interface RedisRateOptions {
  /** A command connection (the bus's). */
  redis: Redis;
  prefix: string;
  windowMs?: number;
  onError(error: unknown): void;
}

/**
 * Adds `n` to the window's count unless that passes `max`: one round trip, atomic, so two
 * nodes taking at once never both pass the limit. The window's key dies with the window.
 */
const takeScript = `
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count + tonumber(ARGV[1]) > tonumber(ARGV[2]) then return 0 end
redis.call('INCRBY', KEYS[1], ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1`;

/**
 * Counts in Redis, in windows every node agrees on (`rate:<key>:<window number>`), so
 * behind a load balancer a visitor gets the limit once, not once per node. While Redis is
 * away it lets everything through (a limit is worth less than the chat) and says so once.
 */
export class RedisRateCounter implements RateCounter {
  readonly #windowMs: number;
  #failing = false;

  constructor(private readonly options: RedisRateOptions) {
    this.#windowMs = options.windowMs ?? 60_000;
  }

  async take(key: string, n: number, max: number, now = Date.now()): Promise<boolean> {
    const window = Math.floor(now / this.#windowMs);
    const { redis, prefix } = this.options;
    try {
      const taken = await redis.eval(
        takeScript,
        1,
        `${prefix}rate:${key}:${window}`,
        n,
        max,
        this.#windowMs * 2,
      );
      this.#failing = false;
      return taken === 1;
    } catch (error) {
      if (!this.#failing) this.options.onError(error);
      this.#failing = true;
      return true;
    }
  }
}
