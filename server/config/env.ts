import { ConfigError } from './validate.js';
import type { HubEnv } from './types.js';

/** Reads PORT, HOST, CXKIT_DATA_DIR and DATABASE_URL. */
export function loadEnv(env: NodeJS.ProcessEnv = process.env): HubEnv {
  const port = env.PORT === undefined || env.PORT === '' ? 8080 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a port number 0–65535 (got ${JSON.stringify(env.PORT)})`);
  }
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  return {
    port,
    // "localhost" binds 127.0.0.1 and ::1 only: reachable by both names, never from the network.
    host: env.HOST || 'localhost',
    dataDir: env.CXKIT_DATA_DIR || '.cxkit-data',
    ...(databaseUrl ? { databaseUrl } : {}),
  };
}
