import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JourneyEvent, StoredJourneyEvent } from '../../protocol/index.js';
import { currentCart } from './cart.js';
import { interestSignals } from './interests.js';
import { detectStruggles, helpPageMatcher } from './struggles.js';
import { groupVisits, presenceOf } from './timeline.js';

const helpPages = ['/help*', '/contact*'];
let nextId = 1;
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute)).toISOString();
const url = 'https://shop.example/';

/** Stored events of one visit, ids increasing in the order given. */
type Draft = {
  [T in JourneyEvent['type']]: Omit<Extract<JourneyEvent, { type: T }>, 'url'> & { url?: string };
}[JourneyEvent['type']];

function visit(visitId: string, events: Draft[]) {
  return events.map((event): StoredJourneyEvent => ({
    id: nextId++,
    visitId,
    event: { url, ...event } as JourneyEvent,
  }));
}
const page = (path: string, minute = 0) =>
  ({ type: 'page_view', at: at(minute), url: `https://shop.example${path}`, title: path }) as const;
const product = (sku: string, category?: string, name?: string) =>
  ({
    type: 'product_view',
    at: at(1),
    product: { sku, ...(category ? { category } : {}), ...(name ? { name } : {}) },
  }) as const;
const kinds = (events: StoredJourneyEvent[]) =>
  detectStruggles(events, helpPages).struggles.map((s) => s.kind);

describe('struggle detection', () => {
  it('reports each distinct JavaScript error once per visit, counting repeats, and marks the events', () => {
    const events = visit('v1', [
      { type: 'js_error', at: at(1), message: 'x is undefined' },
      page('/cart', 2),
      { type: 'js_error', at: at(3), message: 'x is undefined' },
      { type: 'js_error', at: at(4), message: 'other' },
    ]);
    const { struggles, events: marked } = detectStruggles(events, helpPages);
    assert.deepEqual(
      struggles.map((s) => [s.kind, s.summary, s.eventIds.length]),
      [
        ['js_error', 'other', 1],
        ['js_error', 'x is undefined (2 times)', 2],
      ],
    );
    assert.equal(struggles[1]!.at, at(3));
    assert.deepEqual(struggles[1]!.facts, { message: 'x is undefined', count: 2 });
    assert.deepEqual(
      marked.map((e) => e.struggle ?? null),
      ['js_error', null, 'js_error', 'js_error'],
    );
  });

  it('groups failed requests by method, path and status, ignoring the query', () => {
    const events = visit('v1', [
      { type: 'request_failed', at: at(1), method: 'post', target: '/api/cart?id=1', status: 500 },
      { type: 'request_failed', at: at(2), method: 'POST', target: '/api/cart?id=2', status: 500 },
      { type: 'request_failed', at: at(3), method: 'POST', target: '/api/cart', status: 404 },
    ]);
    assert.deepEqual(
      detectStruggles(events, helpPages).struggles.map((s) => s.summary),
      ['POST /api/cart failed with 404', 'POST /api/cart failed with 500 (2 times)'],
    );
    assert.deepEqual(detectStruggles(events, helpPages).struggles[1]!.facts, {
      method: 'POST',
      path: '/api/cart',
      status: 500,
      count: 2,
    });
  });

  it('needs two help or contact page views within one visit', () => {
    assert.deepEqual(kinds(visit('v1', [page('/help/returns'), page('/products')])), []);
    assert.deepEqual(
      kinds([...visit('v1', [page('/help/returns')]), ...visit('v2', [page('/contact')])]),
      [],
    );
    const { struggles } = detectStruggles(
      visit('v1', [page('/help/returns'), page('/x'), page('/CONTACT?topic=1')]),
      helpPages,
    );
    assert.equal(struggles[0]!.kind, 'help_pages');
    assert.equal(
      struggles[0]!.summary,
      'Visited help or contact pages 2 times: /help/returns, /CONTACT',
    );
    assert.deepEqual(struggles[0]!.facts, { count: 2, paths: ['/help/returns', '/CONTACT'] });
  });

  it('flags a form refused on two submits, counting a submit once however many errors it gave', () => {
    const formError = (form: string, field: string, message: string, second = 0) =>
      ({
        type: 'form_error',
        at: new Date(Date.UTC(2026, 0, 1, 10, 1, second)).toISOString(),
        url: 'https://shop.example/checkout.html?step=2',
        form,
        field,
        message,
      }) as const;
    assert.deepEqual(
      kinds(
        visit('v1', [
          formError('login', 'email', 'Required'),
          formError('signup', 'email', 'Taken', 5),
        ]),
      ),
      [],
    );
    // One click: three empty fields, checked twice (checkValidity, then reportValidity).
    const oneSubmit = (second: number, form = '') =>
      ['name', 'email', 'card', 'name', 'email', 'card'].map((field) =>
        formError(form, field, 'Please fill out this field.', second),
      );
    assert.deepEqual(kinds(visit('v1', oneSubmit(0))), []);

    const { struggles } = detectStruggles(
      visit('v1', [...oneSubmit(0), ...oneSubmit(20), formError('', 'zip', 'Too short', 40)]),
      helpPages,
    );
    assert.equal(struggles.length, 1);
    assert.equal(struggles[0]!.kind, 'form_retries');
    assert.equal(struggles[0]!.eventIds.length, 13);
    assert.deepEqual(struggles[0]!.facts, {
      form: '',
      page: '/checkout.html',
      attempts: 3,
      field: 'zip',
      message: 'Too short',
    });
    assert.equal(
      struggles[0]!.summary,
      'A form on /checkout.html failed 3 times; last: zip: Too short',
    );

    const named = detectStruggles(
      visit('v1', [...oneSubmit(0, 'checkout'), ...oneSubmit(5, 'checkout')]),
      helpPages,
    ).struggles;
    assert.equal(
      named[0]!.summary,
      'Form "checkout" failed 2 times; last: card: Please fill out this field.',
    );
  });

  it('names the checkout step a cart was abandoned at, in the latest visit only', () => {
    const cartAdd = {
      type: 'cart_add',
      at: at(1),
      product: { sku: 'X200', name: 'X200 Laptop' },
    } as const;
    const step = (name: string) => ({ type: 'checkout_step', at: at(2), step: name }) as const;
    const abandoned = detectStruggles(
      visit('v1', [cartAdd, step('shipping'), step('payment')]),
      helpPages,
    );
    assert.equal(abandoned.struggles[0]!.summary, 'Left checkout at step "payment"');
    assert.deepEqual(abandoned.struggles[0]!.facts, { step: 'payment' });
    assert.equal(abandoned.events[2]!.struggle, 'cart_abandoned');

    const noCheckout = detectStruggles(visit('v1', [cartAdd]), helpPages).struggles;
    assert.equal(noCheckout[0]!.summary, 'Added X200 Laptop to the cart but did not check out');
    assert.deepEqual(noCheckout[0]!.facts, { products: ['X200 Laptop'] });

    const bought = visit('v1', [
      cartAdd,
      step('payment'),
      { type: 'purchase', at: at(3), orderId: 'o1' },
    ]);
    assert.deepEqual(kinds(bought), []);
    // An earlier visit's abandoned cart is old news once a newer visit exists.
    assert.deepEqual(
      kinds([...visit('v1', [cartAdd, step('payment')]), ...visit('v2', [page('/')])]),
      [],
    );
  });

  it('matches help page patterns against the path only, case-insensitively', () => {
    const isHelp = helpPageMatcher(['/help*', '/faq']);
    assert.equal(isHelp('https://shop.example/help'), true);
    assert.equal(isHelp('https://shop.example/Help/orders?x=1'), true);
    assert.equal(isHelp('https://shop.example/faq'), true);
    assert.equal(isHelp('https://shop.example/faq/more'), false);
    assert.equal(isHelp('https://shop.example/products?next=/help'), false);
  });
});

describe('interest signals', () => {
  const events = [
    product('X200', 'Laptops', 'X200 Laptop'),
    product('X200', 'Laptops'),
    product('X200', 'Laptops'),
    product('M1', 'Mice'),
    product('K9', 'Laptops'),
    product('M1', 'Mice'),
    page('/'),
  ].map((e) => ({ url, ...e }) as JourneyEvent);

  it('lists products viewed twice and categories viewed three times, most viewed first', () => {
    assert.deepEqual(interestSignals(events, []), [
      { kind: 'category', key: 'Laptops', label: 'Laptops', views: 4 },
      { kind: 'product', key: 'X200', label: 'X200 Laptop', views: 3 },
      { kind: 'product', key: 'M1', label: 'M1', views: 2 },
    ]);
  });

  it('adds a site rule suggestion once its view count is reached, even below the usual threshold', () => {
    const signals = interestSignals(events, [
      { sku: 'X200', views: 3, suggest: 'Offer 10%' },
      { sku: 'M1', views: 3, suggest: 'not yet' },
      { sku: 'K9', views: 1, suggest: 'Show the K9 bundle' },
      { category: 'Laptops', views: 4, suggest: 'Laptop week' },
    ]);
    const bySuggestion = signals.map((s) => [s.key, s.suggestion ?? null]);
    assert.deepEqual(bySuggestion, [
      ['Laptops', 'Laptop week'],
      ['X200', 'Offer 10%'],
      ['M1', null],
      ['K9', 'Show the K9 bundle'],
    ]);
  });
});

describe('cart, visits and presence', () => {
  it('folds adds, removes and purchases into the current cart', () => {
    const e = (event: object) => ({ url, at: at(1), ...event }) as JourneyEvent;
    const cart = currentCart([
      e({ type: 'cart_add', product: { sku: 'A', quantity: 2 } }),
      e({ type: 'purchase' }),
      e({ type: 'cart_add', product: { sku: 'B', name: 'Bee' } }),
      e({ type: 'cart_add', product: { sku: 'C', quantity: 3 } }),
      e({ type: 'cart_add', product: { sku: 'B' } }),
      e({ type: 'cart_remove', product: { sku: 'C', quantity: 3 } }),
    ]);
    assert.deepEqual(cart, [{ sku: 'B', name: 'Bee', quantity: 2 }]);
  });

  it('groups visits newest first, each in event order', () => {
    const events = [
      ...visit('v1', [page('/a', 1)]),
      ...visit('v2', [page('/b', 5)]),
      ...visit('v1', [page('/c', 9)]),
    ];
    const visits = groupVisits(events);
    assert.deepEqual(
      visits.map((v) => [v.visitId, v.startedAt, v.endedAt, v.events.map((e) => e.event.url)]),
      [
        ['v1', at(1), at(9), ['https://shop.example/a', 'https://shop.example/c']],
        ['v2', at(5), at(5), ['https://shop.example/b']],
      ],
    );
  });

  it('is online while events keep arriving, on the latest page viewed', () => {
    const received = Date.UTC(2026, 0, 1, 10, 0);
    const events = visit('v1', [
      page('/a'),
      page('/b'),
      { type: 'page_leave', at: at(2), durationMs: 5 },
    ]).map((e) => ({ ...e, receivedAt: new Date(received).toISOString() }));
    assert.deepEqual(presenceOf(events, received + 60_000), {
      online: true,
      currentUrl: 'https://shop.example/b',
      currentTitle: '/b',
      lastSeenAt: new Date(received).toISOString(),
    });
    assert.equal(presenceOf(events, received + 3 * 60_000).online, false);
    assert.deepEqual(presenceOf([], received), {
      online: false,
      currentUrl: null,
      currentTitle: null,
      lastSeenAt: null,
    });
  });
});
