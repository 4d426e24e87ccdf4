import type { ConversationSummary, CrmData, CustomerContext } from '../../protocol/index.js';
import { visitorConversations } from '../chat/conversation-store.js';
import { findConversation } from '../chat/conversation-store.js';
import type { SiteConfig } from '../config/index.js';
import type { LookupCustomer } from '../crm/index.js';
import { HubError } from '../errors.js';
import { findLink, visitorsOfCustomer } from '../identity/index.js';
import { browsingAnonymously, journeySettings, readJourneyEvents } from '../journey/index.js';
import type { Storage } from '../storage/index.js';
import { lastSeq, visitorStream } from '../streams/index.js';
import { currentCart } from './cart.js';
import { interestSignals } from './interests.js';
import { detectStruggles } from './struggles.js';
import { groupVisits, presenceOf } from './timeline.js';

/** The card shows at most this many of the latest events. */
export const maxContextEvents = 10_000;

export type ContextTarget =
  { conversationId: string } | { visitorId: string } | { customerId: string };

/**
 * Everything the customer card shows. `seq` is read first, so an event racing the read
 * is replayed again after it (the card keeps the latest), never missed.
 */
export async function buildContext(
  storage: Storage,
  site: SiteConfig,
  target: ContextTarget,
  lookupCustomer: LookupCustomer,
  now = Date.now(),
): Promise<{ context: CustomerContext; seq: number }> {
  const who = await resolve(storage, site.key, target);
  const seq = who.visitorId ? await lastSeq(storage, visitorStream(who.visitorId)) : 0;
  const crmAnswer: Promise<CrmData> = who.customerId
    ? lookupCustomer(site, who.customerId)
    : Promise.resolve({ status: 'none' });
  const owner = who.customerId ? { customerId: who.customerId } : { visitorId: who.visitorId };
  const events = await readJourneyEvents(storage, site.key, owner, maxContextEvents);
  const conversations = await conversationsOf(storage, site.key, who.visitorIds);
  const crm = await crmAnswer;

  const settings = journeySettings(site);
  const timeline = events.map(({ receivedAt: _, ...stored }) => stored);
  const journey = timeline.map((stored) => stored.event);
  const { struggles, events: marked } = detectStruggles(timeline, settings.helpPages);
  return {
    seq,
    context: {
      visitorId: who.visitorId,
      customerId: who.customerId,
      verified: who.customerId !== null,
      displayName: who.name ?? (crm.status === 'ok' ? (crm.name ?? null) : null),
      crm,
      presence: presenceOf(events, now),
      visits: groupVisits(marked),
      struggles,
      interests: interestSignals(journey, settings.interestRules),
      cart: currentCart(journey),
      conversations,
    },
  };
}

interface Resolved {
  /** The visitor whose `visitor:` stream carries live updates; "" for a customer never seen. */
  visitorId: string;
  customerId: string | null;
  name: string | null;
  /** Every visitor whose conversations belong on the card. */
  visitorIds: string[];
}

async function resolve(
  storage: Storage,
  siteKey: string,
  target: ContextTarget,
): Promise<Resolved> {
  if ('customerId' in target) return ofCustomer(storage, siteKey, target.customerId);
  if ('visitorId' in target) {
    // A browser a customer signed in on is theirs while they use it; when its latest
    // browsing is anonymous, someone else is at it (a shared computer, signed out).
    const link = await findLink(storage, siteKey, target.visitorId);
    if (!link || (await browsingAnonymously(storage, siteKey, target.visitorId))) {
      return anonymous(target.visitorId);
    }
    return ofCustomer(storage, siteKey, link.customerId, target.visitorId, link.name);
  }
  const conversation = await findConversation(storage, siteKey, target.conversationId);
  if (!conversation) {
    throw new HubError(
      'conversation.not_found',
      `no conversation ${target.conversationId} on this site`,
    );
  }
  // The customer the conversation belongs to, not the one its browser was last linked to:
  // on a computer a customer signed out of, the next person writes anonymously.
  const { visitor_id: visitorId, customer_id: customerId } = conversation;
  if (!customerId) return anonymous(visitorId);
  const link = await findLink(storage, siteKey, visitorId);
  const name = link?.customerId === customerId ? link.name : null;
  return ofCustomer(storage, siteKey, customerId, visitorId, name);
}

const anonymous = (visitorId: string): Resolved => ({
  visitorId,
  customerId: null,
  name: null,
  visitorIds: [visitorId],
});

/** The customer, seen from `visitorId` (else their latest visitor), with all their visitors. */
async function ofCustomer(
  storage: Storage,
  siteKey: string,
  customerId: string,
  visitorId?: string,
  name?: string | null,
): Promise<Resolved> {
  const visitors = await visitorsOfCustomer(storage, siteKey, customerId);
  const others = visitors.map((visitor) => visitor.visitorId);
  return {
    visitorId: visitorId ?? others[0] ?? '',
    customerId,
    name: name ?? visitors[0]?.name ?? null,
    visitorIds: [...new Set(visitorId ? [visitorId, ...others] : others)],
  };
}

/** The conversations of all these visitors, newest first. */
async function conversationsOf(
  storage: Storage,
  siteKey: string,
  visitorIds: string[],
): Promise<ConversationSummary[]> {
  const lists = [];
  for (const visitorId of visitorIds)
    lists.push(...(await visitorConversations(storage, siteKey, visitorId)));
  return lists.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
}
