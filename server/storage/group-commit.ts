import type { SerialQueue } from './serial-queue.js';
import type { Queryable } from './types.js';

/** Runs one plain transaction (BEGIN ... COMMIT) on the single connection. */
export interface TransactionRunner {
  transaction<R>(fn: (tx: Queryable) => Promise<R>): Promise<R>;
}

interface Job {
  fn: (tx: Queryable) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Transactions that share one commit at most; bounds how long one batch holds the database. */
const maxBatch = 64;

/**
 * Group commit for PGlite. Its cost is mostly per commit, not per statement, so the
 * transactions that queue up while one runs are run together in one transaction, each in
 * its own savepoint: one that fails is rolled back alone and rejects alone; the others
 * resolve once the shared commit is done. Seen from a caller, it is still one serial
 * transaction after another.
 */
export class GroupCommit {
  #waiting: Job[] = [];
  #scheduled = false;

  constructor(
    private readonly db: TransactionRunner,
    private readonly queue: SerialQueue,
  ) {}

  run<R>(fn: (tx: Queryable) => Promise<R>): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.#waiting.push({ fn, resolve: resolve as (value: unknown) => void, reject });
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    void this.queue.run(() => this.#runBatch());
  }

  async #runBatch(): Promise<void> {
    this.#scheduled = false;
    const batch = this.#waiting.splice(0, maxBatch);
    if (this.#waiting.length > 0) this.#schedule();
    if (batch.length === 1) return this.#runAlone(batch[0]!);

    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      await this.db.transaction(async (tx) => {
        for (const job of batch) {
          await tx.exec('SAVEPOINT job');
          try {
            outcomes.push({ ok: true, value: await job.fn(tx) });
            await tx.exec('RELEASE SAVEPOINT job');
          } catch (error) {
            await tx.exec('ROLLBACK TO SAVEPOINT job');
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      // The commit itself failed: nothing of the batch is stored.
      for (const job of batch) job.reject(error);
      return;
    }
    outcomes.forEach((outcome, i) =>
      outcome.ok ? batch[i]!.resolve(outcome.value) : batch[i]!.reject(outcome.error),
    );
  }

  async #runAlone(job: Job): Promise<void> {
    try {
      job.resolve(await this.db.transaction((tx) => job.fn(tx)));
    } catch (error) {
      job.reject(error);
    }
  }
}
