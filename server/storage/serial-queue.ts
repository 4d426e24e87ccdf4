/**
 * Runs jobs one at a time, in order. PGlite has one connection, so every query and
 * transaction goes through one queue; between jobs it yields to the event loop,
 * because PGlite runs on the main thread and would otherwise starve sockets and timers.
 */
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(job: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(job);
    this.#tail = result.then(yieldToEventLoop, yieldToEventLoop);
    return result;
  }

  /** Resolves when every job queued so far has finished. */
  async drain(): Promise<void> {
    await this.#tail;
  }
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
