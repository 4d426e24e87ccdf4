import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadEnv } from '../config/index.js';
import { startTestHub } from '../testing/harness.js';

const postgres = 'postgres://x/y';

describe('REDIS_URL', () => {
  it('is read with DATABASE_URL, and checked without ever echoing a password', () => {
    const env = loadEnv({ DATABASE_URL: postgres, REDIS_URL: 'redis://:pw@cache:6380/2' });
    assert.equal(env.redisUrl, 'redis://:pw@cache:6380/2');
    assert.equal(
      loadEnv({ DATABASE_URL: postgres, REDIS_URL: 'rediss://cache' }).redisUrl,
      'rediss://cache',
    );
    assert.equal(loadEnv({ DATABASE_URL: postgres, REDIS_URL: '' }).redisUrl, undefined);
    for (const bad of [
      'cache:6379',
      'http://cache',
      'redis://',
      'redis://:secret@cache:0',
      'redis://h/x',
    ]) {
      assert.throws(
        () => loadEnv({ DATABASE_URL: postgres, REDIS_URL: bad }),
        (error: Error) =>
          error instanceof ConfigError &&
          /REDIS_URL must look like redis:\/\//.test(error.message) &&
          !error.message.includes('secret'),
        bad,
      );
    }
  });

  it('is refused with the embedded PGlite, which belongs to one process', async () => {
    assert.throws(
      () => loadEnv({ REDIS_URL: 'redis://cache:6379' }),
      /config error: REDIS_URL needs DATABASE_URL/,
    );
    // Refused before any storage is opened (this data directory is never created).
    await assert.rejects(
      startTestHub({ redisUrl: 'redis://127.0.0.1:6379', dataDir: '/nonexistent/cxkit' }),
      /config error: REDIS_URL needs DATABASE_URL/,
    );
  });
});
