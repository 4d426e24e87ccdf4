import type { JourneyEvent } from '../../protocol/index.js';

type WithoutStamp<E> = E extends JourneyEvent ? Omit<E, 'at' | 'url'> : never;

/**
 * What a source observed; the recorder adds the time and the (stripped) page URL, unless
 * the fact comes with its own (one observed on an earlier page).
 */
export type Fact = WithoutStamp<JourneyEvent> & { url?: string; at?: string };

/** Hands a fact to the recorder. Cheap: it only queues. */
export type Emit = (fact: Fact) => void;

/** Runs a hook without ever letting a recorder bug reach the page. */
export function guarded<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
  return (...args) => {
    try {
      fn(...args);
    } catch {
      // A recorder bug must not break the storefront.
    }
  };
}

/** The longest text the hub accepts per field (200 for fields not named here). */
const maxLengths: Record<string, number> = {
  url: 2048,
  referrer: 2048,
  target: 2048,
  source: 2048,
  message: 500,
  title: 500,
  query: 500,
  name: 300,
  availability: 100,
  step: 100,
};

/**
 * JSON.stringify replacer for events: cuts free text to what the hub accepts, so one long
 * value never costs the whole batch.
 */
export const cutToSize = (key: string, value: unknown) =>
  typeof value === 'string' ? value.slice(0, maxLengths[key] ?? 200) : value;
