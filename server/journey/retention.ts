import type { HubConfig } from '../config/index.js';
import type { Storage } from '../storage/index.js';
import { countDeleted } from './event-store.js';
import { journeySettings } from './settings.js';

const hourMs = 3_600_000;
/** `visitor:` streams are a live feed: their copies of the journey go after a day at most. */
const visitorStreamHours = 24;

/** Deletes journey rows older than each site's retentionDays; returns how many went. */
export async function purgeExpired(
  storage: Storage,
  config: HubConfig,
  now = Date.now(),
): Promise<number> {
  let deleted = 0;
  for (const site of config.sites) {
    const cutoff = new Date(now - journeySettings(site).retentionDays * 24 * hourMs).toISOString();
    deleted += await countDeleted(
      storage,
      'DELETE FROM journey_events WHERE site_key = $1 AND received_at < $2 RETURNING 1',
      [site.key, cutoff],
    );
    await storage.query('DELETE FROM visitor_customers WHERE site_key = $1 AND verified_at < $2', [
      site.key,
      cutoff,
    ]);
  }
  await storage.query("DELETE FROM stream_events WHERE stream LIKE 'visitor:%' AND at < $1", [
    new Date(now - visitorStreamHours * hourMs).toISOString(),
  ]);
  return deleted;
}

/** Purges now and then hourly until stopped; the timer does not keep the process alive. */
export async function startRetention(
  storage: Storage,
  config: HubConfig,
  onError: (error: unknown) => void,
): Promise<{ stop(): void }> {
  const run = () => purgeExpired(storage, config).catch(onError);
  await run();
  const timer = setInterval(run, hourMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
