import type { ChatMessage, EventFrame, StreamEvent } from '../../protocol/index.js';
import { conversationStream } from './names.js';

/**
 * A conversation's messages and notes are stored once, as rows of `messages` that carry
 * their seq in the conversation's stream; they are its `message.created` and
 * `note.created` events, rebuilt here on replay. Writing a copy of each into
 * `stream_events` as well cost a third of a chat send's writes.
 */
export interface MessageRow {
  seq: number;
  id: string;
  conversation_id: string;
  client_message_id: string;
  author_role: 'visitor' | 'agent';
  author_id: string;
  author_name: string | null;
  text: string;
  internal: boolean;
  extras: Partial<ChatMessage> | null;
  /** created_at: the time of its transaction, as for any event. */
  at: Date | string;
}

/** The columns `messageEventFrame` reads besides seq and at (created_at), with their types. */
export const messageColumnList = [
  ['id', 'text'],
  ['conversation_id', 'text'],
  ['client_message_id', 'text'],
  ['author_role', 'text'],
  ['author_id', 'text'],
  ['author_name', 'text'],
  ['text', 'text'],
  ['internal', 'boolean'],
  ['extras', 'jsonb'],
] as const;

export const messageColumns = messageColumnList.map(([name]) => name).join(', ');

/** Signs a fresh download link for an attachment id (replays do not hand out stale ones). */
export type SignLink = (attachmentId: string) => string;

/** The message as its event showed it; with `signLink`, its files' links signed anew. */
export function messageFromRow(
  row: Omit<MessageRow, 'seq' | 'internal'>,
  signLink?: SignLink,
): ChatMessage {
  const author = row.author_name
    ? { role: row.author_role, id: row.author_id, name: row.author_name }
    : { role: row.author_role, id: row.author_id };
  const message: ChatMessage = {
    id: row.id,
    conversationId: row.conversation_id,
    clientMessageId: row.client_message_id,
    author,
    text: row.text,
    createdAt: toIso(row.at),
    ...row.extras,
  };
  if (signLink && message.attachments) {
    message.attachments = message.attachments.map((file) => ({ ...file, url: signLink(file.id) }));
  }
  return message;
}

/**
 * A message's event in its conversation's stream, at the message's time: a note for
 * agents, or a message for both sides. Live (a send, a batch) and replayed alike.
 */
export function messageFrame(seq: number, message: ChatMessage, internal = false): EventFrame {
  const event: StreamEvent = internal
    ? { type: 'note.created', note: message }
    : { type: 'message.created', message };
  const stream = conversationStream(message.conversationId);
  return { v: 1, type: 'event', stream, seq, at: message.createdAt, event };
}

/** A stored message row as its event, its download links signed anew with `signLink`. */
export function messageEventFrame(row: MessageRow, signLink?: SignLink): EventFrame {
  return messageFrame(row.seq, messageFromRow(row, signLink), row.internal);
}

export function toIso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}
