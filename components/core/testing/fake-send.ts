import type {
  ChatMessage,
  CommandResults,
  ConversationStart,
  ConversationSummary,
  StreamName,
} from '../../../protocol/index.js';
import { newCommandId } from '../hub/command-id.js';
import type { HubError, Principal } from '../hub/hub-connection.js';
import type { FakeAgents } from './fake-agents.js';
import type { FakeAttachments } from './fake-attachments.js';
import type { FakeConversationCommands } from './fake-conversation-commands.js';
import type { FakeEndOfChat } from './fake-end-of-chat.js';
import type { FakeEventLog } from './fake-event-log.js';
import type { FakeQueues } from './fake-queues.js';

type Fields = Record<string, unknown>;

const hubError = (code: string, message: string): HubError => ({ code, message });

/** The fake hub's `chat.send`: a visitor's first message opens a conversation and queues it. */
export class FakeSend {
  constructor(
    private readonly deps: {
      siteKey: string;
      conversations: Map<string, ConversationSummary>;
      log: FakeEventLog;
      agents: FakeAgents;
      commands: FakeConversationCommands;
      attachments: FakeAttachments;
      queues: FakeQueues;
      endOfChat: FakeEndOfChat;
      authorize(principal: Principal, stream: StreamName): void;
    },
  ) {}

  send(principal: Principal, fields: Fields, id = newCommandId()): CommandResults['chat.send'] {
    const text = String(fields.text ?? '');
    const ids = (fields.attachmentIds as string[] | undefined) ?? [];
    if ((text.length < 1 && !ids.length) || text.length > 4000)
      throw hubError('protocol.invalid_message', 'text must be 1–4000 characters');
    const attachments = ids.length ? this.deps.attachments.attach(ids, principal.principalId) : [];
    const conversation = this.conversationFor(
      principal,
      fields.conversationId as string | undefined,
      fields.start as ConversationStart | undefined,
      text,
    );
    const message: ChatMessage = {
      id: newCommandId(),
      conversationId: conversation.id,
      clientMessageId: id,
      author: {
        role: principal.role,
        id: principal.principalId,
        ...(principal.name ? { name: principal.name } : {}),
      },
      text,
      createdAt: new Date().toISOString(),
      ...(Array.isArray(fields.quickReplies) && fields.quickReplies.length
        ? { quickReplies: fields.quickReplies as string[] }
        : {}),
      ...(attachments.length ? { attachments } : {}),
    };
    this.deps.commands.remember(conversation.id, text);
    const seq = this.deps.log.append(`conv:${conversation.id}`, {
      type: 'message.created',
      message,
    });
    Object.assign(conversation, {
      lastText: text,
      lastFrom: principal.role,
      lastAt: message.createdAt,
      lastSeq: seq,
    });
    this.deps.log.append(`desk:${this.deps.siteKey}`, {
      type: 'conversation.updated',
      conversation: { ...conversation },
    });
    return { conversationId: conversation.id, message, seq };
  }

  /** `text`: the first message's, which the hub's `conversation.queued` carries. */
  private conversationFor(
    principal: Principal,
    conversationId: string | undefined,
    start: ConversationStart | undefined,
    text: string,
  ): ConversationSummary {
    if (conversationId) {
      const conversation = this.deps.conversations.get(conversationId);
      if (!conversation) throw hubError('conversation.not_found', 'No such conversation.');
      this.deps.authorize(principal, `conv:${conversationId}`);
      if (principal.role === 'agent' && conversation.agentId !== principal.principalId) {
        throw hubError('auth.forbidden', 'Accept the conversation first.');
      }
      if (conversation.status !== 'closed') return conversation;
      // A visitor's next message after a close starts a new conversation.
      if (principal.role === 'agent')
        throw hubError('conversation.closed', 'The conversation is closed.');
    }
    if (principal.role !== 'visitor')
      throw hubError('protocol.invalid_message', 'conversationId is required.');
    const open = [...this.deps.conversations.values()].find(
      (c) => c.visitorId === principal.principalId && c.status !== 'closed',
    );
    if (open) return open;
    const conversation: ConversationSummary = {
      id: newCommandId(),
      status: 'waiting',
      visitorId: principal.principalId,
      agentId: null,
      agentName: null,
      createdAt: new Date().toISOString(),
      lastText: text,
      lastSeq: 0,
      offeredTo: this.deps.agents.longestIdle(),
      queueId: this.deps.queues.resolve(start?.queueId),
    };
    this.deps.conversations.set(conversation.id, conversation);
    this.deps.endOfChat.started(conversation, start);
    this.deps.log.append(`desk:${this.deps.siteKey}`, {
      type: 'conversation.queued',
      conversation: { ...conversation },
    });
    return conversation;
  }
}
