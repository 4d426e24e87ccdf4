import type { JourneyEvent } from '../../protocol/index.js';
import { mayRecord, storeConsent } from './consent.js';
import type { Emit, Fact } from './facts.js';
import { watchSettings } from './settings.js';
import { watchDataLayer } from './sources/data-layer.js';
import { watchErrors } from './sources/errors.js';
import { watchForms } from './sources/forms.js';
import { watchPages } from './sources/pages.js';
import { productSourcesOnPage } from './sources/product-sources.js';
import { watchRequests } from './sources/requests.js';
import * as transport from './queue.js';
import { state } from './queue.js';
import { defaultStripParams, stripUrl } from './urls.js';

/** The element that records: the page's hooks are installed once and feed it. */
const page: { recorder?: CxJourney; hooksInstalled?: boolean; endStay?: () => void } = {};
/** Fields of an event that hold a URL: each is stripped. */
const urlFields = ['url', 'referrer', 'target', 'source'];
type Bag = Record<string, string>;

/**
 * @summary Records the visit (pages, products, searches, cart, checkout, errors) so an
 * agent sees what the customer saw. Invisible; no framework; a few KB. One per page.
 *
 * Takes the hub URL, site key and identity token from `<cx-config>` anywhere on the page
 * (the hub defaults to the page's origin) and sends batches to `POST /api/v1/journey` with
 * the visitor token `<cx-chat>` uses. Records nothing under Global Privacy Control, after
 * `revokeConsent()`, or before `grantConsent()` when `consent="required"`; the choice is
 * kept in localStorage. Never reads what is typed into fields. Query parameters that may
 * carry secrets, and fragments, are removed from every URL it records.
 *
 * What waits is sent within 5 s, at once when the visitor opens the chat or sends a message
 * (so the agent sees where they are), and by beacon when the page is left.
 *
 * Sources: page loads and SPA navigations (`history.pushState`/`replaceState`, `popstate`),
 * time on page, schema.org `Product` JSON-LD and `data-cx-product` elements (`data-cx-sku`,
 * `data-cx-name`, `data-cx-price`, `data-cx-currency`, `data-cx-availability`,
 * `data-cx-category`), the search parameter of the URL, GA4 `dataLayer` events (`view_item`,
 * `add_to_cart`, `remove_from_cart`, `begin_checkout`, `add_shipping_info`, `add_payment_info`,
 * `purchase`, `search`), uncaught errors, failed same-origin requests, and invalid form fields.
 *
 * @attr consent - `required`: record nothing until `grantConsent()` (for sites that must ask first).
 * @attr search-param - URL query parameter holding a site search (`/search?q=boots`). Default `q`.
 * @attr strip-params - Comma-separated query parameters to remove from recorded URLs, on top
 * of `token`, `email`, `password`, `session`, `auth` and `code`.
 */
export class CxJourney extends HTMLElement {
  static observedAttributes = ['consent'];

  private settingsWatched = false;

  /** The events waiting to be sent, oldest first. */
  get pending(): readonly JourneyEvent[] {
    return state.queue;
  }

  connectedCallback(): void {
    // Once: the subscription stays when the element moves in the page.
    if (!this.settingsWatched)
      watchSettings(this, (settings) => {
        // The visitor was forgotten (`forgetVisitor()`): what they did is not the next one's.
        if ((settings.visitorSession ?? 0) !== (state.settings?.visitorSession ?? 0))
          state.queue.length = state.entries.length = state.productPages.length = 0;
        // Signed in or out: the stay on this page was the last person's, and what waits
        // goes as theirs (the hub files a batch under its identity token), now.
        else if (state.settings && settings.identityToken !== state.settings.identityToken) {
          if (page.recorder) page.endStay?.();
          transport.sendWaitingNow();
        }
        state.settings = { ...settings, hub: settings.hub || location.origin };
      });
    this.settingsWatched = true;
    this.start();
  }

  disconnectedCallback(): void {
    if (page.recorder === this) page.recorder = undefined;
    void transport.flush();
  }

  attributeChangedCallback(): void {
    if (this.isConnected) this.start();
  }

  /** The visitor agreed: record from now on, and remember it. */
  grantConsent(): void {
    storeConsent('granted');
    this.start();
  }

  /** The visitor declined: stop recording, drop what was not sent yet, and remember it. */
  revokeConsent(): void {
    storeConsent('revoked');
    transport.clear();
    if (page.recorder === this) page.recorder = undefined;
  }

  /**
   * Deletes this visitor's journey on the hub (`DELETE /api/v1/journey`) and drops what was
   * not sent yet. Does not revoke consent. Resolves to the number of events deleted; rejects
   * with an Error that has a `code` when the hub refuses.
   */
  forget(): Promise<number> {
    transport.clear();
    return transport.loadSender().then((sender) => sender.forget());
  }

  /** Sends the waiting events now. Never rejects: what fails is retried later. */
  flush(): Promise<void> {
    return transport.flush();
  }

  private get consentRequired(): boolean {
    return this.getAttribute('consent') === 'required';
  }

  private start(): void {
    if (page.recorder || !mayRecord(this.consentRequired)) return;
    page.recorder = this;
    if (page.hooksInstalled) this.arrive(location.href, false);
    else CxJourney.installHooks();
  }

  /** Wraps the page's history, fetch, XHR and dataLayer, once; every hook feeds `recorder`. */
  private static installHooks(): void {
    page.hooksInstalled = true;
    const emit = (fact: Fact) => page.recorder?.record(fact);
    page.endStay = watchPages(emit, {
      arrive: (address, spa) => page.recorder?.arrive(address, spa),
      hide: transport.flushOnExit,
    });
    watchDataLayer((entry) => {
      if (!page.recorder) return;
      state.entries.push({ entry, url: location.href, at: new Date().toISOString() });
      readEntries(emit);
    });
    // Entries the tab's last page was left before it could read.
    if (state.entries.length) readEntries(emit);
    // The visitor reaches for the chat: an agent may be reading the journey within seconds.
    for (const type of ['cx-chat-open', 'cx-message-sent'])
      document.addEventListener(type, () => page.recorder && void transport.flush());
    watchErrors(emit);
    watchForms(emit);
    watchRequests(emit, (target) => {
      // Until <cx-config> answers, the hub is where it is by default: this origin.
      const hub = state.settings?.hub ?? location.origin;
      return target.origin === location.origin && !target.href.startsWith(`${hub}/api/v1/`);
    });
  }

  /** Stamps one fact with the time and the stripped page URL, and queues it. */
  private record(fact: Fact): void {
    if (!mayRecord(this.consentRequired)) return;
    const extra = (this.getAttribute('strip-params') ?? '').toLowerCase().split(',');
    const params = [...defaultStripParams, ...extra.map((name) => name.trim())];
    const strip = (url: string) => stripUrl(url, params);
    const event = { url: location.href, at: new Date().toISOString(), ...fact } as Bag;
    for (const key of urlFields) if (event[key]) event[key] = strip(event[key]);
    transport.enqueue(event as unknown as JourneyEvent);
  }

  /** A page was shown: its view, the search it carries, the products it presents. */
  private arrive(address: string, spa: boolean): void {
    const url = address;
    this.record({
      type: 'page_view',
      url,
      title: document.title,
      referrer: (!spa && document.referrer) || undefined,
      spa: spa || undefined,
    });
    const query = new URL(url).searchParams.get(this.getAttribute('search-param') || 'q');
    if (query) this.record({ type: 'search', url, query });
    state.productPages.push({ url, at: new Date().toISOString() });
    readProductPages((fact) => this.record(fact));
  }
}

/**
 * Reads the products of the pages waiting for it, with the module that knows schema.org,
 * loaded on first need: not urgent, so with the sender, when the page is idle. A page left
 * before it arrived brings its markup along (`flushOnExit`).
 */
function readProductPages(emit: Emit): void {
  void import('./sources/products.js').then(({ productsIn }) => {
    for (const { url, at, sources } of state.productPages.splice(0))
      for (const product of productsIn(sources ?? productSourcesOnPage()).slice(0, 10))
        emit({ type: 'product_view', url, at, product });
  });
}

/**
 * Reads the waiting dataLayer entries with the module that knows what they mean, loaded on
 * first need; each fact keeps the page and time of its entry.
 */
function readEntries(emit: Emit): void {
  void import('./sources/data-layer-facts.js').then(({ factsOf }) => {
    for (const { entry, url, at } of state.entries.splice(0))
      factsOf(entry, url).forEach((fact) => emit({ ...fact, url, at }));
  });
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-journey': CxJourney;
  }
}
