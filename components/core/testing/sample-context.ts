import type {
  CustomerContext,
  JourneyEvent,
  StoredJourneyEvent,
  Visit,
} from '../../../protocol/index.js';

/**
 * A rich customer context for the fake hub: two visits with page views, product views, a
 * search, cart changes, a JavaScript error and a failed request marked as struggles, and
 * an `ok` CRM record with orders. Times are relative to `now` so "on the site now" holds.
 */

const shop = 'https://shop.example';
const minutesAgo = (now: number, minutes: number) => new Date(now - minutes * 60_000).toISOString();

type SampleEvent = JourneyEvent & { struggle?: StoredJourneyEvent['struggle'] };

function visit(visitId: string, firstId: number, events: SampleEvent[]): Visit {
  return {
    visitId,
    startedAt: events[0].at,
    endedAt: events[events.length - 1].at,
    events: events.map(({ struggle, ...event }, i) => ({
      id: firstId + i,
      visitId,
      event: event as JourneyEvent,
      ...(struggle ? { struggle } : {}),
    })),
  };
}

export function sampleContext(
  visitorId: string,
  options: { events?: number; now?: number } = {},
): CustomerContext {
  const now = options.now ?? Date.now();
  const at = (minutes: number) => minutesAgo(now, minutes);
  const kettle = { sku: 'KT-200', name: 'Stone Kettle', price: 49, currency: 'USD' };
  const mugs = { sku: 'MG-SET', name: 'Mug set (4)', price: 24, currency: 'USD' };
  const earlier = visit('visit-earlier', 1, [
    { type: 'page_view', at: at(3 * 24 * 60), url: `${shop}/`, title: 'Home' },
    { type: 'search', at: at(3 * 24 * 60 - 1), url: `${shop}/search`, query: 'kettle', results: 4 },
    {
      type: 'product_view',
      at: at(3 * 24 * 60 - 2),
      url: `${shop}/products/kt-200`,
      product: kettle,
    },
  ]);
  const today = visit('visit-today', 10, [
    { type: 'page_view', at: at(12), url: `${shop}/`, title: 'Home' },
    { type: 'product_view', at: at(11), url: `${shop}/products/kt-200`, product: kettle },
    { type: 'cart_add', at: at(10), url: `${shop}/products/kt-200`, product: kettle },
    { type: 'product_view', at: at(9), url: `${shop}/products/mg-set`, product: mugs },
    { type: 'page_view', at: at(6), url: `${shop}/checkout`, title: 'Checkout' },
    { type: 'checkout_step', at: at(6), url: `${shop}/checkout`, step: 'shipping' },
    {
      type: 'js_error',
      at: at(5),
      url: `${shop}/checkout`,
      message: 'TypeError: shippingRates is undefined',
      source: `${shop}/js/checkout.js`,
      line: 88,
      struggle: 'js_error',
    },
    {
      type: 'request_failed',
      at: at(4),
      url: `${shop}/checkout`,
      method: 'POST',
      target: '/api/shipping-rates',
      status: 500,
      struggle: 'request_failed',
    },
    { type: 'page_view', at: at(2), url: `${shop}/help/shipping`, title: 'Shipping help' },
  ]);
  const visits = [today, earlier];
  if (options.events) visits.push(manyEvents(options.events, now));
  const struggleEvents = today.events.filter((e) => e.struggle);
  return {
    visitorId,
    customerId: 'cust-1001',
    verified: true,
    displayName: 'Minji Park',
    crm: {
      status: 'ok',
      name: 'Minji Park',
      email: 'minji@example.com',
      tier: 'Gold',
      lifetimeValue: 1284.5,
      currency: 'USD',
      orders: [
        {
          id: 'A-1042',
          date: at(10 * 24 * 60),
          total: 73,
          currency: 'USD',
          status: 'shipped',
          items: ['Stone Kettle', 'Mug set (4)'],
        },
        { id: 'A-0977', date: at(60 * 24 * 60), total: 19.9, currency: 'USD', status: 'delivered' },
      ],
      openTickets: 1,
      fetchedAt: at(1),
    },
    presence: {
      online: true,
      currentUrl: `${shop}/help/shipping`,
      currentTitle: 'Shipping help',
      lastSeenAt: at(0),
    },
    visits,
    struggles: [
      {
        kind: 'js_error',
        summary: 'TypeError: shippingRates is undefined',
        facts: { message: 'TypeError: shippingRates is undefined', count: 1 },
        at: at(5),
        eventIds: [struggleEvents[0].id],
      },
      {
        kind: 'request_failed',
        summary: 'POST /api/shipping-rates failed with 500',
        facts: { method: 'POST', path: '/api/shipping-rates', status: 500, count: 1 },
        at: at(4),
        eventIds: [struggleEvents[1].id],
      },
    ],
    interests: [
      {
        kind: 'product',
        key: 'KT-200',
        label: 'Stone Kettle',
        views: 3,
        suggestion: '10% off kettles',
      },
      { kind: 'category', key: 'kitchen', label: 'Kitchen', views: 5 },
    ],
    cart: [{ ...kettle, quantity: 1 }],
    conversations: [
      {
        id: 'conv-old-1',
        status: 'closed',
        visitorId,
        agentId: 'agent-2',
        agentName: 'Sam',
        createdAt: at(20 * 24 * 60),
        lastText: 'Thanks, the refund arrived.',
        lastSeq: 6,
        offeredTo: null,
      },
    ],
  };
}

/** An old visit with `count` page views, to show a long timeline. */
function manyEvents(count: number, now: number): Visit {
  const start = now - 30 * 24 * 3_600_000;
  const events: SampleEvent[] = Array.from({ length: count }, (_, i) => ({
    type: 'page_view',
    at: new Date(start + i * 1000).toISOString(),
    url: `${shop}/catalog?page=${i + 1}`,
    title: `Catalog page ${i + 1}`,
  }));
  return visit('visit-long', 1000, events);
}
