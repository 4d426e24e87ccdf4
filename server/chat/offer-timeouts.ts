import type { EventFrame } from '../../protocol/index.js';
import type { EventBus } from '../bus/index.js';
import type { Queryable, Storage } from '../storage/index.js';
import { offerTo } from './conversation-store.js';
import { conversationUpdated } from './desk-events.js';
import { takeLongestIdle } from './presence-store.js';
import type { DeskSettingsOf } from './settings.js';

export interface OfferTimeoutOptions {
  storage: Storage;
  bus: EventBus;
  settingsOf: DeskSettingsOf;
  /** How long an agent has to accept an offer before it moves on (default 30 s). */
  timeoutMs?: number;
  /** How often to look for lapsed offers (default a sixth of the timeout, at least 1 s). */
  checkEveryMs?: number;
  onError: (error: unknown) => void;
}

/** Most lapsed offers moved per check; the rest wait for the next one. */
const batchSize = 50;

/**
 * An offer nobody takes up moves on: when the agent a waiting conversation was offered to
 * has not accepted within the timeout (busy, away from the desk, gone), it is offered to the
 * next longest-idle available agent, or to nobody (the shared queue) when there is none.
 * Safe with several hub nodes: each lapsed offer is taken under a row lock that others skip.
 */
export function startOfferTimeouts(options: OfferTimeoutOptions): { stop(): void } {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const every = options.checkEveryMs ?? Math.max(1_000, Math.floor(timeoutMs / 6));
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    moveLapsedOffers(options.storage, options.bus, options.settingsOf, timeoutMs)
      .catch(options.onError)
      .finally(() => (running = false));
  }, every);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/** Re-offers every lapsed offer once; returns how many moved. */
export async function moveLapsedOffers(
  storage: Storage,
  bus: EventBus,
  settingsOf: DeskSettingsOf,
  timeoutMs: number,
): Promise<number> {
  const events: EventFrame[] = await storage.transaction(async (tx) => {
    const lapsed = await tx.query<{ id: string; site_key: string; offered_to: string }>(
      `SELECT id, site_key, offered_to FROM conversations
       WHERE status = 'waiting' AND offered_to IS NOT NULL
         AND offered_at < now() - make_interval(secs => $1::double precision / 1000)
       ORDER BY offered_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [timeoutMs, batchSize],
    );
    const frames: EventFrame[] = [];
    for (const offer of lapsed) frames.push(await reoffer(tx, offer, settingsOf));
    return frames;
  });
  for (const frame of events) await bus.publish(frame.stream, frame);
  return events.length;
}

async function reoffer(
  tx: Queryable,
  offer: { id: string; site_key: string; offered_to: string },
  settingsOf: DeskSettingsOf,
): Promise<EventFrame> {
  const { maxChatsPerAgent } = settingsOf(offer.site_key);
  const next = await takeLongestIdle(tx, offer.site_key, maxChatsPerAgent, offer.offered_to);
  await offerTo(tx, offer.id, next);
  return (await conversationUpdated(tx, offer.site_key, offer.id)).frame;
}
