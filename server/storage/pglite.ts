import { GroupCommit } from './group-commit.js';
import { PgliteWorker, type OnCrash } from './pglite-worker.js';
import type { InTransaction } from './pglite-worker-protocol.js';
import { SerialQueue } from './serial-queue.js';
import type { Queryable, Storage } from './types.js';

/**
 * Embedded PostgreSQL in `dir` (or in memory without one), run in a worker thread so its
 * work does not stall this thread's sockets and timers. The caller holds the directory lock.
 * `onCrash`: see `PgliteWorker.start` (by default the process exits).
 */
export async function openPglite(dir?: string, onCrash?: OnCrash): Promise<Storage> {
  const worker = await PgliteWorker.start(dir, onCrash);
  // PGlite has one connection: every statement and transaction takes its turn here, so a
  // transaction's statements reach the worker with nothing in between.
  const queue = new SerialQueue();
  const transactions = new GroupCommit({ transaction: (fn) => inTransaction(worker, fn) }, queue);
  let closed = false;

  return {
    kind: 'pglite',
    query: (sql, params) => queue.run(() => worker.query(sql, params)) as Promise<never[]>,
    exec: (sql) => queue.run(() => worker.exec(sql)),
    transaction: (fn) => transactions.run(fn),
    call: (procedure, args) =>
      queue.run(() => worker.call(procedure.module, procedure.name, args)) as never,
    async close() {
      if (closed) return;
      closed = true;
      await queue.drain();
      await worker.close();
    },
  };
}

/** BEGIN, `fn`, COMMIT; ROLLBACK when `fn` or the commit throws. */
async function inTransaction<R>(
  worker: PgliteWorker,
  fn: (tx: Queryable) => Promise<R>,
): Promise<R> {
  let open = true;
  let begun = false;
  /** The first statement brings BEGIN along; one after the end is refused, as PGlite's own does. */
  const place = (): InTransaction => {
    if (!open) throw new Error('the transaction is already over');
    const first = !begun;
    begun = true;
    return first ? 'begin' : 'in';
  };
  const tx: Queryable = {
    query: async (sql, params) => worker.query(sql, params, place()) as Promise<never[]>,
    exec: async (sql) => worker.exec(sql, place()),
  };
  try {
    const result = await fn(tx);
    open = false;
    if (begun) await worker.exec('COMMIT', 'end');
    return result;
  } catch (error) {
    open = false;
    if (begun) await worker.exec('ROLLBACK', 'end').catch(() => {});
    throw error;
  }
}
