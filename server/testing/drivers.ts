import type { HubOptions } from '../hub.js';
import { startTestHub, stopTestHub, type TestHub } from './harness.js';
import { freshPostgresSchema } from './postgres.js';

/** The storage drivers a hub suite runs on. */
export const drivers = ['pglite', 'postgres'] as const;
export type Driver = (typeof drivers)[number];

const databaseUrl = process.env.CXKIT_TEST_DATABASE_URL;

/** Why a driver's tests are skipped on this machine, or false: PostgreSQL needs CXKIT_TEST_DATABASE_URL. */
export function skipReason(driver: Driver): string | false {
  return driver === 'postgres' && !databaseUrl ? 'CXKIT_TEST_DATABASE_URL is not set' : false;
}

/**
 * A test hub on `driver`: PGlite in a fresh data directory, or PostgreSQL in a fresh schema
 * of the test database. `stop` stops it and removes its data.
 */
export async function startHubOn(
  driver: Driver,
  options: Partial<HubOptions> = {},
): Promise<{ hub: TestHub; stop(): Promise<void> }> {
  if (driver === 'pglite') {
    const hub = await startTestHub(options);
    return { hub, stop: () => stopTestHub(hub) };
  }
  const schema = await freshPostgresSchema(databaseUrl!);
  const hub = await startTestHub({ ...options, databaseUrl: schema.url });
  return {
    hub,
    stop: async () => {
      await stopTestHub(hub);
      await schema.drop();
    },
  };
}
