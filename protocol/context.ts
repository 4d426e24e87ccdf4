/** What the agent's `<cx-customer-card>` shows: `context.get` over the WebSocket. Types only. */
import type { ConversationSummary } from './chat.js';
import type { JourneyEvent, ProductRef } from './journey.js';

export interface StoredJourneyEvent {
  /** Hub-assigned id, increasing in arrival order. */
  id: number;
  visitId: string;
  event: JourneyEvent;
  /** Set when struggle detection marked this event. */
  struggle?: StruggleKind;
}

export type StruggleKind =
  'js_error' | 'request_failed' | 'help_pages' | 'cart_abandoned' | 'form_retries';

/** What each kind of struggle is about, for a widget to say in its own language. */
export interface StruggleFacts {
  /** One distinct message; `count` times in the visit. */
  js_error: { message: string; count: number };
  /** One method, path and status; `count` times in the visit. */
  request_failed: { method: string; path: string; status: number; count: number };
  /** Views of the site's help pages in the visit, and their paths. */
  help_pages: { count: number; paths: string[] };
  /** The checkout step left at; or, without one, the products added to the cart. */
  cart_abandoned: { step: string } | { products: string[] };
  /**
   * Submits one form refused `attempts` times (its fields' errors of one moment are one
   * attempt); the last refused field and the browser's message. `form` is its id or name,
   * "" for an unnamed form, which `page` (the path it is on) tells apart.
   */
  form_retries: { form: string; page: string; attempts: number; field: string; message: string };
}

interface StruggleOf<K extends StruggleKind> {
  kind: K;
  /** The same as `facts` in a short English sentence, for readers without their own words. */
  summary: string;
  /** Absent from backends that only send `summary`. */
  facts?: StruggleFacts[K];
  at: string;
  /** Journey event ids this struggle is about. */
  eventIds: number[];
}

export type Struggle = { [K in StruggleKind]: StruggleOf<K> }[StruggleKind];

export interface InterestSignal {
  kind: 'product' | 'category';
  /** SKU or category name. */
  key: string;
  label: string;
  views: number;
  /** Set when a site rule matched ("viewed X three times → suggest offer Y"). */
  suggestion?: string;
}

export interface Visit {
  visitId: string;
  startedAt: string;
  endedAt: string;
  events: StoredJourneyEvent[];
}

export interface CrmOrder {
  id: string;
  date?: string;
  total?: number;
  currency?: string;
  status?: string;
  items?: string[];
}

/**
 * The site's CRM record for a verified customer. `none`: the site has no CRM source (or the
 * customer is not verified); `not_found`: the CRM answered but does not know this customer;
 * `unavailable`: the CRM is slow or failing, the rest of the card still shows.
 */
export type CrmData =
  | { status: 'none' }
  | { status: 'not_found' }
  | { status: 'unavailable'; reason: string }
  | {
      status: 'ok';
      name?: string;
      email?: string;
      tier?: string;
      lifetimeValue?: number;
      currency?: string;
      /** Newest first, at most 10. */
      orders: CrmOrder[];
      /** Absent when the site's CRM mapping has no open tickets. */
      openTickets?: number;
      /** When the hub fetched it (it caches). */
      fetchedAt: string;
      /** Set when the latest refresh failed and this is the last good answer. */
      stale?: true;
    };

export interface CustomerContext {
  visitorId: string;
  /** Set once the storefront verified the customer (identity token). */
  customerId: string | null;
  verified: boolean;
  displayName: string | null;
  crm: CrmData;
  presence: {
    online: boolean;
    currentUrl: string | null;
    currentTitle: string | null;
    lastSeenAt: string | null;
  };
  visits: Visit[];
  struggles: Struggle[];
  interests: InterestSignal[];
  cart: ProductRef[];
  conversations: ConversationSummary[];
}
