import { HubError } from '../errors.js';
import type { EffectCommand } from '../realtime/command-types.js';
import { appendEvent, conversationStream } from '../streams/index.js';
import { closeOpen, conversationSummary, findConversation } from './conversation-store.js';
import { agentUpdated, conversationUpdated } from './desk-events.js';
import { visitorMayAccess } from './customer/access.js';
import { agentsConversation } from './handled-conversation.js';
import { chatCloseSchema } from './schemas.js';

/**
 * `chat.close`: the handling agent (any agent while it waits) or its visitor ends the
 * conversation. The visitor's next message starts a new one.
 */
export const chatClose: EffectCommand = {
  kind: 'effect',
  schema: chatCloseSchema,
  async run(tx, principal, command) {
    const id = command.conversationId as string;
    if (principal.role === 'agent') {
      await agentsConversation(tx, principal, id, { handling: true });
    } else {
      const own = await findConversation(tx, principal.siteKey, id);
      if (!own) throw new HubError('conversation.not_found', `no conversation ${id} on this site`);
      if (!visitorMayAccess(principal, own))
        throw new HubError('auth.forbidden', 'this conversation belongs to another visitor');
    }
    const before = await findConversation(tx, principal.siteKey, id);
    if (!(await closeOpen(tx, id))) {
      if (principal.role === 'agent')
        throw new HubError('conversation.closed', 'the conversation is closed');
      // A visitor closing twice (two tabs): nothing more to announce.
      return { result: { conversation: await conversationSummary(tx, id) }, events: [] };
    }
    const closed = await appendEvent(tx, conversationStream(id), {
      type: 'conversation.closed',
      conversationId: id,
    });
    const { conversation, frame } = await conversationUpdated(tx, principal.siteKey, id);
    const load = before?.agent_id ? await agentUpdated(tx, principal.siteKey, before.agent_id) : [];
    return { result: { conversation }, events: [closed, frame, ...load] };
  },
};
