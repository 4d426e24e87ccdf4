import type {
  CustomerContext,
  ProductRef,
  StoredJourneyEvent,
  Struggle,
  Visit,
} from '../../protocol/index.js';
import { plainDetail } from './journey-text.js';

/**
 * The context after a live `journey.appended`: the hub sends only the new events, so what
 * the card derives from them (visits, presence, cart, new struggles) is updated here until
 * the next `context.get` brings the hub's own view. Returns a new object; events already
 * known (a replay) are ignored.
 */
export function withAppended(
  context: CustomerContext,
  events: readonly StoredJourneyEvent[],
): { context: CustomerContext; newStruggles: Struggle[] } {
  const known = new Set(context.visits.flatMap((v) => v.events.map((e) => e.id)));
  const fresh = events.filter((e) => !known.has(e.id));
  if (!fresh.length) return { context, newStruggles: [] };

  const visits = new Map<string, Visit>(context.visits.map((v) => [v.visitId, v]));
  for (const item of fresh) {
    const visit = visits.get(item.visitId) ?? {
      visitId: item.visitId,
      startedAt: item.event.at,
      endedAt: item.event.at,
      events: [],
    };
    visits.set(item.visitId, {
      ...visit,
      endedAt: item.event.at > visit.endedAt ? item.event.at : visit.endedAt,
      events: [...visit.events, item],
    });
  }

  const newStruggles = fresh.flatMap(liveStruggle);

  const latest = fresh[fresh.length - 1].event;
  const lastPage = [...fresh].reverse().find((item) => item.event.type === 'page_view')?.event;
  return {
    context: {
      ...context,
      visits: [...visits.values()],
      struggles: [...newStruggles, ...context.struggles],
      cart: fresh.reduce((cart, item) => cartAfter(cart, item), context.cart),
      presence: {
        online: true,
        lastSeenAt: latest.at,
        currentUrl: lastPage ? lastPage.url : context.presence.currentUrl,
        currentTitle:
          lastPage?.type === 'page_view' ? lastPage.title : context.presence.currentTitle,
      },
    },
    newStruggles,
  };
}

/**
 * The struggle one event shows on its own, as the hub marked it: JavaScript errors and
 * failed requests as they arrive; the rest (repeats, help pages, forms) wait for `context.get`.
 */
function liveStruggle({ id, struggle, event }: StoredJourneyEvent): Struggle[] {
  const about = { summary: plainDetail(event), at: event.at, eventIds: [id] };
  if (struggle === 'js_error' && event.type === 'js_error') {
    return [{ kind: struggle, facts: { message: event.message, count: 1 }, ...about }];
  }
  if (struggle === 'request_failed' && event.type === 'request_failed') {
    const { method, target, status } = event;
    const facts = { method: method.toUpperCase(), path: pathOf(target), status, count: 1 };
    return [{ kind: struggle, facts, ...about }];
  }
  // A mark this card has no facts for: the event's own words.
  return struggle ? [{ kind: struggle, ...about }] : [];
}

/** The path of a same-origin request's URL, as the hub names it in its struggles. */
function pathOf(url: string): string {
  try {
    return new URL(url, location.href).pathname;
  } catch {
    return url;
  }
}

function cartAfter(cart: ProductRef[], { event }: StoredJourneyEvent): ProductRef[] {
  if (event.type === 'purchase') return [];
  if (event.type !== 'cart_add' && event.type !== 'cart_remove') return cart;
  const { product } = event;
  const current = cart.find((p) => p.sku === product.sku);
  const change = (product.quantity ?? 1) * (event.type === 'cart_add' ? 1 : -1);
  const quantity = (current?.quantity ?? (current ? 1 : 0)) + change;
  const others = cart.filter((p) => p.sku !== product.sku);
  return quantity > 0 ? [...others, { ...current, ...product, quantity }] : others;
}
