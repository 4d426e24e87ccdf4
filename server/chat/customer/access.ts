import type { ConversationSummary } from '../../../protocol/index.js';
import type { Principal } from '../../auth/index.js';
import type { Queryable } from '../../storage/index.js';
import { conversationSummary, type ConversationRow } from '../conversation-store.js';

/**
 * Whether a visitor may read and write a conversation: their own, or one of the verified
 * customer they were verified as (an identity token), so the customer continues it from
 * another device. Anonymous visitors stay strictly per browser.
 */
export async function visitorMayAccess(
  db: Queryable,
  principal: Principal,
  conversation: Pick<ConversationRow, 'id' | 'visitor_id'>,
): Promise<boolean> {
  if (conversation.visitor_id === principal.id) return true;
  const rows = await db.query(
    `SELECT 1 FROM conversations c
     JOIN visitor_customers v ON v.site_key = c.site_key AND v.customer_id = c.customer_id
     WHERE c.id = $1 AND c.site_key = $2 AND v.visitor_id = $3`,
    [conversation.id, principal.siteKey, principal.id],
  );
  return rows.length > 0;
}

/** Open conversations the visitor's customer started on other devices, newest first. */
export async function customerOpenConversations(
  db: Queryable,
  principal: Principal,
): Promise<ConversationSummary[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT c.id FROM conversations c
     JOIN visitor_customers v ON v.site_key = c.site_key AND v.customer_id = c.customer_id
     WHERE c.site_key = $1 AND v.visitor_id = $2 AND c.visitor_id <> $2 AND c.status <> 'closed'
     ORDER BY c.created_at DESC, c.id LIMIT 20`,
    [principal.siteKey, principal.id],
  );
  const summaries: ConversationSummary[] = [];
  for (const { id } of rows) summaries.push(await conversationSummary(db, id));
  return summaries;
}

/**
 * A conversation of the visitor's verified customer, presented as the visitor's own so the
 * usual ownership checks pass; anything else unchanged (those checks then refuse it).
 */
export async function asSeenByVisitor<T extends ConversationRow>(
  db: Queryable,
  principal: Principal,
  conversation: T | null,
): Promise<T | null> {
  if (!conversation || principal.role !== 'visitor' || conversation.visitor_id === principal.id)
    return conversation;
  const shared = await visitorMayAccess(db, principal, conversation);
  return shared ? { ...conversation, visitor_id: principal.id } : conversation;
}
