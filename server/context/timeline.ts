import type { CustomerContext, StoredJourneyEvent, Visit } from '../../protocol/index.js';

/** A visitor counts as on the site while journey events keep arriving (page views, leaves, …). */
export const onlineWindowMs = 2 * 60_000;

/** Groups events (oldest first) by visit: newest visit first, each visit's events in order. */
export function groupVisits(events: StoredJourneyEvent[]): Visit[] {
  const visits = new Map<string, Visit>();
  for (const stored of events) {
    const visit = visits.get(stored.visitId);
    if (!visit) {
      visits.set(stored.visitId, {
        visitId: stored.visitId,
        startedAt: stored.event.at,
        endedAt: stored.event.at,
        events: [stored],
      });
      continue;
    }
    visit.events.push(stored);
    visit.endedAt = stored.event.at;
    // Re-insert so the map ends with the visit that saw the latest event.
    visits.delete(stored.visitId);
    visits.set(stored.visitId, visit);
  }
  return [...visits.values()].reverse();
}

/** Online when the latest event arrived (hub clock) within the window; the page is the latest page view. */
export function presenceOf(
  events: Array<StoredJourneyEvent & { receivedAt: string }>,
  now = Date.now(),
): CustomerContext['presence'] {
  const lastSeenAt = events.at(-1)?.receivedAt ?? null;
  const page = [...events].reverse().find((stored) => stored.event.type === 'page_view')?.event;
  return {
    online: lastSeenAt !== null && now - Date.parse(lastSeenAt) < onlineWindowMs,
    currentUrl: page?.url ?? null,
    currentTitle: page?.type === 'page_view' ? page.title : null,
    lastSeenAt,
  };
}
