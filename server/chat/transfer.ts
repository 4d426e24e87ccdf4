import { HubError } from '../errors.js';
import type { EffectCommand } from '../realtime/command-types.js';
import { appendEvent, conversationStream } from '../streams/index.js';
import { requeue } from './conversation-store.js';
import { agentUpdated, conversationUpdated } from './desk-events.js';
import { agentsConversation } from './handled-conversation.js';
import { appendMessage } from './message-store.js';
import { siteQueues } from './queues/site-queues.js';
import { agentPresence, takeLongestIdle } from './presence-store.js';
import { chatTransferSchema } from './schemas.js';
import { checkedText } from './send.js';
import type { DeskSettingsOf } from './settings.js';

/**
 * `chat.transfer`: the handling agent hands an active conversation to another agent
 * (offered to them) or back to the queue (offered to the longest-idle other agent), and
 * with `toQueueId` moves it to another queue (keeping its place by the time it was first
 * queued). The note is internal; the visitor sees only `conversation.transferred`. It waits
 * again until someone accepts: the target first, any available agent as a fallback.
 */
export function chatTransfer(settingsOf: DeskSettingsOf): EffectCommand {
  return {
    kind: 'effect',
    schema: chatTransferSchema,
    async run(tx, principal, command) {
      const id = command.conversationId as string;
      const note = checkedText(command.note as string);
      const toAgentId = command.toAgentId as string | undefined;
      const toQueueId = command.toQueueId as string | undefined;
      if (toQueueId !== undefined)
        siteQueues(settingsOf.site(principal.siteKey)).resolve(toQueueId);
      const conversation = await agentsConversation(tx, principal, id, { handling: true });
      if (conversation.status !== 'active')
        throw new HubError('auth.forbidden', 'accept the conversation before transferring it');
      if (toAgentId === principal.id)
        throw new HubError('protocol.invalid_message', 'the conversation is already yours');
      if (toAgentId && !(await agentPresence(tx, principal.siteKey, toAgentId)))
        throw new HubError('agent.not_found', `no agent ${toAgentId} on this site`);

      const { maxChatsPerAgent } = settingsOf(principal.siteKey);
      const offeredTo =
        toAgentId ?? (await takeLongestIdle(tx, principal.siteKey, maxChatsPerAgent, principal.id));
      await requeue(tx, id, offeredTo);
      if (toQueueId !== undefined)
        await tx.query('UPDATE conversations SET queue_id = $2 WHERE id = $1', [id, toQueueId]);

      const { frame: noted } = await appendMessage(tx, id, principal, command.id, note, true);
      const moved = await appendEvent(tx, conversationStream(id), {
        type: 'conversation.transferred',
        conversationId: id,
      });
      const updated = await conversationUpdated(tx, principal.siteKey, id);
      const load = await agentUpdated(tx, principal.siteKey, principal.id);
      return {
        result: { conversation: updated.conversation },
        events: [noted, moved, updated.frame, ...load],
      };
    },
  };
}
