import { commandSchema, entityId } from '../realtime/schemas.js';

/** Generous bound for the schema; the exact 1–4000 check happens after trimming. */
const text = { type: 'string', maxLength: 16000 } as const;

export const chatSendSchema = commandSchema('chat.send', { text, conversationId: entityId }, [
  'text',
]);
export const chatAcceptSchema = commandSchema('chat.accept', { conversationId: entityId }, [
  'conversationId',
]);
export const deskSnapshotSchema = commandSchema('desk.snapshot');
export const conversationsListSchema = commandSchema('conversations.list');
