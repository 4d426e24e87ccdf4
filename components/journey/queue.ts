import type { JourneyEvent } from '../../protocol/index.js';
import type { JourneySettings } from './settings.js';
import { productSourcesOnPage, type ProductSources } from './sources/product-sources.js';

/**
 * The recorder's memory: what waits to be sent, and the settings to send it with. The
 * sender (visitor token, batches, deletion) is loaded when the page is idle after the first
 * event, outside the storefront's eager budget; until then a page being left keeps its
 * events in sessionStorage for the tab's next page.
 */
export const state: {
  settings?: JourneySettings;
  queue: JourneyEvent[];
  /** dataLayer entries pushed but not read yet: their reader loads on first need. */
  entries: WaitingEntry[];
  /** Pages shown whose products were not read yet: their reader loads when the page is idle. */
  productPages: WaitingProducts[];
  timer?: ReturnType<typeof setTimeout>;
} = {
  queue: carriedOver('cxkit:journey-queue'),
  entries: carriedOver('cxkit:journey-entries'),
  productPages: carriedOver('cxkit:journey-products'),
};
/** Events from the tab's last page are late already: they go at the first idle moment. */
let lateEvents = state.queue.length > 0;

/** A dataLayer entry as pushed, with the page and time it was pushed at. */
export interface WaitingEntry {
  entry: Record<string, unknown>;
  url: string;
  at: string;
}

/** A page shown at `at`; `sources` once it was left, else its markup is the document's. */
export interface WaitingProducts {
  url: string;
  at: string;
  sources?: ProductSources;
}

const flushAfterMs = 5000;
const flushAtCount = 20;
/** Beyond this, the oldest waiting events are dropped (the hub is unreachable for long). */
const maxQueued = 500;

let sender: typeof import('./transport.js') | undefined;
export const loadSender = () =>
  import('./transport.js').then((module) => {
    // Get the visitor token early, so a page left soon after can still beacon its events.
    if (!sender) module.prepare();
    return (sender = module);
  });

/** Queues one event; sends when enough wait, else a little later. */
export function enqueue(event: JourneyEvent): void {
  const { queue } = state;
  if (queue.push(event) > maxQueued) queue.shift();
  if (lateEvents) {
    lateEvents = false;
    requestIdleCallback(() => void flush());
  } else if (queue.length < flushAtCount) flushLater(flushAfterMs);
  else void flush();
  if (!sender) requestIdleCallback(loadSender);
}

export const flushLater = (ms: number) => (state.timer ??= setTimeout(flush, ms));

export const flush = () => loadSender().then((module) => module.flush());

/** Drops what waits and stops the timer. */
export function clear(): void {
  state.queue = [];
  state.entries = [];
  state.productPages = [];
  clearTimeout(state.timer);
  state.timer = undefined;
}

/**
 * Beacons what waits with the current settings, when the sender and the visitor token are
 * here already (else it goes later, with the settings of then).
 */
export const sendWaitingNow = () => sender?.flushOnExit();

/**
 * The page is being hidden or left: beacon what waits. What cannot go yet (the sender or
 * the visitor token has not arrived) is kept for the tab's next page.
 */
export function flushOnExit(): void {
  sendWaitingNow();
  keepForNextPage('cxkit:journey-queue', state.queue);
  // A cart add clicked just before a link: its reader had no time to load on this page.
  keepForNextPage('cxkit:journey-entries', state.entries.map(readable).filter(Boolean));
  // A product page left at once: what its markup says goes with the tab, read there.
  keepForNextPage('cxkit:journey-products', state.productPages.map(withSources).filter(Boolean));
}

function carriedOver<T>(key: string): T[] {
  const kept = JSON.parse(sessionStorage.getItem(key) || '[]') as T[];
  sessionStorage.removeItem(key);
  return kept;
}

/** The latest hiding wins: what was kept at an earlier one may have been sent since. */
function keepForNextPage(key: string, items: unknown[]): void {
  if (items.length) sessionStorage.setItem(key, JSON.stringify(items));
  else sessionStorage.removeItem(key);
}

/** A page's markup is only there while it is the document (not after an SPA navigation). */
function withSources(page: WaitingProducts): WaitingProducts | null {
  if (page.sources) return page;
  return page.url === location.href ? { ...page, sources: productSourcesOnPage() } : null;
}

/**
 * What the facts reader (`data-layer-facts.ts`) looks at of an entry, as JSON: nothing
 * else of the page's dataLayer is kept. Null for an entry JSON cannot hold (a cycle).
 */
function readable({ entry, url, at }: WaitingEntry): WaitingEntry | null {
  const { 0: call, 1: name, 2: params, event, ecommerce, search_term } = entry;
  const kept =
    call === 'event' ? { 0: call, 1: name, 2: params } : { event, ecommerce, search_term };
  try {
    return { entry: JSON.parse(JSON.stringify(kept)) as Record<string, unknown>, url, at };
  } catch {
    return null;
  }
}
