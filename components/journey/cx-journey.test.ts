import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import type { JourneyEvent } from '../../protocol/index.js';
import { CxConfig } from '../core/config/cx-config.js';
import { defineElement } from '../core/define-element.js';
import { CxJourney } from './index.js';
import { clear } from './queue.js';

// Present before the recorder loads, as on a store whose tag manager ran first.
(window as unknown as { dataLayer: unknown[] }).dataLayer = [
  {
    event: 'add_to_cart',
    ecommerce: { currency: 'EUR', items: [{ item_id: 'SKU-1', price: 20 }] },
  },
];
defineElement('cx-config', CxConfig);

const startUrl = location.href;
const hub = (globalThis as { __CX_TEST_HUB__?: string }).__CX_TEST_HUB__!;
let el: CxJourney;
let extra: Element[] = [];

async function mount(attributes: Record<string, string> = {}) {
  el = document.createElement('cx-journey');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  document.body.append(el);
  await aTimeout(30);
  return el;
}
function add(markup: string) {
  const holder = document.createElement('div');
  holder.innerHTML = markup;
  document.body.append(holder);
  extra.push(holder);
  return holder;
}
const ofType = <T extends JourneyEvent['type']>(type: T) =>
  el.pending.filter((event) => event.type === type) as Extract<JourneyEvent, { type: T }>[];

/** Records every fetch and beacon the page makes while a test runs. */
function spyNetwork() {
  const calls: {
    url: string;
    method: string;
    body?: string | Blob;
    headers?: HeadersInit;
  }[] = [];
  const { fetch: realFetch } = window;
  const realBeacon = navigator.sendBeacon;
  window.fetch = (input, init) => {
    calls.push({ url: String(input), method: init?.method ?? 'GET', ...init } as never);
    return realFetch(input, init);
  };
  navigator.sendBeacon = (url, body) => (
    calls.push({ url: String(url), method: 'BEACON', body: body as Blob }),
    true
  );
  const restore = () => {
    window.fetch = realFetch;
    navigator.sendBeacon = realBeacon;
  };
  return { calls, restore };
}

afterEach(() => {
  el?.remove();
  clear();
  extra.forEach((node) => node.remove());
  extra = [];
  localStorage.removeItem('cxkit:journey-consent');
  history.replaceState(null, '', startUrl);
});

/**
 * An SPA navigation, once the recorder has the new page's view: it takes it after the
 * current task, which a busy machine may run later than any fixed wait.
 */
async function navigate(path: string) {
  const views = ofType('page_view').length;
  history.pushState(null, '', path);
  await waitUntil(() => ofType('page_view').length > views, `the page view of ${path}`);
}

describe('cx-journey', () => {
  it('records the page view and dataLayer events already there and pushed later', async () => {
    await mount();
    const [view] = ofType('page_view');
    expect(view.url).to.equal(startUrl.split('#')[0]);
    expect(view.title).to.equal(document.title);
    // dataLayer entries are read off the page's eager path, by a module loaded on first need.
    await waitUntil(() => ofType('cart_add').length > 0, 'cart_add recorded');
    expect(ofType('cart_add')[0].product).to.deep.equal({
      sku: 'SKU-1',
      price: 20,
      currency: 'EUR',
    });

    const layer = (window as unknown as { dataLayer: unknown[] }).dataLayer;
    layer.push({ event: 'remove_from_cart', ecommerce: { items: [{ item_id: 'SKU-1' }] } });
    layer.push({ event: 'begin_checkout', ecommerce: { value: 40, currency: 'EUR' } });
    layer.push({ event: 'purchase', ecommerce: { transaction_id: 'T-9', value: 40 } });
    layer.push({ event: 'search', search_term: 'boots' });
    layer.push({ event: 'gtm.click' });
    await waitUntil(() => ofType('search').length > 0, 'later entries recorded');
    expect(ofType('cart_remove')[0].product.sku).to.equal('SKU-1');
    expect(ofType('checkout_step')[0]).to.include({ step: 'begin_checkout', value: 40 });
    expect(ofType('purchase')[0]).to.include({ orderId: 'T-9', value: 40 });
    expect(ofType('search')[0].query).to.equal('boots');
  });

  it('records SPA navigations with the time spent on the page before', async () => {
    await mount();
    clear();
    history.pushState(null, '', '/shop/boots?q=winter+boots');
    history.replaceState({ scroll: 1 }, '', '/shop/boots?q=winter+boots#reviews'); // same page
    await waitUntil(() => ofType('page_view').length > 0, 'the new page view');
    const [leave] = ofType('page_leave');
    expect(leave.url).to.equal(startUrl.split('#')[0]);
    expect(leave.durationMs).to.be.at.least(0);
    const views = ofType('page_view');
    expect(views).to.have.length(1);
    expect(views[0]).to.include({ url: `${location.origin}/shop/boots?q=winter+boots`, spa: true });
    expect(ofType('search')[0].query).to.equal('winter boots');

    history.back();
    await aTimeout(100);
    expect(ofType('page_view')).to.have.length(2);
  });

  it('reads products from JSON-LD (also in @graph) and data-cx attributes', async () => {
    add(`<script type="application/ld+json">
      {"@context":"https://schema.org","@graph":[{"@type":"WebPage"},
       {"@type":"Product","sku":"LD-1","name":"Trail boot","category":"Shoes",
        "offers":{"@type":"Offer","price":"129.90","priceCurrency":"EUR","availability":"https://schema.org/InStock"}}]}
      </script>
      <div data-cx-product data-cx-sku="DATA-2" data-cx-name="Wool socks" data-cx-price="9.5"
        data-cx-currency="EUR" data-cx-availability="OutOfStock" data-cx-category="Socks"></div>`);
    await mount();
    await aTimeout(50);
    expect(ofType('product_view').map((event) => event.product)).to.deep.equal([
      {
        sku: 'LD-1',
        name: 'Trail boot',
        price: 129.9,
        currency: 'EUR',
        availability: 'InStock',
        category: 'Shoes',
      },
      {
        sku: 'DATA-2',
        name: 'Wool socks',
        price: 9.5,
        currency: 'EUR',
        availability: 'OutOfStock',
        category: 'Socks',
      },
    ]);
  });

  it('records uncaught errors', async () => {
    await mount();
    const mochaHandler = window.onerror;
    window.onerror = null; // The test framework would fail the test on this error.
    window.dispatchEvent(
      new ErrorEvent('error', {
        message: 'boom',
        filename: `${location.origin}/a.js?token=x`,
        lineno: 3,
      }),
    );
    window.onerror = mochaHandler;
    expect(ofType('js_error')[0]).to.include({
      message: 'boom',
      source: `${location.origin}/a.js`,
      line: 3,
    });
  });

  it('records failed same-origin requests, never the hub API', async () => {
    await mount();
    await fetch('/missing-page?session=s1').catch(() => undefined);
    await fetch('/api/v1/whatever').catch(() => undefined); // The hub is this origin here.
    const xhr = new XMLHttpRequest();
    xhr.open('post', '/missing-xhr');
    await new Promise((done) => {
      xhr.onloadend = done;
      xhr.send();
    });
    const failed = ofType('request_failed');
    expect(failed.map(({ method, target, status }) => ({ method, target, status }))).to.deep.equal([
      { method: 'GET', target: `${location.origin}/missing-page`, status: 404 },
      { method: 'POST', target: `${location.origin}/missing-xhr`, status: 404 },
    ]);
  });

  it('records the validation message of an invalid field, never what was typed', async () => {
    const holder = add(
      `<form id="signup"><input name="postcode" pattern="[0-9]{5}" required></form>`,
    );
    const input = holder.querySelector('input')!;
    input.value = 'hunter2-SECRET';
    await mount();
    holder.querySelector('form')!.checkValidity();
    const [error] = ofType('form_error');
    expect(error).to.include({
      form: 'signup',
      field: 'postcode',
      message: input.validationMessage,
    });
    expect(error.message).to.not.equal('');
    expect(JSON.stringify(el.pending)).to.not.contain('hunter2');
  });

  it('records a field once when the page checks its form twice in one go', async () => {
    const holder = add(
      `<form aria-label="Checkout"><input name="name" required><input name="card" required></form>`,
    );
    await mount();
    const form = holder.querySelector('form')!;
    form.checkValidity();
    form.reportValidity();
    expect(ofType('form_error').map((error) => [error.form, error.field])).to.deep.equal([
      ['Checkout', 'name'],
      ['Checkout', 'card'],
    ]);
    // The next submit is a new attempt.
    await new Promise((resolve) => setTimeout(resolve));
    form.checkValidity();
    expect(ofType('form_error')).to.have.length(4);
  });

  it('cuts a typed value out of a message that quotes it', async () => {
    const holder = add(`<form id="news"><input name="email" type="email" required></form>`);
    const input = holder.querySelector('input')!;
    input.value = 'mina-private';
    await mount();
    // Chromium says: Please include an '@' in the email address. 'mina-private' is missing an '@'.
    expect(input.validationMessage).to.contain('mina-private');
    holder.querySelector('form')!.checkValidity();
    const [error] = ofType('form_error');
    expect(error.message).to.contain("include an '@'");
    expect(JSON.stringify(el.pending)).to.not.contain('mina-private');
  });

  it('strips secret query parameters and fragments from every URL', async () => {
    await mount({ 'strip-params': 'Coupon, ref' });
    await navigate('?token=t&EMAIL=a@b.c&coupon=X&ref=y&color=red#top');
    const view = ofType('page_view').at(-1)!;
    expect(view.url).to.equal(`${location.origin}${location.pathname}?color=red`);
    expect(JSON.stringify(el.pending)).to.not.match(/a@b\.c|coupon|#top/i);
  });

  it('with consent required, records and sends nothing until consent is granted', async () => {
    const network = spyNetwork();
    try {
      await mount({ consent: 'required' });
      (window as unknown as { dataLayer: unknown[] }).dataLayer.push({
        event: 'search',
        search_term: 'x',
      });
      expect(el.pending).to.have.length(0);
      await el.flush();
      el.remove(); // Leaving the page.
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      await aTimeout(50);
      expect(network.calls.filter((call) => call.url.includes('/journey'))).to.deep.equal([]);

      await mount({ consent: 'required' });
      el.grantConsent();
      expect(ofType('page_view')).to.have.length(1);
    } finally {
      network.restore();
    }
  });

  it('keeps an entry pushed as the page is left for the next page, only what it reads', async () => {
    await mount();
    const layer = (window as unknown as { dataLayer: unknown[] }).dataLayer;
    const items = [{ item_id: 'SKU-2', price: 5 }];
    layer.push({ event: 'add_to_cart', ecommerce: { items }, user_data: { email: 'a@b.example' } });
    const cyclic: Record<string, unknown> = { items };
    cyclic.self = cyclic;
    layer.push({ event: 'add_to_cart', ecommerce: cyclic });
    // The same task: the entries' reader has not run yet.
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    const kept = JSON.parse(sessionStorage.getItem('cxkit:journey-entries') ?? '[]');
    sessionStorage.removeItem('cxkit:journey-entries');
    sessionStorage.removeItem('cxkit:journey-queue');

    expect(kept, 'the cyclic entry cannot be kept').to.have.length(1);
    expect(kept[0].entry).to.deep.equal({ event: 'add_to_cart', ecommerce: { items } });
    expect(kept[0].url).to.equal(location.href);
    expect(Date.parse(kept[0].at)).to.be.closeTo(Date.now(), 5000);
  });

  it("keeps a page's product markup for the next page when left before reading it", async () => {
    const ld = '{"@type":"Product","sku":"LD-9","name":"Gaiter"}';
    add(`<script type="application/ld+json">${ld}</script>
      <div data-cx-product data-cx-sku="DATA-9" data-shop-secret="x"></div>`);
    el = document.createElement('cx-journey');
    document.body.append(el);
    // The same task: the products' reader has not run yet.
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    const kept = JSON.parse(sessionStorage.getItem('cxkit:journey-products') ?? '[]');

    expect(kept).to.have.length(1);
    expect(kept[0].url).to.equal(location.href);
    expect(Date.parse(kept[0].at)).to.be.closeTo(Date.now(), 5000);
    expect(kept[0].sources).to.deep.equal({
      ld: [ld],
      tagged: [{ cxProduct: '', cxSku: 'DATA-9' }],
    });

    // Read on this page after all (the tab came back, and showed the page again): the next
    // hiding keeps nothing.
    await waitUntil(() => ofType('product_view').length === 4, 'the products read twice');
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(sessionStorage.getItem('cxkit:journey-products')).to.equal(null);
    sessionStorage.removeItem('cxkit:journey-queue');
  });

  it('honours Global Privacy Control', async () => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    const network = spyNetwork();
    try {
      await mount();
      el.grantConsent();
      await fetch('/missing-again').catch(() => undefined);
      expect(el.pending).to.have.length(0);
      await el.flush();
      expect(network.calls.filter((call) => call.url.includes('/journey'))).to.deep.equal([]);
    } finally {
      network.restore();
      delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
    }
  });

  it('revokeConsent stops recording and drops what waits', async () => {
    await mount();
    expect(el.pending.length).to.be.above(0);
    el.revokeConsent();
    expect(el.pending).to.have.length(0);
    history.pushState(null, '', '/after-revoke');
    await aTimeout(20);
    expect(el.pending).to.have.length(0);
    expect(localStorage.getItem('cxkit:journey-consent')).to.equal('revoked');
  });

  it('can be defined twice without throwing', async () => {
    const first = customElements.get('cx-journey');
    expect(() => defineElement('cx-journey', class extends CxJourney {})).not.to.throw();
    await import('./index.js');
    expect(customElements.get('cx-journey')).to.equal(first);
  });

  describe('with the real hub', () => {
    let config: CxConfig;
    beforeEach(async () => {
      config = document.createElement('cx-config');
      config.setAttribute('hub', hub);
      config.setAttribute('site-key', 'demo');
      document.body.append(config);
      await config.updateComplete;
    });
    afterEach(() => config.remove());

    it('sends batches the hub accepts, with the visitor token chat uses', async () => {
      const answers: Promise<{ accepted: number }>[] = [];
      const { fetch: realFetch } = window;
      window.fetch = async (input, init) => {
        const response = await realFetch(input, init);
        if (String(input).endsWith('/api/v1/journey')) answers.push(response.clone().json());
        return response;
      };
      try {
        await mount();
        await navigate('/cart');
        const count = el.pending.length;
        await el.flush();
        expect(el.pending).to.have.length(0);
        expect(await answers[0]).to.deep.equal({ accepted: count });
        expect(localStorage.getItem(`cxkit:visitor:${hub}|demo`)).to.be.a('string');
      } finally {
        window.fetch = realFetch;
      }
    });

    it('sends what waits at once when the visitor opens the chat or sends a message', async () => {
      await mount();
      await el.flush(); // The visitor token is in this browser now.
      for (const type of ['cx-chat-open', 'cx-message-sent']) {
        await navigate(`/before-${type}`);
        expect(el.pending.length, 'waits for the 5 s timer').to.be.above(0);
        add('<div></div>').dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true }));
        await waitUntil(() => el.pending.length === 0, `sent on ${type}`, { timeout: 2000 });
      }
    });

    it("drops the forgotten visitor's waiting events when <cx-config> forgets them", async () => {
      await mount();
      await el.flush(); // The visitor token is in this browser now.
      await navigate('/account');
      expect(el.pending.length).to.be.above(0);

      config.forgetVisitor();
      await config.updateComplete;
      expect(el.pending).to.have.length(0);
      expect(localStorage.getItem(`cxkit:visitor:${hub}|demo`)).to.equal(null);
      // The next visitor's steps are recorded as usual.
      await navigate('/help');
      expect(ofType('page_view').map((event) => event.url)).to.deep.equal([
        `${location.origin}/help`,
      ]);
    });

    it('forget() deletes the journey with DELETE and the visitor token', async () => {
      await mount();
      await el.flush();
      const network = spyNetwork();
      try {
        const deleted = await el.forget();
        expect(deleted).to.be.at.least(1);
        const call = network.calls.find((c) => c.method === 'DELETE')!;
        expect(call.url).to.equal(`${hub}/api/v1/journey?siteKey=demo`);
        const token = localStorage.getItem(`cxkit:visitor:${hub}|demo`);
        expect(call.headers).to.deep.equal({ authorization: `Bearer ${token}` });
        expect(el.pending).to.have.length(0);
      } finally {
        network.restore();
      }
    });

    it('sends what waits as the customer who recorded it when they sign out', async () => {
      config.setAttribute('identity-token', 'signed-in-customer');
      await mount();
      await el.flush(); // Loads the sender and gets the token.
      await navigate('/account');
      const network = spyNetwork();
      try {
        config.removeAttribute('identity-token');
        await waitUntil(() => el.pending.length === 0, 'sent at the sign-out');
        const beacon = network.calls.find((call) => call.method === 'BEACON')!;
        const batch = JSON.parse(await (beacon.body as Blob).text());
        expect(batch.identityToken).to.equal('signed-in-customer');
        const seen = (events: JourneyEvent[]) =>
          events.map((event) => `${event.type} ${new URL(event.url).pathname}`);
        // Their stay on the page ends with them.
        expect(seen(batch.events)).to.include.members([
          'page_view /account',
          'page_leave /account',
        ]);
        // What the next person does goes without it, and they did not leave that page.
        await navigate('/after-sign-out');
        await el.flush();
        const sent = JSON.parse(
          network.calls.find((call) => call.method === 'POST')!.body as string,
        );
        expect(sent).not.to.have.property('identityToken');
        expect(seen(sent.events)).to.deep.equal(['page_view /after-sign-out']);
      } finally {
        network.restore();
      }
    });

    it('keeps its visitor and goes on when the hub does not take the identity token, and says so once', async () => {
      config.setAttribute('identity-token', `expired-or-mis-signed-${Date.now()}`);
      const warnings: unknown[][] = [];
      const realWarn = console.warn;
      console.warn = (...args: unknown[]) => void warnings.push(args);
      try {
        await mount();
        await el.flush();
        const visitor = localStorage.getItem(`cxkit:visitor:${hub}|demo`);
        expect(visitor, 'registered').to.be.a('string');
        expect(el.pending, 'the hub took the batch').to.have.length(0);
        await waitUntil(() => warnings.length > 0, 'a warning for the developer');
        expect(String(warnings[0]![0])).to.contain('auth.invalid_token');
        await navigate('/next');
        await el.flush();
        expect(el.pending).to.have.length(0);
        expect(localStorage.getItem(`cxkit:visitor:${hub}|demo`), 'the same visitor').to.equal(
          visitor,
        );
        await aTimeout(50);
        expect(warnings).to.have.length(1);
      } finally {
        console.warn = realWarn;
      }
    });

    it('sends what waits with sendBeacon when the page is hidden', async () => {
      await mount();
      await el.flush(); // Loads the sender and gets the token.
      await navigate('/checkout');
      const network = spyNetwork();
      try {
        window.dispatchEvent(new PageTransitionEvent('pagehide'));
        const beacon = network.calls.find((call) => call.method === 'BEACON')!;
        expect(beacon.url).to.equal(`${hub}/api/v1/journey`);
        expect(el.pending).to.have.length(0);
      } finally {
        network.restore();
      }
    });
  });
});
