import { HubError } from '../errors.js';
import type { EffectCommand } from '../realtime/command-types.js';
import { appendEvent, conversationStream, deskStream } from '../streams/index.js';
import { acceptWaiting, conversationSummary, findConversation } from './conversation-store.js';
import { chatAcceptSchema } from './schemas.js';

/** `chat.accept`: the first agent wins (a conditional UPDATE, safe under concurrency). */
export const chatAccept: EffectCommand = {
  kind: 'effect',
  schema: chatAcceptSchema,
  async run(tx, principal, command) {
    if (principal.role !== 'agent')
      throw new HubError('auth.forbidden', 'only agents accept conversations');
    const id = command.conversationId as string;
    const agentName = principal.name ?? principal.id;

    if (!(await acceptWaiting(tx, principal.siteKey, id, { id: principal.id, name: agentName }))) {
      const conversation = await findConversation(tx, principal.siteKey, id);
      if (!conversation)
        throw new HubError('conversation.not_found', `no conversation ${id} on this site`);
      if (conversation.status === 'closed')
        throw new HubError('conversation.closed', 'the conversation is closed');
      if (conversation.agent_id !== principal.id) {
        throw new HubError(
          'conversation.already_accepted',
          'another agent accepted this conversation first',
        );
      }
      // Already ours (accepted earlier under another command id): nothing new to announce.
      return { result: { conversation: await conversationSummary(tx, id) }, events: [] };
    }

    const accepted = await appendEvent(tx, conversationStream(id), {
      type: 'conversation.accepted',
      conversationId: id,
      agentId: principal.id,
      agentName,
    });
    const conversation = await conversationSummary(tx, id);
    const updated = await appendEvent(tx, deskStream(principal.siteKey), {
      type: 'conversation.updated',
      conversation,
    });
    return { result: { conversation }, events: [accepted, updated] };
  },
};
