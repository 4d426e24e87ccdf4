import type { EventFrame } from '../../protocol/index.js';
import type { Principal } from '../auth/index.js';
import { HubError } from '../errors.js';
import type { EffectCommand } from '../realtime/command-types.js';
import type { Queryable } from '../storage/index.js';
import { appendEvent, conversationStream, deskStream } from '../streams/index.js';
import {
  findConversation,
  openConversationFor,
  type ConversationRow,
} from './conversation-store.js';
import { insertMessage } from './message-store.js';
import { chatSendSchema } from './schemas.js';

export const maxTextLength = 4000;

/** `chat.send`: store the message and its `message.created` event; a visitor's first message queues a conversation. */
export const chatSend: EffectCommand = {
  kind: 'effect',
  schema: chatSendSchema,
  async run(tx, principal, command) {
    const text = checkedText(command.text as string);
    const requestedId = command.conversationId as string | undefined;
    const events: EventFrame[] = [];

    let conversation: ConversationRow;
    let queuedAt: string | null = null;
    if (requestedId) {
      conversation = await writableConversation(tx, principal, requestedId);
    } else if (principal.role === 'visitor') {
      const open = await openConversationFor(tx, principal.siteKey, principal.id);
      conversation = open.conversation;
      if (open.created) queuedAt = open.createdAt;
    } else {
      throw new HubError('protocol.invalid_message', 'an agent must name the conversationId');
    }

    const message = await insertMessage(tx, conversation.id, principal, command.id, text);
    const created = await appendEvent(tx, conversationStream(conversation.id), {
      type: 'message.created',
      message,
    });
    events.push(created);
    if (queuedAt) {
      events.push(
        await appendEvent(tx, deskStream(principal.siteKey), {
          type: 'conversation.queued',
          conversation: {
            id: conversation.id,
            status: 'waiting',
            visitorId: principal.id,
            agentId: null,
            agentName: null,
            createdAt: queuedAt,
            lastText: text,
            lastSeq: created.seq,
          },
        }),
      );
    }
    return { result: { conversationId: conversation.id, message, seq: created.seq }, events };
  },
};

function checkedText(raw: string): string {
  const text = raw.trim();
  const length = [...text].length;
  if (length < 1 || length > maxTextLength) {
    throw new HubError('protocol.invalid_message', `text must be 1–${maxTextLength} characters`);
  }
  return text;
}

/** Visitors write to their own open conversations; agents to the ones they accepted. */
async function writableConversation(
  tx: Queryable,
  principal: Principal,
  id: string,
): Promise<ConversationRow> {
  const conversation = await findConversation(tx, principal.siteKey, id);
  if (!conversation)
    throw new HubError('conversation.not_found', `no conversation ${id} on this site`);
  if (principal.role === 'visitor' && conversation.visitor_id !== principal.id) {
    throw new HubError('auth.forbidden', 'this conversation belongs to another visitor');
  }
  if (conversation.status === 'closed')
    throw new HubError('conversation.closed', 'the conversation is closed');
  if (principal.role === 'agent') {
    if (conversation.status === 'waiting') {
      throw new HubError('auth.forbidden', 'accept the conversation before answering');
    }
    if (conversation.agent_id !== principal.id) {
      throw new HubError('auth.forbidden', 'another agent handles this conversation');
    }
  }
  return conversation;
}
