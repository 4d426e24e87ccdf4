import type { EventBus } from './types.js';

/** Delivers within this process; a failing handler never affects the publisher or the others. */
export class MemoryBus implements EventBus {
  readonly #handlers = new Map<string, Set<(payload: unknown) => void>>();
  readonly #onHandlerError: (error: unknown) => void;

  constructor(onHandlerError: (error: unknown) => void = () => {}) {
    this.#onHandlerError = onHandlerError;
  }

  async publish(topic: string, payload: unknown): Promise<void> {
    this.publishLocal(topic, payload);
  }

  publishLocal(topic: string, payload: unknown): void {
    const handlers = this.#handlers.get(topic);
    if (!handlers) return;
    for (const handler of [...handlers]) {
      try {
        handler(payload);
      } catch (error) {
        this.#onHandlerError(error);
      }
    }
  }

  /** Nothing is ever missed in-process, so `onMissed` is not kept. */
  subscribe(topic: string, handler: (payload: unknown) => void): () => void {
    let handlers = this.#handlers.get(topic);
    if (!handlers) this.#handlers.set(topic, (handlers = new Set()));
    // Wrap so the same function subscribed twice gets two independent subscriptions.
    const entry = (payload: unknown) => handler(payload);
    handlers.add(entry);
    return () => {
      handlers.delete(entry);
      if (handlers.size === 0 && this.#handlers.get(topic) === handlers)
        this.#handlers.delete(topic);
    };
  }

  async close(): Promise<void> {
    this.#handlers.clear();
  }
}
