import type { ConversationStart } from '../../../protocol/index.js';
import type { SiteConfig } from '../../config/index.js';
import type { Queryable } from '../../storage/index.js';
import { siteQueues } from './site-queues.js';

/**
 * The queue part of starting a conversation: the queue the visitor asked for (checked:
 * `queue.not_found`) or the site's first. Outside its hours the conversation still waits in
 * line: the panel offers to leave a message instead, but a visitor who chats anyway is kept.
 */
export async function applyQueue(
  tx: Queryable,
  site: SiteConfig | undefined,
  conversationId: string,
  start: ConversationStart | undefined,
): Promise<{ queueId: string }> {
  const queueId = siteQueues(site).resolve(start?.queueId);
  await tx.query('UPDATE conversations SET queue_id = $2 WHERE id = $1', [conversationId, queueId]);
  return { queueId };
}
