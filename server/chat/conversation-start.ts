import type { ConversationStart, ConversationSummary } from '../../protocol/index.js';
import type { Principal } from '../auth/index.js';
import type { SiteConfig } from '../config/index.js';
import type { Queryable } from '../storage/index.js';
import { applyPrechat } from './prechat/start.js';
import { applyQueue } from './queues/start.js';

/**
 * Applies what the visitor chose before their first message (`chat.send`'s `start`) to the
 * conversation that send just created, before it is queued and routed: its queue, the
 * pre-chat form's answers, and the visitor's language and zone. Each is checked against the
 * site's configuration by its owner. Returns what the `conversation.queued` summary shows of it.
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
  // Kept as given (bounded by the schema): the emails fall back to English and UTC.
  if (principal.role === 'visitor' && (start?.locale || start?.timeZone)) {
    await tx.query('UPDATE conversations SET locale = $2, time_zone = $3 WHERE id = $1', [
      conversationId,
      start.locale || null,
      start.timeZone || null,
    ]);
  }
  return { ...queue, ...prechat };
}
