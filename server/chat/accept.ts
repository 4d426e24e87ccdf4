import type { Principal } from '../auth/index.js';
import { HubError } from '../errors.js';
import type { EffectCommand } from '../realtime/command-types.js';
import type { Queryable } from '../storage/index.js';
import { appendEvent, conversationStream } from '../streams/index.js';
import { acceptWaiting, conversationSummary, findConversation } from './conversation-store.js';
import { agentUpdated, conversationUpdated } from './desk-events.js';
import { activeChats, lockAgent, markRouted } from './presence-store.js';
import { chatAcceptSchema } from './schemas.js';
import type { DeskSettingsOf } from './settings.js';

/**
 * `chat.accept`: the first agent wins (a conditional UPDATE, safe under concurrency), and
 * only while below the site's `maxChatsPerAgent` (counted under a lock on the agent's row).
 */
export function chatAccept(settingsOf: DeskSettingsOf): EffectCommand {
  return {
    kind: 'effect',
    schema: chatAcceptSchema,
    async run(tx, principal, command) {
      if (principal.role !== 'agent')
        throw new HubError('auth.forbidden', 'only agents accept conversations');
      const id = command.conversationId as string;
      const agentName = principal.name ?? principal.id;
      const agent = { id: principal.id, name: agentName };

      await lockAgent(tx, principal.siteKey, agent);
      if (!(await acceptable(tx, principal, id))) {
        // Already ours (accepted earlier under another command id): nothing new to announce.
        return { result: { conversation: await conversationSummary(tx, id) }, events: [] };
      }
      const limit = settingsOf(principal.siteKey).maxChatsPerAgent;
      if ((await activeChats(tx, principal.siteKey, principal.id)) >= limit) {
        throw new HubError(
          'agent.at_capacity',
          `you already handle ${limit} conversations, the most this site allows`,
        );
      }
      if (!(await acceptWaiting(tx, principal.siteKey, id, agent))) {
        // Another agent was first between our check and our update.
        await acceptable(tx, principal, id);
        return { result: { conversation: await conversationSummary(tx, id) }, events: [] };
      }
      await markRouted(tx, principal.siteKey, principal.id);

      const accepted = await appendEvent(tx, conversationStream(id), {
        type: 'conversation.accepted',
        conversationId: id,
        agentId: principal.id,
        agentName,
      });
      const { conversation, frame } = await conversationUpdated(tx, principal.siteKey, id);
      const load = await agentUpdated(tx, principal.siteKey, principal.id);
      return { result: { conversation }, events: [accepted, frame, ...load] };
    },
  };
}

/**
 * True when the conversation is waiting; false when it is already the agent's; otherwise
 * throws why it cannot be accepted.
 */
async function acceptable(tx: Queryable, principal: Principal, id: string): Promise<boolean> {
  const conversation = await findConversation(tx, principal.siteKey, id);
  if (!conversation)
    throw new HubError('conversation.not_found', `no conversation ${id} on this site`);
  if (conversation.status === 'closed')
    throw new HubError('conversation.closed', 'the conversation is closed');
  if (conversation.status === 'waiting') return true;
  if (conversation.agent_id !== principal.id) {
    throw new HubError(
      'conversation.already_accepted',
      'another agent accepted this conversation first',
    );
  }
  return false;
}
