import type { JourneyEvent } from '../../protocol/index.js';
import type { JourneySettings } from './settings.js';

/**
 * The recorder's memory: what waits to be sent, and the settings to send it with. The
 * sender (visitor token, batches, deletion) is loaded when the page is idle after the first
 * event, outside the storefront's eager budget; until then a page being left keeps its
 * events in sessionStorage for the tab's next page.
 */
export const state: {
  settings?: JourneySettings;
  queue: JourneyEvent[];
  timer?: ReturnType<typeof setTimeout>;
} = {
  queue: JSON.parse(sessionStorage.getItem('cxkit:journey-queue') || '[]'),
};
sessionStorage.removeItem('cxkit:journey-queue');
/** Events from the tab's last page are late already: they go at the first idle moment. */
let carriedOver = state.queue.length > 0;

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
  if (carriedOver) {
    carriedOver = false;
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
  clearTimeout(state.timer);
  state.timer = undefined;
}

/**
 * The page is being hidden or left: beacon what waits. What cannot go yet (the sender or
 * the visitor token has not arrived) is kept for the tab's next page.
 */
export function flushOnExit(): void {
  sender?.flushOnExit();
  if (state.queue.length)
    sessionStorage.setItem('cxkit:journey-queue', JSON.stringify(state.queue));
}
