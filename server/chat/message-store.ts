import { randomUUID } from 'node:crypto';
import type { ChatMessage, MessageExtras } from '../../protocol/index.js';
import type { Principal } from '../auth/index.js';
import type { Queryable } from '../storage/index.js';
import { toIso } from '../streams/index.js';

export async function insertMessage(
  tx: Queryable,
  conversationId: string,
  author: Principal,
  clientMessageId: string,
  text: string,
  /** An internal note: agents only, never delivered to the visitor. */
  internal = false,
  extras: MessageExtras | null = null,
): Promise<ChatMessage> {
  const id = randomUUID();
  const [row] = await tx.query<{ created_at: Date }>(
    `INSERT INTO messages (id, conversation_id, client_message_id, author_role, author_id, author_name, text, internal, extras)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     RETURNING created_at`,
    [
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
  return {
    id,
    conversationId,
    clientMessageId,
    author: { role: author.role, id: author.id, ...(author.name ? { name: author.name } : {}) },
    text,
    createdAt: toIso(row!.created_at),
    ...extras,
  };
}

/** A message as `insertMessage` returns it, for a batch that stores it later. */
export function newMessage(
  conversationId: string,
  author: Principal,
  clientMessageId: string,
  text: string,
  createdAt: string,
  id: string = randomUUID(),
): ChatMessage {
  return {
    id,
    conversationId,
    clientMessageId,
    author: { role: author.role, id: author.id, ...(author.name ? { name: author.name } : {}) },
    text,
    createdAt,
  };
}
