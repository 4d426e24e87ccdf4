import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { principalFromToken, signToken } from '../auth/index.js';
import type { SiteConfig } from '../config/index.js';
import { HubError } from '../errors.js';
import { verifyIdentityToken } from '../identity/index.js';
import { validateBatch } from './schemas.js';
import { journeySettings } from './settings.js';
import { scrubEvent, stripUrl } from './url-scrub.js';

const at = '2026-01-01T10:00:00.000Z';
const batch = (events: unknown[]) => ({ siteKey: 'demo', token: 't', visitId: 'visit-1', events });
const pageView = { type: 'page_view', at, url: 'https://shop.example/', title: 'Home' };

function rejects(input: unknown, message: string) {
  assert.throws(
    () => validateBatch(input),
    (error: unknown) =>
      error instanceof HubError &&
      error.code === 'protocol.invalid_message' &&
      error.message === message,
  );
}

describe('journey batch validation', () => {
  it('accepts every event type in its documented shape', () => {
    const events = [
      pageView,
      { type: 'page_leave', at, url: 'https://shop.example/', durationMs: 1200 },
      {
        type: 'product_view',
        at,
        url: '/p',
        product: { sku: 'X', name: 'X', price: 9.5, currency: 'EUR', category: 'C' },
      },
      { type: 'search', at, url: '/s', query: 'socks', results: 3 },
      { type: 'cart_add', at, url: '/p', product: { sku: 'X', quantity: 2 } },
      { type: 'cart_remove', at, url: '/p', product: { sku: 'X' } },
      { type: 'checkout_step', at, url: '/c', step: 'payment', value: 10, currency: 'EUR' },
      { type: 'purchase', at: '2026-01-01T11:00:00+09:00', url: '/c', orderId: 'o1' },
      { type: 'js_error', at, url: '/', message: 'boom', source: '/app.js', line: 3 },
      { type: 'request_failed', at, url: '/', method: 'GET', target: '/api', status: 500 },
      { type: 'form_error', at, url: '/', form: 'login', field: 'email', message: 'Required' },
    ];
    assert.equal(validateBatch(batch(events)).events.length, events.length);
  });

  it('names the first bad event and field', () => {
    rejects(
      batch([pageView, { ...pageView, type: 'mouse_move' }]),
      'events[1].type "mouse_move" is not a journey event type',
    );
    rejects(
      batch([{ type: 'product_view', at, url: '/', product: {} }]),
      'events[0].product.sku is required',
    );
    rejects(
      batch([
        {
          type: 'form_error',
          at,
          url: '/',
          form: 'f',
          field: 'card',
          message: 'm',
          value: '4111 1111',
        },
      ]),
      'events[0].value is not a known field',
    );
    rejects(
      batch([{ ...pageView, title: 'x'.repeat(501) }]),
      'events[0].title must be at most 500 characters long',
    );
    rejects(
      batch([{ ...pageView, at: 'yesterday' }]),
      'events[0].at must match pattern "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?(Z|[+-]\\d{2}:\\d{2})$"',
    );
    rejects(
      batch([{ ...pageView, at: '2026-13-45T10:00:00Z' }]),
      'events[0].at is not a real time',
    );
    rejects(batch([pageView, 'page_view']), 'events[1] must be an object');
    rejects(batch(Array(101).fill(pageView)), 'events must hold at most 100 events');
    rejects(batch([]), 'events must NOT have fewer than 1 items');
    rejects({ ...batch([pageView]), visitId: undefined }, 'visitId is required');
  });
});

describe('URL scrubbing', () => {
  const params = journeySettings({ key: 's', name: 'S', origins: [], demo: false }).stripParams;

  it('removes configured parameters case-insensitively and the fragment, keeping the rest', () => {
    assert.equal(
      stripUrl('https://shop.example/reset?Token=abc&q=socks&email=a%40b.c#step2', params),
      'https://shop.example/reset?q=socks',
    );
    assert.equal(stripUrl('/api/login?password=x&next=%2Fhome', params), '/api/login?next=%2Fhome');
    assert.equal(stripUrl('not a url', params), 'not a url');
  });

  it('scrubs every URL an event carries', () => {
    const scrubbed = scrubEvent(
      {
        type: 'request_failed',
        at,
        url: 'https://shop.example/?session=1',
        method: 'GET',
        target: '/api?auth=2&x=1',
        status: 500,
      },
      params,
    );
    assert.deepEqual(
      [scrubbed.url, scrubbed.type === 'request_failed' && scrubbed.target],
      ['https://shop.example/', '/api?x=1'],
    );
  });
});

describe('identity tokens', () => {
  const secret = 'i'.repeat(32);
  const site: SiteConfig = {
    key: 'demo',
    name: 'Demo',
    origins: [],
    demo: true,
    identitySecret: secret,
  };
  const exp = Math.floor(Date.now() / 1000) + 60;
  const code = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return (error as HubError).code;
    }
    return 'ok';
  };

  it('verifies a customer token signed with the site identity secret', () => {
    const token = signToken(secret, {
      sub: 'c1',
      site: 'demo',
      role: 'customer',
      name: 'Ada',
      email: 'ada@example.com',
      exp,
    });
    assert.deepEqual(verifyIdentityToken(site, token), {
      customerId: 'c1',
      name: 'Ada',
      email: 'ada@example.com',
    });
  });

  it('refuses other roles, other secrets, other sites, expired tokens and sites without a secret', () => {
    const customer = { sub: 'c1', site: 'demo', role: 'customer' as const, exp };
    assert.equal(
      code(() => verifyIdentityToken(site, signToken(secret, { ...customer, role: 'agent' }))),
      'auth.invalid_token',
    );
    assert.equal(
      code(() => verifyIdentityToken(site, signToken('o'.repeat(32), customer))),
      'auth.invalid_token',
    );
    assert.equal(
      code(() => verifyIdentityToken(site, signToken(secret, { ...customer, site: 'shop' }))),
      'auth.invalid_token',
    );
    assert.equal(
      code(() => verifyIdentityToken(site, signToken(secret, { ...customer, exp: 1 }))),
      'auth.expired_token',
    );
    assert.equal(
      code(() =>
        verifyIdentityToken({ ...site, identitySecret: undefined }, signToken(secret, customer)),
      ),
      'auth.invalid_token',
    );
  });

  it('never turns a customer token into a session principal', () => {
    assert.equal(
      code(() => principalFromToken({ sub: 'c1', site: 'demo', role: 'customer', exp })),
      'auth.invalid_token',
    );
  });
});
