import type { DeskEvent, EventFrame } from '../../../protocol/index.js';
import type { EventBus } from '../../bus/index.js';
import type { HubConfig } from '../../config/index.js';
import type { Storage } from '../../storage/index.js';
import { conversationStream, deskStream, signalFrame, signalTopic } from '../../streams/index.js';
import { sitePlaces } from './positions.js';
import { siteQueues } from './site-queues.js';

export interface QueuePositionOptions {
  config: HubConfig;
  storage: Storage;
  bus: EventBus;
  /** Changes within this long are ranked once (default 500 ms). */
  debounceMs?: number;
  onError(error: unknown): void;
}

/** Desk events after which places in line or estimates may differ. */
const rankingEvents = new Set<DeskEvent['type']>([
  'conversation.queued',
  'conversation.updated',
  'agent.updated',
]);

/**
 * Keeps waiting visitors told their place in line: after a site's queue changes (a
 * conversation queued, accepted, transferred or closed, an agent's availability), ranks
 * the site's waiting conversations again and sends `queue.position` on the `conv:` stream
 * of each whose place or estimate changed. Signals only: nothing is written, and a visitor
 * who was not listening asks `chat.status`. Each hub node ranks for the sockets it serves
 * and tells only those (a local delivery), so with several nodes each visitor hears each
 * change once, from the node their socket is on.
 */
export function startQueuePositions(options: QueuePositionOptions): { stop(): Promise<void> } {
  const debounceMs = options.debounceMs ?? 500;
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Per site, what each waiting conversation was last told ("position|eta"), to send only changes. */
  const told = new Map<string, Map<string, string>>();
  const running = new Map<string, Promise<void>>();

  const rank = async (siteKey: string) => {
    const site = options.config.sites.find((each) => each.key === siteKey);
    const places = await sitePlaces(options.storage, siteKey, siteQueues(site));
    const before = told.get(siteKey) ?? new Map<string, string>();
    const now = new Map<string, string>();
    for (const { conversationId, position, etaSeconds } of places) {
      const key = `${position}|${etaSeconds}`;
      now.set(conversationId, key);
      if (before.get(conversationId) === key) continue;
      const stream = conversationStream(conversationId);
      options.bus.publishLocal(
        signalTopic(stream),
        signalFrame(stream, { type: 'queue.position', conversationId, position, etaSeconds }),
      );
    }
    told.set(siteKey, now);
  };

  const schedule = (siteKey: string) => {
    if (timers.has(siteKey)) return;
    const timer = setTimeout(() => {
      timers.delete(siteKey);
      // One ranking per site at a time; a change meanwhile schedules the next.
      const previous = running.get(siteKey) ?? Promise.resolve();
      const next = previous.then(() => rank(siteKey)).catch(options.onError);
      running.set(siteKey, next);
      void next.finally(() => {
        if (running.get(siteKey) === next) running.delete(siteKey);
      });
    }, debounceMs);
    timer.unref?.();
    timers.set(siteKey, timer);
  };

  const unsubscribes = options.config.sites.map((site) =>
    options.bus.subscribe(
      deskStream(site.key),
      (payload) => {
        const { event } = payload as EventFrame;
        if (rankingEvents.has((event as DeskEvent).type)) schedule(site.key);
      },
      // Desk events from other nodes may have gone by (Redis reconnected): rank again.
      () => schedule(site.key),
    ),
  );
  return {
    /** Stops listening; resolves once a ranking under way has finished (before storage closes). */
    async stop() {
      for (const unsubscribe of unsubscribes) unsubscribe();
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      await Promise.all(running.values());
    },
  };
}
