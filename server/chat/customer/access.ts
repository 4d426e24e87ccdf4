import type { ConversationSummary } from '../../../protocol/index.js';
import { customerIdOf, type Principal } from '../../auth/index.js';
import type { Queryable } from '../../storage/index.js';
import { conversationSummary, type ConversationRow } from '../conversation-store.js';

/**
 * Whether a visitor's session may read and write a conversation. A verified customer's is
 * for the sessions verified as that customer (the identity token of `hello` or
 * `visitor.identify`), on any of their devices: the next person at a browser the customer
 * signed out of never reaches it, though they hold the same visitor token. An anonymous one
 * is for its visitor's anonymous sessions: the customer signing in again at that browser
 * does not get the next person's question (one they asked themselves before signing in
 * became theirs: `visitor.identify`).
 */
export function visitorMayAccess(
  principal: Principal,
  conversation: Pick<ConversationRow, 'visitor_id' | 'customer_id'>,
): boolean {
  const customerId = customerIdOf(principal);
  if (conversation.customer_id) return customerId === conversation.customer_id;
  return conversation.visitor_id === principal.id && customerId === null;
}

/** Open conversations the session's customer started on other devices, newest first. */
export async function customerOpenConversations(
  db: Queryable,
  principal: Principal,
): Promise<ConversationSummary[]> {
  if (!principal.customer) return [];
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM conversations
     WHERE site_key = $1 AND customer_id = $2 AND visitor_id <> $3 AND status <> 'closed'
     ORDER BY created_at DESC, id LIMIT 20`,
    [principal.siteKey, principal.customer.customerId, principal.id],
  );
  const summaries: ConversationSummary[] = [];
  for (const { id } of rows) summaries.push(await conversationSummary(db, id));
  return summaries;
}
