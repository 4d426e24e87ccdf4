import type { CustomerContext, JourneyEvent, StoredJourneyEvent } from '../../../protocol/index.js';
import { newCommandId } from '../hub/command-id.js';
import type { FakeEventLog } from './fake-event-log.js';
import { sampleContext } from './sample-context.js';

/** The fake hub's customer contexts, per visitor, and the journey events they grow by. */
export class FakeContexts {
  private readonly byVisitor = new Map<string, CustomerContext>();

  constructor(private readonly log: FakeEventLog) {}

  /** The visitor's context: the rich sample until `set` replaces it. */
  get(visitorId: string): CustomerContext {
    let context = this.byVisitor.get(visitorId);
    if (!context) this.byVisitor.set(visitorId, (context = sampleContext(visitorId)));
    return context;
  }

  set(context: CustomerContext): void {
    this.byVisitor.set(context.visitorId, context);
  }

  ofCustomer(customerId: string): CustomerContext | undefined {
    return [...this.byVisitor.values()].find((c) => c.customerId === customerId);
  }

  /**
   * Stores events in the visitor's latest visit (or `visitId`) and publishes them live, as
   * the customer's (a page with their identity token: the default) or as `customerId`'s
   * (null: anonymous; the hub then keeps them off this customer's context).
   */
  appendJourney(
    visitorId: string,
    events: (JourneyEvent & { struggle?: StoredJourneyEvent['struggle'] })[],
    visitId?: string,
    customerId: string | null = this.get(visitorId).customerId,
  ): StoredJourneyEvent[] {
    const context = this.get(visitorId);
    let visit = context.visits.find((v) => v.visitId === (visitId ?? context.visits[0]?.visitId));
    if (!visit) {
      const at = events[0]?.at ?? new Date().toISOString();
      visit = { visitId: visitId ?? newCommandId(), startedAt: at, endedAt: at, events: [] };
      context.visits.unshift(visit);
    }
    let nextId = Math.max(0, ...context.visits.flatMap((v) => v.events.map((e) => e.id))) + 1;
    const stored = events.map(({ struggle, ...event }) => ({
      id: nextId++,
      visitId: visit.visitId,
      event: event as JourneyEvent,
      ...(struggle ? { struggle } : {}),
    }));
    if (customerId === context.customerId) {
      visit.events.push(...stored);
      visit.endedAt = stored.at(-1)?.event.at ?? visit.endedAt;
    }
    this.log.append(`visitor:${visitorId}`, {
      type: 'journey.appended',
      visitorId,
      customerId,
      events: stored,
    });
    return stored;
  }
}
