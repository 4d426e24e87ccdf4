import { commandSchema, entityId } from '../realtime/schemas.js';

/** Generous bound for the schema; the exact 1–4000 check happens after trimming. */
const text = { type: 'string', maxLength: 16000 } as const;

export const chatSendSchema = commandSchema(
  'chat.send',
  {
    text,
    conversationId: entityId,
    quickReplies: { type: 'array', maxItems: 20, items: { type: 'string', maxLength: 400 } },
    attachmentIds: { type: 'array', maxItems: 10, items: entityId },
    start: {
      type: 'object',
      additionalProperties: false,
      properties: {
        queueId: entityId,
        prechat: {
          type: 'object',
          maxProperties: 20,
          additionalProperties: { type: 'string', maxLength: 1000 },
        },
        locale: { type: 'string', maxLength: 35 },
        timeZone: { type: 'string', maxLength: 64 },
      },
    },
  },
  ['text'],
);
export const chatAcceptSchema = commandSchema('chat.accept', { conversationId: entityId }, [
  'conversationId',
]);
export const deskSnapshotSchema = commandSchema('desk.snapshot');
export const conversationsListSchema = commandSchema('conversations.list');
export const agentPresenceSchema = commandSchema(
  'agent.presence',
  { status: { enum: ['available', 'away'] } },
  ['status'],
);
export const chatTransferSchema = commandSchema(
  'chat.transfer',
  { conversationId: entityId, toAgentId: entityId, toQueueId: entityId, note: text },
  ['conversationId', 'note'],
);
export const chatCloseSchema = commandSchema('chat.close', { conversationId: entityId }, [
  'conversationId',
]);
export const chatNoteSchema = commandSchema('chat.note', { conversationId: entityId, text }, [
  'conversationId',
  'text',
]);
export const conversationsSearchSchema = commandSchema(
  'conversations.search',
  { query: { type: 'string', minLength: 1, maxLength: 200 } },
  ['query'],
);
