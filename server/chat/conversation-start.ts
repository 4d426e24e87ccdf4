import type { ConversationStart } from '../../protocol/index.js';
import type { Principal } from '../auth/index.js';
import type { Queryable } from '../storage/index.js';

/**
 * Applies what the visitor chose before their first message (`chat.send`'s `start`) to the
 * conversation that send just created, before it is queued and routed: its queue and the
 * pre-chat form's answers. Each is checked against the site's configuration by its owner.
 */
export async function startConversation(
  _tx: Queryable,
  _principal: Principal,
  _conversationId: string,
  start: ConversationStart | undefined,
): Promise<void> {
  if (!start) return;
  // Queues (server/chat/queues/) and the pre-chat form (server/chat/prechat/) apply their parts here.
}
