/**
 * Runs jobs one at a time, in order. PGlite has one connection, so every query and
 * transaction goes through one queue.
 */
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(job: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(job);
    this.#tail = result.catch(() => {});
    return result;
  }

  /** Resolves when every job queued so far has finished. */
  async drain(): Promise<void> {
    await this.#tail;
  }
}
