import { commandSchema, entityId } from '../../realtime/schemas.js';

/** Generous bounds for the schema; exact limits are checked after trimming, with clear messages. */
const loose = { type: 'string', maxLength: 16000 } as const;

export const chatStatusSchema = commandSchema('chat.status', {
  conversationId: entityId,
  queueId: entityId,
});
export const chatLeaveMessageSchema = commandSchema(
  'chat.leaveMessage',
  {
    queueId: entityId,
    name: loose,
    email: loose,
    text: loose,
    // For the answer's email (`missed-answers.ts`), as `chat.transcript` takes them.
    locale: { type: 'string', maxLength: 35 },
    timeZone: { type: 'string', maxLength: 64 },
  },
  ['name', 'email', 'text'],
);
