import type { ConversationStart, EventFrame } from '../../protocol/index.js';
import { customerIdOf, type Principal } from '../auth/index.js';
import { HubError } from '../errors.js';
import type { BatchedEffectCommand, Command } from '../realtime/command-types.js';
import type { Queryable, Storage } from '../storage/index.js';
import { appendEvent, deskStream } from '../streams/index.js';
import {
  findConversation,
  offerTo,
  openConversationFor,
  type ConversationRow,
} from './conversation-store.js';
import { conversationUpdated } from './desk-events.js';
import { startConversation } from './conversation-start.js';
import { messageExtras } from './message-extras.js';
import { appendMessage } from './message-store.js';
import { takeLongestIdle } from './presence-store.js';
import { chatSendSchema } from './schemas.js';
import { SendBatcher } from './send-batch.js';
import { sentBefore } from './send-batch-store.js';
import { checkedText, checkedWritable } from './send-checks.js';
import type { DeskSettingsOf } from './settings.js';

export { checkedText, maxTextLength } from './send-checks.js';

/**
 * `chat.send`: store the message and its `message.created` event. A visitor's first message
 * queues a conversation and offers it to the longest-idle available agent; while it waits,
 * each visitor message updates its preview on the desk. Active conversations do not touch
 * the desk stream per message (its counter row would serialize every message of the site):
 * agents follow the previews of their own conversations on the `conv:` streams.
 * Sends that arrive together are stored as one batch (`send-batch.ts`); the rare kinds
 * (first message, extras, a waiting conversation) run one by one through `send`.
 */
export function chatSend(
  settingsOf: DeskSettingsOf,
  /** Signs the download links of attached files. */
  tokenSecret: string,
): BatchedEffectCommand {
  const batchers = new WeakMap<Storage, SendBatcher>();
  const one = (tx: Queryable, principal: Principal, command: Command) =>
    send(tx, principal, command.id, command, settingsOf, tokenSecret);
  return {
    kind: 'batched',
    schema: chatSendSchema,
    run(storage, principal, command) {
      let batcher = batchers.get(storage);
      if (!batcher) batchers.set(storage, (batcher = new SendBatcher(storage, one)));
      return batcher.submit(principal, command);
    },
  };
}

/** One `chat.send` in its own transaction's `tx`: any kind of send (first message, extras). */
export async function send(
  tx: Queryable,
  principal: Principal,
  commandId: string,
  command: Record<string, unknown>,
  settingsOf: DeskSettingsOf,
  /** Signs the download links of attached files. */
  tokenSecret: string,
): Promise<{ result: unknown; events: EventFrame[] }> {
  const requestedId = command.conversationId as string | undefined;
  // A retry of a send first stored in a batch, which keeps its answer with the message.
  const sent = requestedId && (await sentBefore(tx, requestedId, principal, commandId));
  if (sent) return { result: sent, events: [] };
  const extras = await messageExtras(tx, principal, command, tokenSecret);
  const text = checkedText(command.text as string, !!extras?.attachments?.length);
  const events: EventFrame[] = [];

  let conversation: ConversationRow | null = null;
  let queuedAt: string | null = null;
  if (requestedId) conversation = await writableConversation(tx, principal, requestedId);
  if (!conversation && principal.role === 'visitor') {
    const open = await openConversationFor(
      tx,
      principal.siteKey,
      principal.id,
      customerIdOf(principal),
    );
    conversation = open.conversation;
    if (open.created) queuedAt = open.createdAt;
  }
  if (!conversation)
    throw new HubError('protocol.invalid_message', 'an agent must name the conversationId');

  const { message, frame: created } = await appendMessage(
    tx,
    conversation.id,
    principal,
    commandId,
    text,
    false,
    extras,
  );
  events.push(created);
  if (queuedAt) {
    const start = command.start as ConversationStart | undefined;
    const started = await startConversation(
      tx,
      principal,
      conversation.id,
      start,
      settingsOf.site(principal.siteKey),
    );
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
          ...started,
        },
      }),
    );
  } else if (conversation.status === 'waiting') {
    events.push((await conversationUpdated(tx, principal.siteKey, conversation.id)).frame);
  }
  return { result: { conversationId: conversation.id, message, seq: created.seq }, events };
}

/** Visitors write to their own open conversations; agents to the ones they accepted. */
async function writableConversation(
  tx: Queryable,
  principal: Principal,
  id: string,
): Promise<ConversationRow | null> {
  return checkedWritable(principal, id, await findConversation(tx, principal.siteKey, id));
}
