import assert from 'node:assert/strict';
import { after, before, describe, it as test } from 'node:test';
import { Redis } from 'ioredis';
import { freshRedisPrefix, redisSkipReason, RedisAdmin, testRedisUrl } from '../testing/redis.js';
import { RedisRateCounter } from './redis.js';

const skip = redisSkipReason();
const it = (name: string, fn: () => Promise<void>) => test(name, { skip }, fn);

describe('rate limits counted in Redis, for every hub node together', () => {
  const prefix = freshRedisPrefix();
  const connections: Redis[] = [];
  let admin: RedisAdmin;
  /** A node's counter on a connection of its own. */
  const node = (onError: (error: unknown) => void = () => {}) => {
    const redis = new Redis(testRedisUrl!, { maxRetriesPerRequest: 0 });
    connections.push(redis);
    return { redis, rates: new RedisRateCounter({ redis, prefix, onError }) };
  };

  before(async () => {
    if (!skip) admin = await RedisAdmin.connect();
  });
  after(async () => {
    connections.forEach((redis) => redis.disconnect());
    if (skip) return;
    await admin.drop(prefix);
    admin.client.disconnect();
  });

  it('gives a key its limit once across nodes, per window', async () => {
    const [a, b] = [node().rates, node().rates];
    const now = 120 * 60_000; // The start of a window.
    assert.equal(await a.take('journey:v1', 200, 300, now), true);
    assert.equal(await b.take('journey:v1', 101, 300, now + 1000), false, 'over it: nothing taken');
    assert.equal(await b.take('journey:v1', 100, 300, now + 2000), true);
    assert.equal(await a.take('journey:v1', 1, 300, now + 3000), false);
    assert.equal(await a.take('journey:v2', 300, 300, now + 3000), true, 'each key its own');
    assert.equal(await b.take('journey:v1', 300, 300, now + 60_000), true, 'the next window');
  });

  it('lets everything through while Redis is away, and says so once', async () => {
    const problems: unknown[] = [];
    const { redis, rates } = node((error) => problems.push(error));
    redis.disconnect();
    assert.equal(await rates.take('uploads:x', 1, 1), true);
    assert.equal(await rates.take('uploads:x', 1, 1), true);
    assert.equal(problems.length, 1);
  });
});
