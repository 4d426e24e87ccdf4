import type {
  ChatMessage,
  CommandResults,
  ConversationSummary,
  StreamName,
} from '../../../protocol/index.js';
import { newCommandId } from '../hub/command-id.js';
import type { HubError, Principal } from '../hub/hub-connection.js';
import type { FakeAgents } from './fake-agents.js';
import type { FakeEventLog } from './fake-event-log.js';

type Fields = Record<string, unknown>;

const hubError = (code: string, message: string): HubError => ({ code, message });

/** What the conversation commands need of the fake hub. */
export interface FakeDeskState {
  siteKey: string;
  maxChatsPerAgent: number;
  conversations: Map<string, ConversationSummary>;
  log: FakeEventLog;
  agents: FakeAgents;
  authorize(principal: Principal, stream: StreamName): void;
}

/**
 * The fake hub's commands on a conversation once it exists: accept, transfer, close,
 * internal notes, and the search over what was written.
 */
export class FakeConversationCommands {
  /** Texts of messages and notes per conversation, for `conversations.search`. */
  private readonly texts = new Map<string, string[]>();

  constructor(private readonly state: FakeDeskState) {}

  accept(principal: Principal, fields: Fields): CommandResults['chat.accept'] {
    if (principal.role !== 'agent') throw hubError('auth.forbidden', 'Agents only.');
    const conversation = this.state.conversations.get(String(fields.conversationId));
    if (!conversation) throw hubError('conversation.not_found', 'No such conversation.');
    if (conversation.agentId && conversation.agentId !== principal.principalId) {
      throw hubError('conversation.already_accepted', 'Another agent accepted first.');
    }
    if (conversation.status === 'closed')
      throw hubError('conversation.closed', 'The conversation is closed.');
    if (!conversation.agentId) {
      if (this.state.agents.activeChats(principal.principalId) >= this.state.maxChatsPerAgent)
        throw hubError('agent.at_capacity', 'You already handle the most conversations allowed.');
      Object.assign(conversation, {
        status: 'active',
        agentId: principal.principalId,
        agentName: principal.name,
        offeredTo: null,
      });
      const seq = this.state.log.append(`conv:${conversation.id}`, {
        type: 'conversation.accepted',
        conversationId: conversation.id,
        agentId: principal.principalId,
        agentName: principal.name ?? '',
      });
      conversation.lastSeq = seq;
      this.state.log.append(`desk:${this.state.siteKey}`, {
        type: 'conversation.updated',
        conversation: { ...conversation },
      });
      this.state.agents.announce(principal);
    }
    return { conversation: { ...conversation } };
  }

  transfer(principal: Principal, fields: Fields, id: string): CommandResults['chat.transfer'] {
    const conversation = this.handled(principal, String(fields.conversationId));
    const toAgentId = fields.toAgentId as string | undefined;
    if (fields.toQueueId !== undefined) conversation.queueId = String(fields.toQueueId);
    if (toAgentId && !this.state.agents.has(toAgentId))
      throw hubError('agent.not_found', `No agent ${toAgentId} on this site.`);
    this.note(principal, conversation.id, String(fields.note ?? ''), id);
    Object.assign(conversation, {
      status: 'waiting',
      agentId: null,
      agentName: null,
      offeredTo: toAgentId ?? null,
    });
    conversation.lastSeq = this.state.log.append(`conv:${conversation.id}`, {
      type: 'conversation.transferred',
      conversationId: conversation.id,
    });
    this.state.log.append(`desk:${this.state.siteKey}`, {
      type: 'conversation.updated',
      conversation: { ...conversation },
    });
    this.state.agents.announce(principal);
    return { conversation: { ...conversation } };
  }

  close(principal: Principal, fields: Fields): CommandResults['chat.close'] {
    const conversation = this.state.conversations.get(String(fields.conversationId));
    if (!conversation) throw hubError('conversation.not_found', 'No such conversation.');
    if (conversation.status === 'closed')
      throw hubError('conversation.closed', 'The conversation is closed.');
    this.state.authorize(principal, `conv:${conversation.id}`);
    const agentId = conversation.agentId;
    Object.assign(conversation, { status: 'closed', offeredTo: null });
    conversation.lastSeq = this.state.log.append(`conv:${conversation.id}`, {
      type: 'conversation.closed',
      conversationId: conversation.id,
    });
    this.state.log.append(`desk:${this.state.siteKey}`, {
      type: 'conversation.updated',
      conversation: { ...conversation },
    });
    if (agentId) this.state.agents.announce(this.state.agents.principal({ id: agentId }));
    return { conversation: { ...conversation } };
  }

  note(principal: Principal, conversationId: string, text: string, id: string): ChatMessage {
    if (principal.role !== 'agent') throw hubError('auth.forbidden', 'Agents only.');
    const conversation = this.state.conversations.get(conversationId);
    if (!conversation) throw hubError('conversation.not_found', 'No such conversation.');
    if (!text.trim()) throw hubError('protocol.invalid_message', 'text must be 1–4000 characters');
    const note: ChatMessage = {
      id: newCommandId(),
      conversationId,
      clientMessageId: id,
      author: {
        role: 'agent',
        id: principal.principalId,
        ...(principal.name ? { name: principal.name } : {}),
      },
      text,
      createdAt: new Date().toISOString(),
    };
    this.remember(conversationId, text);
    conversation.lastSeq = this.state.log.append(`conv:${conversationId}`, {
      type: 'note.created',
      note,
    });
    return note;
  }

  search(principal: Principal, query: string): CommandResults['conversations.search'] {
    if (principal.role !== 'agent') throw hubError('auth.forbidden', 'Agents only.');
    const needle = query.trim().toLowerCase();
    if (!needle) throw hubError('protocol.invalid_message', 'conversations.search: query is blank');
    const found = [...this.state.conversations.values()]
      .filter((c) => this.texts.get(c.id)?.some((text) => text.toLowerCase().includes(needle)))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return { conversations: found.slice(0, 50).map((c) => ({ ...c })) };
  }

  /** Only the handling agent may transfer an active conversation. */
  handled(principal: Principal, conversationId: string): ConversationSummary {
    if (principal.role !== 'agent') throw hubError('auth.forbidden', 'Agents only.');
    const conversation = this.state.conversations.get(conversationId);
    if (!conversation) throw hubError('conversation.not_found', 'No such conversation.');
    if (conversation.status !== 'active' || conversation.agentId !== principal.principalId)
      throw hubError('auth.forbidden', 'Only the handling agent may do this.');
    return conversation;
  }

  remember(conversationId: string, text: string): void {
    this.texts.set(conversationId, [...(this.texts.get(conversationId) ?? []), text]);
  }
}
