import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

/** Set by scripts/test.js (scripts/test-services.js starts a local Redis). */
export const testRedisUrl = process.env.CXKIT_TEST_REDIS_URL;

/** Why the Redis tests are skipped on this machine, or false. */
export function redisSkipReason(): string | false {
  return testRedisUrl ? false : 'CXKIT_TEST_REDIS_URL is not set';
}

/** A channel and key prefix of its own, so tests running at once never hear each other. */
export function freshRedisPrefix(): string {
  return `cxkit-test-${randomUUID().slice(0, 8)}:`;
}

/** A plain Redis client for what a test does behind the hub's back. */
export class RedisAdmin {
  readonly client = new Redis(testRedisUrl!, { lazyConnect: true });

  static async connect(): Promise<RedisAdmin> {
    const admin = new RedisAdmin();
    await admin.client.connect();
    return admin;
  }

  /**
   * Kills a hub node's connections by name (as a Redis restart or a network cut would):
   * `subscribe` for what it hears, `publish` for what it sends. Returns how many went.
   */
  async kill(nodeId: string, which: 'subscribe' | 'publish'): Promise<number> {
    const list = (await this.client.client('LIST')) as string;
    const ids = list
      .split('\n')
      .filter((line) => line.includes(` name=cxkit-${which}-${nodeId} `))
      .map((line) => /(?:^| )id=(\d+)/.exec(line)![1]!);
    for (const id of ids) await this.client.client('KILL', 'ID', id);
    return ids.length;
  }

  /** How many connections subscribe to a channel. */
  async subscribers(channel: string): Promise<number> {
    const [, count] = (await this.client.pubsub('NUMSUB', channel)) as [string, number];
    return Number(count);
  }

  /** Deletes every key under the prefix. */
  async drop(prefix: string): Promise<void> {
    let cursor = '0';
    do {
      const [next, keys] = await this.client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length > 0) await this.client.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  }

  async close(): Promise<void> {
    await this.client.quit();
  }
}
