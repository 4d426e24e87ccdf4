import { after, before, test } from 'node:test';
import type { HubOptions } from '../hub.js';
import { startTestHub, stopTestHub, type TestHub } from './harness.js';
import type { WsClient } from './ws-client.js';
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

/**
 * Inside a `describe`: a hub on `driver` for its tests, started before them and stopped
 * after (closing the clients a test put in `clients`); `started` gets it. Its `it` marks
 * each test skipped, so the runner counts them, where the driver is unavailable here.
 */
export function useHubOn(
  driver: Driver,
  options: Partial<HubOptions>,
  started: (hub: TestHub) => void,
): { it: (name: string, fn: () => Promise<void>) => void; clients: WsClient[] } {
  const skip = skipReason(driver);
  const clients: WsClient[] = [];
  let stop = async () => {};
  before(async () => {
    if (skip) return;
    const running = await startHubOn(driver, options);
    stop = running.stop;
    started(running.hub);
  });
  after(async () => {
    for (const client of clients) client.close();
    await stop();
  });
  return { it: (name, fn) => void test(name, { skip }, fn), clients };
}
