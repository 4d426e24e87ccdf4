import { ConfigError } from './validate.js';
import type { HubEnv } from './types.js';

/** Reads PORT, HOST, CXKIT_DATA_DIR, DATABASE_URL and REDIS_URL. */
export function loadEnv(env: NodeJS.ProcessEnv = process.env): HubEnv {
  const port = env.PORT === undefined || env.PORT === '' ? 8080 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a port number 0–65535 (got ${JSON.stringify(env.PORT)})`);
  }
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const redisUrl = env.REDIS_URL || undefined;
  if (redisUrl) checkRedisUrl(redisUrl, databaseUrl);
  return {
    port,
    // "localhost" binds 127.0.0.1 and ::1 only: reachable by both names, never from the network.
    host: env.HOST || 'localhost',
    dataDir: env.CXKIT_DATA_DIR || '.cxkit-data',
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(redisUrl ? { redisUrl } : {}),
  };
}

/**
 * Several hub nodes (what REDIS_URL is for) must share one PostgreSQL database: the embedded
 * PGlite belongs to one process. Never echoes the URL, which may hold a password.
 */
export function checkRedisUrl(redisUrl: string, databaseUrl: string | undefined): void {
  let url: URL | null = null;
  try {
    url = new URL(redisUrl);
  } catch {
    // Reported below.
  }
  const port = url?.port ? Number(url.port) : 6379;
  const db = url?.pathname.replace(/^\//, '') ?? '';
  if (
    !url ||
    !['redis:', 'rediss:'].includes(url.protocol) ||
    !url.hostname ||
    port < 1 ||
    port > 65535 ||
    !/^\d*$/.test(db)
  ) {
    throw new ConfigError(
      'REDIS_URL must look like redis://[user:password@]host[:port][/db] (or rediss:// for TLS)',
    );
  }
  if (!databaseUrl) {
    throw new ConfigError(
      'REDIS_URL needs DATABASE_URL: several hub nodes share one PostgreSQL database ' +
        '(the embedded PGlite belongs to a single process)',
    );
  }
}
