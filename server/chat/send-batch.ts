import type { ChatMessage, EventFrame, StreamName } from '../../protocol/index.js';
import { principalKey, type Principal } from '../auth/index.js';
import { HubError } from '../errors.js';
import type { Command } from '../realtime/command-types.js';
import { runOnce } from '../realtime/idempotency.js';
import type { Queryable, Storage } from '../storage/index.js';
import { conversationStream } from '../streams/index.js';
import { newMessage } from './message-store.js';
import {
  keyOf,
  readBatch,
  writeBatch,
  type BatchState,
  type CommandKey,
} from './send-batch-store.js';
import { checkedText, checkedWritable } from './send-checks.js';

type Outcome = { result: unknown; events: EventFrame[] };
type OneSend = (tx: Queryable, principal: Principal, command: Command) => Promise<Outcome>;

interface Pending {
  principal: Principal;
  command: Command;
  key: CommandKey;
  resolve(outcome: Outcome): void;
  reject(error: unknown): void;
}

/** What the batch did with one send: stored it, refused it, or left it to run on its own. */
type Verdict = { done: Outcome } | { failed: unknown } | { alone: true };

/** Most sends one transaction stores; bounds how long one batch holds PGlite's thread. */
const maxBatch = 256;

/** A plain send carries only these; anything more (extras, `start`) runs through `send`. */
const plainFields = new Set(['v', 'type', 'id', 'text', 'conversationId']);

/**
 * Stores the `chat.send`s that arrive together in one transaction of two statements (one
 * read, one write: `send-batch-store.ts`) instead of about six statements each: on PGlite,
 * the per-statement cost dominates. One batch runs at a time; the sends that queue
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

  constructor(
    private readonly storage: Storage,
    private readonly one: OneSend,
  ) {
    this.#parallel = storage.kind === 'postgres' ? 4 : 1;
  }

  submit(principal: Principal, command: Command): Promise<Outcome> {
    return new Promise<Outcome>((resolve, reject) => {
      const key = { principal: principalKey(principal), commandId: command.id, type: command.type };
      this.#waiting.push({ principal, command, key, resolve, reject });
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
      while (this.#waiting.length > 0) {
        await this.#runBatch(this.#waiting.splice(0, maxBatch));
        // Let the sockets read what arrived meanwhile before the next batch.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      this.#running--;
    }
  }

  async #runBatch(batch: Pending[]): Promise<void> {
    // A command id twice in one batch (a retry on a second socket): the first runs in the
    // batch, the repeat after its commit, when it finds the stored answer.
    const seen = new Set<string>();
    const unique = batch.filter((item) => !seen.has(keyOf(item.key)) && seen.add(keyOf(item.key)));
    let verdicts: Verdict[];
    try {
      verdicts = await this.storage.transaction((tx) => storeBatch(tx, unique));
    } catch {
      // Nothing of the batch is stored; each send gets its own transaction and its own answer.
      verdicts = unique.map(() => ({ alone: true }));
    }
    const alone: Pending[] = [];
    verdicts.forEach((verdict, i) => {
      const item = unique[i]!;
      if ('done' in verdict) item.resolve(verdict.done);
      else if ('failed' in verdict) item.reject(verdict.failed);
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

/** The batch's transaction: a verdict per send, in order. */
async function storeBatch(tx: Queryable, items: Pending[]): Promise<Verdict[]> {
  const named = items.map((item) => item.command.conversationId as string | undefined);
  const state = await readBatch(
    tx,
    items.map((item) => item.key),
    [...new Set(named.filter((id): id is string => !!id))],
  );
  const verdicts: Verdict[] = new Array(items.length);
  const lastSeqs = new Map<StreamName, number>();
  const frames: EventFrame[] = [];
  const messages: ChatMessage[] = [];
  const results: Array<{ key: CommandKey; result: unknown }> = [];
  items.forEach((item, index) => {
    const answer = state.stored.get(keyOf(item.key));
    if (answer) {
      verdicts[index] =
        answer instanceof HubError
          ? { failed: answer }
          : { done: { result: answer.result, events: [] } };
      return;
    }
    const verdict = plainSend(item, state);
    if (!('plain' in verdict)) return void (verdicts[index] = verdict);
    const { conversationId, text } = verdict.plain;
    const stream = conversationStream(conversationId);
    const seq = (lastSeqs.get(stream) ?? state.lastSeqs.get(stream)!) + 1;
    lastSeqs.set(stream, seq);
    const message = newMessage(conversationId, item.principal, item.command.id, text, state.at);
    const frame: EventFrame = {
      v: 1,
      type: 'event',
      stream,
      seq,
      at: state.at,
      event: { type: 'message.created', message },
    };
    const result = { conversationId, message, seq };
    frames.push(frame);
    messages.push(message);
    results.push({ key: item.key, result });
    verdicts[index] = { done: { result, events: [frame] } };
  });
  await writeBatch(tx, { lastSeqs, frames, messages, results });
  return verdicts;
}

/**
 * A plain message to an active conversation goes in the batch; the checks are the same as
 * `send`'s, in the same order, so a refused send gets the same error either way.
 */
function plainSend(
  item: Pending,
  { conversations, lastSeqs }: BatchState,
): { plain: { conversationId: string; text: string } } | Verdict {
  const { principal, command } = item;
  const conversationId = command.conversationId as string | undefined;
  if (!conversationId || Object.keys(command).some((field) => !plainFields.has(field))) {
    return { alone: true };
  }
  try {
    const text = checkedText(command.text as string);
    const found = conversations.get(conversationId);
    const row = found?.site_key === principal.siteKey ? found : null;
    // Another visitor's: maybe the same verified customer's, which takes a query (send's path).
    if (principal.role === 'visitor' && row && row.visitor_id !== principal.id)
      return { alone: true };
    const conversation = checkedWritable(principal, conversationId, row);
    // A visitor's closed conversation (a new one starts), a waiting one (its desk preview
    // changes), or one whose stream has no counter yet.
    if (conversation?.status !== 'active' || !lastSeqs.has(conversationStream(conversationId))) {
      return { alone: true };
    }
    return { plain: { conversationId, text } };
  } catch (error) {
    return { failed: error };
  }
}
