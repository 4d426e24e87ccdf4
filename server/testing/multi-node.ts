import type { HubOptions } from '../hub.js';
import { startTestHub, stopTestHub, type TestHub } from './harness.js';
import { freshPostgresSchema } from './postgres.js';
import { freshRedisPrefix, RedisAdmin, redisSkipReason, testRedisUrl } from './redis.js';

const databaseUrl = process.env.CXKIT_TEST_DATABASE_URL;

/** Why the multi-node tests are skipped here, or false: they need PostgreSQL and Redis. */
export function multiNodeSkipReason(): string | false {
  if (!databaseUrl) return 'CXKIT_TEST_DATABASE_URL is not set';
  return redisSkipReason();
}

/**
 * Two hub nodes of one installation: one fresh PostgreSQL schema, one Redis under a fresh
 * prefix (so suites running at once do not hear each other). `stop` removes it all.
 */
export async function startHubPair(options: Partial<HubOptions> = {}): Promise<{
  a: TestHub;
  b: TestHub;
  admin: RedisAdmin;
  stop(): Promise<void>;
}> {
  const schema = await freshPostgresSchema(databaseUrl!);
  const redisPrefix = freshRedisPrefix();
  const shared = { ...options, databaseUrl: schema.url, redisUrl: testRedisUrl, redisPrefix };
  // One after the other: the first one migrates the schema.
  const a = await startTestHub(shared);
  const b = await startTestHub(shared);
  const admin = await RedisAdmin.connect();
  return {
    a,
    b,
    admin,
    stop: async () => {
      await Promise.all([stopTestHub(a), stopTestHub(b)]);
      await admin.drop(redisPrefix);
      await admin.close();
      await schema.drop();
    },
  };
}
