import type { Principal } from '../auth/index.js';
import { HubError } from '../errors.js';
import type { ConversationRow } from './conversation-store.js';
import { visitorMayAccess } from './customer/access.js';

export const maxTextLength = 4000;

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
 * `conversation` is the one named `id` on the principal's site, or null when there is none.
 * Null when a visitor names their own closed conversation: the message starts a new one.
 */
export function checkedWritable(
  principal: Principal,
  id: string,
  conversation: ConversationRow | null,
): ConversationRow | null {
  if (!conversation)
    throw new HubError('conversation.not_found', `no conversation ${id} on this site`);
  if (principal.role === 'visitor' && !visitorMayAccess(principal, conversation)) {
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
