import type { ConversationSummary, EventFrame } from '../../protocol/index.js';
import type { Queryable } from '../storage/index.js';
import { appendEvent, deskStream } from '../streams/index.js';
import { conversationSummary } from './conversation-store.js';
import { agentPresence } from './presence-store.js';

/** `conversation.updated` on the site's desk, with the conversation as it is now. */
export async function conversationUpdated(
  tx: Queryable,
  siteKey: string,
  id: string,
): Promise<{ conversation: ConversationSummary; frame: EventFrame }> {
  const conversation = await conversationSummary(tx, id);
  const frame = await appendEvent(tx, deskStream(siteKey), {
    type: 'conversation.updated',
    conversation,
  });
  return { conversation, frame };
}

/** `agent.updated` on the site's desk: the agent's status and load as they are now. */
export async function agentUpdated(
  tx: Queryable,
  siteKey: string,
  agentId: string,
): Promise<EventFrame[]> {
  const agent = await agentPresence(tx, siteKey, agentId);
  return agent
    ? [await appendEvent(tx, deskStream(siteKey), { type: 'agent.updated', agent })]
    : [];
}
