import type { StreamName } from '../../protocol/index.js';
import type { Queryable } from '../storage/index.js';
import type { ConversationRow } from './conversation-store.js';

type KnownConversation = ConversationRow & { site_key: string };

/** Past this many conversations the memo starts again: it stays a few megabytes at most. */
const maxConversations = 20_000;

/**
 * The conversations and counters the batches of sends read and wrote, kept between batches
 * in the procedure's memo (`Queryable.memo`): on PGlite, while nothing else runs on the
 * database, what the last batch read and wrote is still what it holds, so a batch reads
 * only the conversations it has not seen. Those reads were a third of a batch's time. On
 * PostgreSQL each batch starts with an empty memo and reads (and locks) all of them.
 */
export class SendBatchMemo {
  readonly conversations = new Map<string, KnownConversation>();
  /** Last seq of each known conversation's stream that has a counter. */
  readonly lastSeqs = new Map<StreamName, number>();

  static of(tx: Queryable): SendBatchMemo {
    if (!tx.memo) return new SendBatchMemo();
    return ((tx.memo.sendBatch as SendBatchMemo | undefined) ??= new SendBatchMemo());
  }

  /** Of `ids`, those this memo does not know: the batch reads them. */
  unknown(ids: string[]): string[] {
    if (this.conversations.size + ids.length > maxConversations) this.forget();
    return ids.filter((id) => !this.conversations.has(id));
  }

  /** What a batch read. A conversation without a counter is remembered as such. */
  learn(conversations: Map<string, KnownConversation>, lastSeqs: Map<StreamName, number>): void {
    for (const [id, conversation] of conversations) this.conversations.set(id, conversation);
    for (const [stream, seq] of lastSeqs) this.lastSeqs.set(stream, seq);
  }

  /** The counters a batch moved on. */
  wrote(lastSeqs: Map<StreamName, number>): void {
    for (const [stream, seq] of lastSeqs) this.lastSeqs.set(stream, seq);
  }

  private forget(): void {
    this.conversations.clear();
    this.lastSeqs.clear();
  }
}
