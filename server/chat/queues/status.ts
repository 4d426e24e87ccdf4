import type { ChatStatus } from '../../../protocol/index.js';
import type { Principal } from '../../auth/index.js';
import type { SiteConfig } from '../../config/index.js';
import { HubError } from '../../errors.js';
import type { ReadCommand } from '../../realtime/command-types.js';
import type { Queryable } from '../../storage/index.js';
import { visitorMayAccess } from '../customer/access.js';
import { sitePlaces } from './positions.js';
import { chatStatusSchema } from './schemas.js';
import { siteQueues } from './site-queues.js';

/**
 * `chat.status`: whether a queue is open (and when that changes) and, for a waiting
 * conversation, its place in line and estimated wait. Live changes follow as
 * `queue.position` signals on the conversation's stream.
 */
export function chatStatus(siteOf: (siteKey: string) => SiteConfig | undefined): ReadCommand {
  return {
    kind: 'read',
    schema: chatStatusSchema,
    async run(storage, principal, command): Promise<ChatStatus> {
      const queues = siteQueues(siteOf(principal.siteKey));
      const conversationId = command.conversationId as string | undefined;
      const now = new Date();
      if (!conversationId) {
        const queue = queues.hours(queues.resolve(command.queueId as string | undefined), now);
        return { queue, position: null, etaSeconds: null };
      }
      const conversation = await ownConversation(storage, principal, conversationId);
      const queue = queues.hours(conversation.queue_id, now);
      const waiting = conversation.status === 'waiting' && !conversation.offline;
      const place = waiting
        ? (await sitePlaces(storage, principal.siteKey, queues)).find(
            (each) => each.conversationId === conversationId,
          )
        : undefined;
      return { queue, position: place?.position ?? null, etaSeconds: place?.etaSeconds ?? null };
    },
  };
}

/** Visitors: one their session may reach (`visitorMayAccess`); agents: any of their site. */
async function ownConversation(db: Queryable, principal: Principal, id: string) {
  const [row] = await db.query<{
    status: string;
    visitor_id: string;
    customer_id: string | null;
    queue_id: string;
    offline: boolean;
  }>(
    `SELECT status, visitor_id, customer_id, queue_id, offline_contact IS NOT NULL AS offline
     FROM conversations WHERE id = $1 AND site_key = $2`,
    [id, principal.siteKey],
  );
  if (!row) throw new HubError('conversation.not_found', `no conversation ${id} on this site`);
  if (principal.role === 'visitor' && !visitorMayAccess(principal, row))
    throw new HubError('auth.forbidden', 'this conversation belongs to another visitor');
  return row;
}
