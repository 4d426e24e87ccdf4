import { timeOrderedUuid } from '../../../protocol/index.js';

/** A command id: a UUID v7, so the ids a client makes follow time (`timeOrderedUuid`). */
export function newCommandId(): string {
  return timeOrderedUuid(crypto.getRandomValues(new Uint8Array(16)));
}
