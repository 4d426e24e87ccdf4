import type {
  CommandResults,
  ConversationSummary,
  EventFrame,
  StreamName,
} from '../../../protocol/index.js';
import type { HubError, Principal } from '../hub/hub-connection.js';
import type { FakeEventLog } from './fake-event-log.js';

type Fields = Record<string, unknown>;

const hubError = (code: string, message: string): HubError => ({ code, message });

/** What typing and receipts need of the fake hub. */
export interface FakeConversationsCore {
  conversations: Map<string, ConversationSummary>;
  log: FakeEventLog;
  authorize(principal: Principal, stream: StreamName): void;
}

/**
 * The fake hub's `chat.typing` and `chat.receipt`, with the hub's rules: only who may write
 * says they type; positions count messages and only grow; an advance is a stored event.
 */
export class FakeConversationStates {
  readonly #positions = new Map<string, { deliveredSeq: number; readSeq: number }>();

  constructor(private readonly core: FakeConversationsCore) {}

  typing(principal: Principal, fields: Fields): CommandResults['chat.typing'] {
    const conversationId = String(fields.conversationId);
    const conversation = this.#participant(principal, conversationId);
    if (conversation.status === 'closed')
      throw hubError('conversation.closed', 'The conversation is closed.');
    if (principal.role === 'agent' && conversation.agentId !== principal.principalId)
      throw hubError('auth.forbidden', 'Only the agent handling the conversation writes in it.');
    this.core.log.signal(`conv:${conversationId}`, {
      type: 'typing',
      conversationId,
      author: authorOf(principal),
      active: fields.active === true,
    });
    return { conversationId };
  }

  receipt(principal: Principal, fields: Fields): CommandResults['chat.receipt'] {
    const conversationId = String(fields.conversationId);
    this.#participant(principal, conversationId);
    const stream: StreamName = `conv:${conversationId}`;
    const seq = this.#lastMessageSeq(stream, Number(fields.seq));
    const key = `${conversationId}|${principal.role}:${principal.principalId}`;
    const known = this.#positions.get(key) ?? { deliveredSeq: 0, readSeq: 0 };
    const next = {
      deliveredSeq: Math.max(known.deliveredSeq, seq),
      readSeq: Math.max(known.readSeq, fields.state === 'read' ? seq : 0),
    };
    if (next.deliveredSeq > known.deliveredSeq || next.readSeq > known.readSeq) {
      this.#positions.set(key, next);
      this.core.log.append(stream, {
        type: 'conversation.receipt',
        conversationId,
        reader: authorOf(principal),
        ...next,
      });
    }
    return { conversationId, ...next };
  }

  #participant(principal: Principal, conversationId: string): ConversationSummary {
    const conversation = this.core.conversations.get(conversationId);
    if (!conversation) throw hubError('conversation.not_found', 'No such conversation.');
    this.core.authorize(principal, `conv:${conversationId}`);
    return conversation;
  }

  #lastMessageSeq(stream: StreamName, seq: number): number {
    // The log replays its stored frames synchronously to a new watcher: read them that way.
    let last = 0;
    const stop = this.core.log.watch(stream, 0, (frame: EventFrame) => {
      if (frame.seq <= seq && frame.event.type === 'message.created') last = frame.seq;
    });
    stop();
    return last;
  }
}

function authorOf(principal: Principal) {
  return {
    role: principal.role,
    id: principal.principalId,
    ...(principal.name ? { name: principal.name } : {}),
  };
}
