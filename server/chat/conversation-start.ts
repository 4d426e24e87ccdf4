import type { ConversationStart, ConversationSummary } from '../../protocol/index.js';
import type { Principal } from '../auth/index.js';
import type { SiteConfig } from '../config/index.js';
import type { Queryable } from '../storage/index.js';
import { applyPrechat } from './prechat/start.js';
import { applyQueue } from './queues/start.js';

/**
 * Applies what the visitor chose before their first message (`chat.send`'s `start`) to the
 * conversation that send just created, before it is queued and routed: its queue and the
 * pre-chat form's answers. Each is checked against the site's configuration by its owner.
 * Returns what the `conversation.queued` summary shows of it.
 */
export async function startConversation(
  tx: Queryable,
  principal: Principal,
  conversationId: string,
  start: ConversationStart | undefined,
  site: SiteConfig | undefined,
): Promise<Partial<ConversationSummary>> {
  const queue = await applyQueue(tx, site, conversationId, start);
  const prechat = await applyPrechat(tx, site, principal, conversationId, start);
  return { ...queue, ...prechat };
}
