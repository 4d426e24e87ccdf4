/** What `<cx-journey>` records and the hub stores: the visit as the customer lived it. Types only. */
import type { ErrorBody } from './envelope.js';

/** Product facts read from schema.org `Product` JSON-LD, `data-cx-*` attributes or dataLayer items. */
export interface ProductRef {
  sku: string;
  name?: string;
  price?: number;
  currency?: string;
  availability?: string;
  category?: string;
  quantity?: number;
}

interface EventBase {
  /** Client time, ISO 8601. */
  at: string;
  /** Page URL with configured query parameters stripped; no fragment. */
  url: string;
}

export type JourneyEvent = EventBase &
  (
    | { type: 'page_view'; title: string; referrer?: string; spa?: boolean }
    | { type: 'page_leave'; durationMs: number }
    | { type: 'product_view'; product: ProductRef }
    | { type: 'search'; query: string; results?: number }
    | { type: 'cart_add'; product: ProductRef }
    | { type: 'cart_remove'; product: ProductRef }
    | { type: 'checkout_step'; step: string; value?: number; currency?: string }
    | { type: 'purchase'; orderId?: string; value?: number; currency?: string }
    | { type: 'js_error'; message: string; source?: string; line?: number }
    | { type: 'request_failed'; method: string; target: string; status: number }
    | { type: 'form_error'; form: string; field: string; message: string }
  );

export type JourneyEventType = JourneyEvent['type'];

/**
 * HTTP: `POST /api/v1/journey` with a `text/plain` body (so `sendBeacon` needs no CORS
 * preflight) holding this JSON. Answer: a `JourneyAnswer` or an error body.
 */
export interface JourneyBatch {
  siteKey: string;
  /** The visitor token the hub issued (`POST /api/v1/visitors`). */
  token: string;
  /** Identity token signed by the storefront's backend, once the customer is signed in. */
  identityToken?: string;
  /** Random id of this visit (a tab session); groups events on the agent's timeline. */
  visitId: string;
  events: JourneyEvent[];
}

/** The hub stored the batch's events. */
export interface JourneyAnswer {
  accepted: number;
  /**
   * The batch's identity token was not taken (expired, badly signed): its events were
   * stored as the anonymous visitor's. The reason, as an error body gives it.
   */
  identityRefused?: ErrorBody;
}
