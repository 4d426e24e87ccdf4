import type { SignalCommand } from '../realtime/command-types.js';
import { commandSchema, entityId } from '../realtime/schemas.js';
import { conversationStream } from '../streams/index.js';
import { participantConversation } from './participant.js';

export const chatTypingSchema = commandSchema(
  'chat.typing',
  { conversationId: entityId, active: { type: 'boolean' } },
  ['conversationId', 'active'],
);

/**
 * `chat.typing`: tells the conversation's other subscribers that someone started or stopped
 * typing. Only who may write there now may say so (an agent writing a note does not write
 * to the visitor, so clients do not send it for notes). The sender's own sockets do not get it
 * back (see `fromSelf` in server/streams/signals.ts).
 */
export const chatTyping: SignalCommand = {
  kind: 'signal',
  schema: chatTypingSchema,
  async run(storage, principal, command) {
    const conversationId = command.conversationId as string;
    await participantConversation(storage, principal, conversationId, { writing: true });
    const author = {
      role: principal.role,
      id: principal.id,
      ...(principal.name ? { name: principal.name } : {}),
    };
    return {
      result: { conversationId },
      signals: [
        {
          stream: conversationStream(conversationId),
          signal: { type: 'typing', conversationId, author, active: command.active as boolean },
        },
      ],
    };
  },
};
