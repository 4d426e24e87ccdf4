import { setTimeout as sleep } from 'node:timers/promises';
import { principalKey, type Principal } from '../auth/index.js';
import type { Command } from '../realtime/command-types.js';
import { runOnce } from '../realtime/idempotency.js';
import type { Queryable, Storage } from '../storage/index.js';
import { newMessageId } from './message-store.js';
import { keyOf, type CommandKey } from './send-batch-store.js';
import {
  refusal,
  storedOutcome,
  storeSendBatch,
  type BatchItem,
  type BatchVerdicts,
  type Outcome,
} from './send-batch-procedure.js';

type OneSend = (tx: Queryable, principal: Principal, command: Command) => Promise<Outcome>;

interface Pending extends BatchItem {
  key: CommandKey;
  resolve(outcome: Outcome): void;
  reject(error: unknown): void;
}

/** A batch back from the database: its distinct sends and a verdict for each. */
interface StoredBatch extends BatchVerdicts {
  batch: Pending[];
  unique: Pending[];
}

/** Most sends one transaction stores; bounds how long one batch holds PGlite's thread. */
const maxBatch = 256;
/**
 * On PGlite, after a batch of fewer sends than this, the next one starts `lingerMs` (by
 * default 4) after it started, so more sends share it. A statement's fixed cost dominates
 * tiny batches: at 1,000 messages a second, batches of one or two kept PGlite's thread
 * half busy; this cut the hub's CPU there by a third (5,000 a second: a fifth), for about
 * 2 ms more latency. Under load batches are larger and follow each other at once, as before.
 */
const smallBatch = 5;
const defaultLingerMs = 4;

/**
 * Stores the `chat.send`s that arrive together in one transaction of two statements (one
 * read, one write: `send-batch-store.ts`) instead of about six statements each: on PGlite,
 * the per-statement cost dominates. There, in the steady state, a batch is one statement
 * and no transaction (`storeSendBatch`'s attempt). One batch runs at a time; the sends that queue
 * meanwhile form the next. Guarantees are those of one send at a time:
 * at most once per command id (a retry gets the stored answer), seqs without holes in
 * arrival order per conversation, events published by the caller after the commit, and a
 * send that fails (bad text, someone else's conversation) fails alone. Sends the batch does
 * not handle (first message, extras, waiting conversations, a repeated id) and every send of
 * a batch whose transaction failed run one by one, each in its own transaction.
 */
export class SendBatcher {
  #waiting: Pending[] = [];
  #running = 0;
  #scheduled = false;
  /**
   * Batches in flight at once. PGlite has one connection, so one; on PostgreSQL a batch
   * mostly waits for its commit to reach the disk, so a few overlap. Batches that share a
   * conversation take turns on its counter row, which keeps its seqs in commit order.
   */
  readonly #parallel: number;
  /** PGlite's batches linger; PostgreSQL's run side by side instead (0). */
  readonly #lingerMs: number;

  constructor(
    private readonly storage: Storage,
    private readonly one: OneSend,
    { lingerMs = defaultLingerMs }: { lingerMs?: number } = {},
  ) {
    this.#parallel = storage.kind === 'postgres' ? 4 : 1;
    this.#lingerMs = storage.kind === 'pglite' ? lingerMs : 0;
  }

  submit(principal: Principal, command: Command): Promise<Outcome> {
    return new Promise<Outcome>((resolve, reject) => {
      const key = { principal: principalKey(principal), commandId: command.id, type: command.type };
      const messageId = newMessageId();
      this.#waiting.push({ principal, command, messageId, key, resolve, reject });
      if (this.#scheduled || this.#running >= this.#parallel) return;
      this.#scheduled = true;
      this.#running++;
      // After this I/O phase, so the frames that arrived together share the batch.
      setImmediate(() => void this.#drain());
    });
  }

  async #drain(): Promise<void> {
    this.#scheduled = false;
    try {
      let startedAt = performance.now();
      let stored = this.#store(this.#waiting.splice(0, maxBatch));
      for (;;) {
        const done = await stored;
        const linger = startedAt + this.#lingerMs - performance.now();
        const lingering = done.batch.length < smallBatch && linger > 0;
        if (lingering) {
          // A few sends: answer them now, and let more gather for the next batch.
          this.#answer(done);
          await sleep(linger);
        }
        // Hand the next batch to the database before answering this one: the answers'
        // fan-out (events, acks, socket writes) then overlaps the database's work.
        startedAt = performance.now();
        const next =
          this.#waiting.length > 0 ? this.#store(this.#waiting.splice(0, maxBatch)) : null;
        if (!lingering) this.#answer(done);
        if (!next) break;
        stored = next;
      }
    } finally {
      this.#running--;
    }
  }

  /** Stores a batch; a batch that failed as a whole comes back with every send to run alone. */
  async #store(batch: Pending[]): Promise<StoredBatch> {
    // A command id twice in one batch (a retry on a second socket): the first runs in the
    // batch, the repeat after its commit, when it finds the stored answer.
    const seen = new Set<string>();
    const unique = batch.filter((item) => !seen.has(keyOf(item.key)) && seen.add(keyOf(item.key)));
    try {
      const items = unique.map(({ principal, command, messageId }) => ({
        principal,
        command,
        messageId,
      }));
      const stored = await this.storage.call(storeSendBatch, {
        items,
        lockCounters: this.storage.kind === 'postgres',
      });
      return { batch, unique, ...stored };
    } catch {
      // Nothing of the batch is stored; each send gets its own transaction and its own answer.
      return { batch, unique, at: '', verdicts: unique.map(() => ({ alone: true })) };
    }
  }

  #answer({ batch, unique, at, verdicts }: StoredBatch): void {
    const alone: Pending[] = [];
    verdicts.forEach((verdict, i) => {
      const item = unique[i]!;
      if (typeof verdict === 'number') item.resolve(storedOutcome(item, at, verdict));
      else if ('done' in verdict) item.resolve(verdict.done);
      else if ('failed' in verdict) item.reject(refusal(verdict));
      else alone.push(item);
    });
    const first = new Set(unique);
    const repeats = batch.filter((item) => !first.has(item));
    for (const item of [...alone, ...repeats]) this.#runAlone(item);
  }

  #runAlone({ principal, command, resolve, reject }: Pending): void {
    runOnce(this.storage, principal, command, (tx) => this.one(tx, principal, command)).then(
      resolve,
      reject,
    );
  }
}
