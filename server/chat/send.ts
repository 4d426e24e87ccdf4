import type { ConversationStart, EventFrame } from '../../protocol/index.js';
import type { Principal } from '../auth/index.js';
import { HubError } from '../errors.js';
import type { EffectCommand } from '../realtime/command-types.js';
import type { Queryable } from '../storage/index.js';
import { appendEvent, conversationStream, deskStream } from '../streams/index.js';
import {
  findConversation,
  offerTo,
  openConversationFor,
  type ConversationRow,
} from './conversation-store.js';
import { conversationUpdated } from './desk-events.js';
import { startConversation } from './conversation-start.js';
import { messageExtras } from './message-extras.js';
import { insertMessage } from './message-store.js';
import { takeLongestIdle } from './presence-store.js';
import { chatSendSchema } from './schemas.js';
import type { DeskSettingsOf } from './settings.js';

export const maxTextLength = 4000;

/**
 * `chat.send`: store the message and its `message.created` event. A visitor's first message
 * queues a conversation and offers it to the longest-idle available agent; while it waits,
 * each visitor message updates its preview on the desk. Active conversations do not touch
 * the desk stream per message (its counter row would serialize every message of the site):
 * agents follow the previews of their own conversations on the `conv:` streams.
 */
export function chatSend(settingsOf: DeskSettingsOf): EffectCommand {
  return {
    kind: 'effect',
    schema: chatSendSchema,
    run: (tx, principal, command) => send(tx, principal, command.id, command, settingsOf),
  };
}

async function send(
  tx: Queryable,
  principal: Principal,
  commandId: string,
  command: Record<string, unknown>,
  settingsOf: DeskSettingsOf,
): Promise<{ result: unknown; events: EventFrame[] }> {
  const extras = await messageExtras(tx, principal, command);
  const text = checkedText(command.text as string, !!extras?.attachments?.length);
  const requestedId = command.conversationId as string | undefined;
  const events: EventFrame[] = [];

  let conversation: ConversationRow | null = null;
  let queuedAt: string | null = null;
  if (requestedId) conversation = await writableConversation(tx, principal, requestedId);
  if (!conversation && principal.role === 'visitor') {
    const open = await openConversationFor(tx, principal.siteKey, principal.id);
    conversation = open.conversation;
    if (open.created) queuedAt = open.createdAt;
  }
  if (!conversation)
    throw new HubError('protocol.invalid_message', 'an agent must name the conversationId');

  const message = await insertMessage(
    tx,
    conversation.id,
    principal,
    commandId,
    text,
    false,
    extras,
  );
  const created = await appendEvent(tx, conversationStream(conversation.id), {
    type: 'message.created',
    message,
  });
  events.push(created);
  if (queuedAt) {
    await startConversation(tx, principal, conversation.id, command.start as ConversationStart);
    const { maxChatsPerAgent } = settingsOf(principal.siteKey);
    const offeredTo = await takeLongestIdle(tx, principal.siteKey, maxChatsPerAgent);
    if (offeredTo) await offerTo(tx, conversation.id, offeredTo);
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
          offeredTo,
        },
      }),
    );
  } else if (conversation.status === 'waiting') {
    events.push((await conversationUpdated(tx, principal.siteKey, conversation.id)).frame);
  }
  return { result: { conversationId: conversation.id, message, seq: created.seq }, events };
}

/** Trimmed text of 1–4000 characters; empty is allowed when the message carries files. */
export function checkedText(raw: string, allowEmpty = false): string {
  const text = raw.trim();
  const length = [...text].length;
  if ((length < 1 && !allowEmpty) || length > maxTextLength) {
    throw new HubError('protocol.invalid_message', `text must be 1–${maxTextLength} characters`);
  }
  return text;
}

/**
 * Visitors write to their own open conversations; agents to the ones they accepted.
 * Null when a visitor names their own closed conversation: the message starts a new one.
 */
async function writableConversation(
  tx: Queryable,
  principal: Principal,
  id: string,
): Promise<ConversationRow | null> {
  const conversation = await findConversation(tx, principal.siteKey, id);
  if (!conversation)
    throw new HubError('conversation.not_found', `no conversation ${id} on this site`);
  if (principal.role === 'visitor' && conversation.visitor_id !== principal.id) {
    throw new HubError('auth.forbidden', 'this conversation belongs to another visitor');
  }
  if (conversation.status === 'closed') {
    if (principal.role === 'visitor') return null;
    throw new HubError('conversation.closed', 'the conversation is closed');
  }
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
