import { Redis } from 'ioredis';
import { ConfigError } from '../config/index.js';

/**
 * Opens a Redis connection and waits until it is ready; a server that cannot be reached
 * fails the hub's start with a clear message instead of retrying in silence. Once open,
 * the client reconnects by itself (backoff up to 2 s) and reports each failed attempt
 * through `onError`.
 */
export async function openRedis(
  url: string,
  name: string,
  onError: (error: Error) => void,
): Promise<Redis> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectionName: name,
    // Fail at once while disconnected instead of queueing: what a command carried is in the
    // database, and RedisBus tells the subscribers to catch up once Redis is back.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    // RedisBus subscribes again itself, so it knows when to tell subscribers to catch up.
    autoResubscribe: false,
    retryStrategy: (attempt) => Math.min(100 * 2 ** attempt, 2_000),
  });
  let firstError: Error | undefined;
  let opened = false;
  client.on('error', (error: Error) => {
    firstError ??= error;
    if (opened) onError(error);
  });
  try {
    await client.connect();
  } catch (error) {
    client.disconnect();
    const reason = (firstError ?? (error as Error)).message;
    throw new ConfigError(`REDIS_URL: cannot reach Redis at ${new URL(url).host} (${reason})`);
  }
  opened = true;
  return client;
}

/** Ends a connection: politely when it is up (what was sent still arrives), at once when not. */
export async function closeRedis(client: Redis): Promise<void> {
  if (client.status === 'ready') {
    try {
      await client.quit();
      return;
    } catch {
      // Fall through: drop it.
    }
  }
  client.disconnect();
}
