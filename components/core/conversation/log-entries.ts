import type {
  AttachmentRef,
  ChatMessage,
  ConversationEvent,
  EventFrame,
  Role,
} from '../../../protocol/index.js';
import type { MessageKey } from '../i18n/en.js';

/** One line of a conversation log: a message (sent, on its way, or failed) or a notice. */
export interface LogEntry {
  /** The client's id of the send, so a pending line and its acked message are one line. */
  key: string;
  kind: 'message' | 'notice';
  author: { role: Role; id: string; name?: string } | null;
  /** A message's text; empty for a notice, which is translated when rendered. */
  text: string;
  /** What a notice says, kept as a message key so a locale switch re-translates it. */
  notice?: { key: MessageKey; values?: Record<string, string> };
  createdAt: string;
  state: 'sent' | 'pending' | 'failed';
  error?: string;
  /** An internal note: shown to agents only, marked as such. */
  internal?: boolean;
  /** The message's seq on the `conv:` stream, once known: receipts are positions on it. */
  seq?: number;
  /** Buttons an agent offered with the message. */
  quickReplies?: string[];
  /** Files sent with the message; while pending, without links (`url` empty). */
  attachments?: AttachmentRef[];
}

/**
 * The lines of one conversation, merged from three sources that may each report the same
 * message: the optimistic pending line, the send's ack and the stream event. Immutable
 * updates, so a Lit `@state` holding it re-renders.
 */
export class LogEntries {
  constructor(readonly entries: readonly LogEntry[] = []) {}

  pending(key: string, text: string, author: LogEntry['author'], internal = false): LogEntries {
    const entry: LogEntry = {
      key,
      kind: 'message',
      author,
      text,
      createdAt: new Date().toISOString(),
      state: 'pending',
      ...(internal ? { internal } : {}),
    };
    return new LogEntries([...this.entries, entry]);
  }

  confirmed(message: ChatMessage, internal = false, seq?: number): LogEntries {
    const known = this.entries.find((each) => each.key === message.clientMessageId)?.seq;
    const entry: LogEntry = {
      key: message.clientMessageId,
      kind: 'message',
      author: message.author,
      text: message.text,
      createdAt: message.createdAt,
      state: 'sent',
      ...(internal ? { internal } : {}),
      ...((seq ?? known) ? { seq: seq ?? known } : {}),
      ...(message.quickReplies?.length ? { quickReplies: message.quickReplies } : {}),
      ...(message.attachments?.length ? { attachments: message.attachments } : {}),
    };
    const index = this.entries.findIndex((each) => each.key === entry.key);
    if (index === -1) return new LogEntries([...this.entries, entry]);
    return new LogEntries(this.entries.map((each, i) => (i === index ? entry : each)));
  }

  /** Shows the files a pending line carries, before the hub has confirmed them. */
  withAttachments(key: string, attachments: AttachmentRef[]): LogEntries {
    if (!attachments.length) return this;
    return new LogEntries(
      this.entries.map((each) => (each.key === key ? { ...each, attachments } : each)),
    );
  }

  failed(key: string, error: string): LogEntries {
    return new LogEntries(
      this.entries.map((each) =>
        each.key === key && each.state === 'pending' ? { ...each, state: 'failed', error } : each,
      ),
    );
  }

  notice(key: string, notice: NonNullable<LogEntry['notice']>, createdAt: string): LogEntries {
    if (this.entries.some((each) => each.key === key)) return this;
    const entry: LogEntry = {
      key,
      kind: 'notice',
      author: null,
      text: '',
      notice,
      createdAt,
      state: 'sent',
    };
    return new LogEntries([...this.entries, entry]);
  }

  /** Applies one event of a `conv:` stream. */
  withEvent(frame: EventFrame): LogEntries {
    const event = frame.event as ConversationEvent;
    const key = `seq:${frame.seq}`;
    switch (event.type) {
      case 'message.created':
        return this.confirmed(event.message, false, frame.seq);
      case 'conversation.accepted':
        return this.notice(
          key,
          { key: 'chat.agentJoined', values: { name: event.agentName } },
          frame.at,
        );
      case 'conversation.closed':
        return this.notice(key, { key: 'chat.closed' }, frame.at);
      case 'conversation.transferred':
        return this.notice(key, { key: 'chat.transferred' }, frame.at);
      case 'note.created':
        return this.confirmed(event.note, true, frame.seq);
      default:
        return this;
    }
  }
}
