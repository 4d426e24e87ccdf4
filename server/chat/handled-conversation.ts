import type { Principal } from '../auth/index.js';
import { HubError } from '../errors.js';
import type { Queryable } from '../storage/index.js';
import { findConversation, type ConversationRow } from './conversation-store.js';

/** An open conversation of the agent's site; `handling` also requires it to be theirs if active. */
export async function agentsConversation(
  tx: Queryable,
  principal: Principal,
  id: string,
  { handling }: { handling: boolean },
): Promise<ConversationRow> {
  if (principal.role !== 'agent') throw new HubError('auth.forbidden', 'agents only');
  const conversation = await findConversation(tx, principal.siteKey, id);
  if (!conversation)
    throw new HubError('conversation.not_found', `no conversation ${id} on this site`);
  if (conversation.status === 'closed')
    throw new HubError('conversation.closed', 'the conversation is closed');
  if (handling && conversation.status === 'active' && conversation.agent_id !== principal.id) {
    throw new HubError('auth.forbidden', 'another agent handles this conversation');
  }
  return conversation;
}
