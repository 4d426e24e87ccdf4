import type { Principal } from '../auth/index.js';
import { HubError } from '../errors.js';
import type { Queryable } from '../storage/index.js';
import { findConversation, type ConversationRow } from './conversation-store.js';
import { visitorMayAccess } from './customer/access.js';

/**
 * A conversation the principal takes part in: the visitor's own, or any of the agent's site
 * (as for subscribing to its stream). `writing` also requires that they may send in it now:
 * open for the visitor, active and handled by them for an agent.
 */
export async function participantConversation(
  db: Queryable,
  principal: Principal,
  id: string,
  { writing }: { writing: boolean },
): Promise<ConversationRow> {
  const conversation = await findConversation(db, principal.siteKey, id);
  if (!conversation)
    throw new HubError('conversation.not_found', `no conversation ${id} on this site`);
  if (principal.role === 'visitor' && !visitorMayAccess(principal, conversation))
    throw new HubError('auth.forbidden', 'this conversation belongs to another visitor');
  if (!writing) return conversation;
  if (conversation.status === 'closed')
    throw new HubError('conversation.closed', 'the conversation is closed');
  if (
    principal.role === 'agent' &&
    (conversation.status !== 'active' || conversation.agent_id !== principal.id)
  )
    throw new HubError('auth.forbidden', 'only the agent handling the conversation writes in it');
  return conversation;
}
