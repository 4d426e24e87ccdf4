import { Worker } from 'node:worker_threads';
import {
  revivedError,
  type ClonedError,
  type InTransaction,
  type WorkerReady,
  type WorkerReply,
  type WorkerRequest,
} from './pglite-worker-protocol.js';

/** Plain `Omit` over a union keeps only shared keys; this keeps each member's own. */
type Request = WorkerRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/** What the hub does when the worker dies under it: by default, die too (see `start`). */
export type OnCrash = (error: Error) => void;

/**
 * PGlite in a worker thread, seen from the hub's thread: statements go there one by one and
 * rows come back. Requests run in the order they are sent; the caller keeps a transaction's
 * statements together (`pglite.ts` queues everything through one `SerialQueue`).
 */
export class PgliteWorker {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  readonly #onCrash: OnCrash;
  #nextId = 1;
  #closing = false;
  /** Set once the worker is gone: every later request fails with it at once. */
  #gone: Error | null = null;

  private constructor(worker: Worker, onCrash: OnCrash) {
    this.#worker = worker;
    this.#onCrash = onCrash;
    worker.on('message', (reply: WorkerReply) => this.#settle(reply));
    worker.on('error', (error) => this.#crashed(error));
    worker.on('exit', (code) =>
      this.#crashed(new Error(`the PGlite worker thread exited (code ${code})`)),
    );
    // Only a request in flight keeps the process alive, as PGlite on this thread would.
    worker.unref();
  }

  /**
   * Opens PGlite in `dir` (in memory without one) in a new worker thread. The caller holds
   * the directory lock. If the worker dies later, pending and later requests fail and
   * `onCrash` runs; by default it rethrows, so the hub exits loudly instead of serving
   * without its database. `checkpointEveryMs`: see the worker thread (tests shorten it).
   */
  static async start(
    dir?: string,
    onCrash: OnCrash = rethrow,
    { checkpointEveryMs = 5_000 }: { checkpointEveryMs?: number } = {},
  ): Promise<PgliteWorker> {
    const worker = new Worker(bootstrap, { eval: true, workerData: { dir, checkpointEveryMs } });
    let onError = (_error: Error) => {};
    let onExit = (_code: number) => {};
    try {
      const ready = await new Promise<WorkerReady>((resolve, reject) => {
        onError = reject;
        onExit = (code) => reject(new Error(`the PGlite worker thread exited (code ${code})`));
        worker.once('message', resolve).once('error', onError).once('exit', onExit);
      });
      if (!ready.ready) throw revivedError(ready.error);
    } catch (error) {
      await worker.terminate();
      throw error;
    }
    // Only ours: the Worker keeps listeners of its own.
    worker.off('error', onError).off('exit', onExit);
    return new PgliteWorker(worker, onCrash);
  }

  /** One statement; `tx` tells its place in a transaction (see `InTransaction`). */
  query(sql: string, params?: unknown[], tx?: InTransaction): Promise<unknown[]> {
    return this.#request({ op: 'query', sql, params, tx }) as Promise<unknown[]>;
  }

  async exec(sql: string, tx?: InTransaction): Promise<void> {
    await this.#request({ op: 'exec', sql, tx });
  }

  /** A procedure (`procedures.ts`) in a transaction of its own, run on the worker thread. */
  call(module: string, name: string, args: unknown): Promise<unknown> {
    return this.#request({ op: 'call', module, name, args });
  }

  /** Closes PGlite (after what was sent before) and ends the thread. */
  async close(): Promise<void> {
    // After a crash there is nothing left to close.
    if (this.#closing || this.#gone) return;
    this.#closing = true;
    try {
      await this.#request({ op: 'close' });
    } finally {
      await this.#worker.terminate();
    }
  }

  /** Ends the thread at once, as a crash would (for tests of what follows one). */
  async kill(): Promise<void> {
    await this.#worker.terminate();
  }

  #request(request: Request): Promise<unknown> {
    if (this.#gone) return Promise.reject(this.#gone);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      try {
        this.#worker.postMessage({ ...request, id } as WorkerRequest);
      } catch (error) {
        // A parameter structured clone cannot copy (a function, a symbol): this query only.
        return reject(error);
      }
      if (this.#pending.size === 0) this.#worker.ref();
      this.#pending.set(id, { resolve, reject });
    });
  }

  #settle(reply: WorkerReply): void {
    const pending = this.#pending.get(reply.id);
    if (!pending) return;
    this.#pending.delete(reply.id);
    if (this.#pending.size === 0) this.#worker.unref();
    if (reply.ok) pending.resolve(reply.value);
    else pending.reject(revivedError(reply.error as ClonedError));
  }

  #crashed(error: Error): void {
    if (this.#gone) return;
    this.#gone = this.#closing ? new Error('storage is closed') : error;
    for (const pending of this.#pending.values()) pending.reject(this.#gone);
    this.#pending.clear();
    if (!this.#closing) this.#onCrash(error);
  }
}

/**
 * The worker's first code: tsx's loader, then the TypeScript entry. A worker does not get the
 * loader that `--import tsx` or the `tsx` command registered here (Node 20), so it asks itself.
 */
const bootstrap = `
  import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
    .then((tsx) => tsx.register())
    .then(() => import(${JSON.stringify(new URL('./pglite-worker-thread.ts', import.meta.url).href)}));
`;

function rethrow(error: Error): never {
  throw Object.assign(new Error(`PGlite worker failed, the hub cannot go on: ${error.message}`), {
    cause: error,
  });
}
