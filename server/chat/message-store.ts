import { randomFillSync } from 'node:crypto';
import {
  timeOrderedUuid,
  type ChatMessage,
  type EventFrame,
  type MessageExtras,
} from '../../protocol/index.js';
import type { Principal } from '../auth/index.js';
import type { Queryable } from '../storage/index.js';
import { conversationStream, messageFrame, toIso } from '../streams/index.js';

/**
 * Stores a message (or an internal note) at the next seq of its conversation's stream, in
 * one statement: the row is the event (`streams/message-events.ts`). The counter row stays
 * locked until the transaction ends, so seqs follow commit order without holes.
 */
export async function appendMessage(
  tx: Queryable,
  conversationId: string,
  author: Principal,
  clientMessageId: string,
  text: string,
  /** An internal note: agents only, never delivered to the visitor. */
  internal = false,
  extras: MessageExtras | null = null,
): Promise<{ message: ChatMessage; frame: EventFrame }> {
  const id = newMessageId();
  const stream = conversationStream(conversationId);
  const [row] = await tx.query<{ seq: number; created_at: Date }>(
    `WITH counter AS (
       INSERT INTO stream_counters (stream, last_seq) VALUES ($1, 1)
       ON CONFLICT (stream) DO UPDATE SET last_seq = stream_counters.last_seq + 1
       RETURNING last_seq
     )
     INSERT INTO messages (id, conversation_id, client_message_id, author_role, author_id, author_name, text, internal, extras, seq)
     SELECT $2, $3, $4, $5, $6, $7, $8, $9, $10, last_seq FROM counter
     RETURNING seq, created_at`,
    [
      stream,
      id,
      conversationId,
      clientMessageId,
      author.role,
      author.id,
      author.name,
      text,
      internal,
      extras && JSON.stringify(extras),
    ],
  );
  const at = toIso(row!.created_at);
  const message = {
    ...newMessage(conversationId, author, clientMessageId, text, at, id),
    ...extras,
  };
  return { message, frame: messageFrame(row!.seq, message, internal) };
}

/** A UUID v7: messages are indexed by id, and ids that follow time append to that index. */
export function newMessageId(): string {
  return timeOrderedUuid(randomIdBytes());
}

/** Random bytes drawn 4 KiB at a time: one call into the OS per 256 ids, not one per id. */
const randomPool = Buffer.alloc(4096);
let poolUsed = randomPool.length;

function randomIdBytes(): Uint8Array {
  if (poolUsed === randomPool.length) {
    randomFillSync(randomPool);
    poolUsed = 0;
  }
  poolUsed += 16;
  return randomPool.subarray(poolUsed - 16, poolUsed);
}

/** A message as `appendMessage` stores it, for a batch that stores it later. */
export function newMessage(
  conversationId: string,
  author: Principal,
  clientMessageId: string,
  text: string,
  createdAt: string,
  id: string = newMessageId(),
): ChatMessage {
  return { ...messageDraft(conversationId, author, clientMessageId, text, id), createdAt };
}

/** A message before its time: the database gives that when it stores it. */
export function messageDraft(
  conversationId: string,
  author: Principal,
  clientMessageId: string,
  text: string,
  id: string,
): Omit<ChatMessage, 'createdAt'> {
  return {
    id,
    conversationId,
    clientMessageId,
    author: { role: author.role, id: author.id, ...(author.name ? { name: author.name } : {}) },
    text,
  };
}
