import { commandSchema, entityId } from '../../realtime/schemas.js';

/** Generous bound for the schema; the exact limit is checked after trimming. */
export const chatRateSchema = commandSchema(
  'chat.rate',
  {
    conversationId: entityId,
    score: { type: 'integer', minimum: 1, maximum: 5 },
    comment: { type: 'string', maxLength: 4000 },
  },
  ['conversationId', 'score'],
);

export const chatTranscriptSchema = commandSchema(
  'chat.transcript',
  {
    conversationId: entityId,
    email: { type: 'string', minLength: 1, maxLength: 320 },
    locale: { type: 'string', maxLength: 35 },
    timeZone: { type: 'string', maxLength: 64 },
  },
  ['conversationId', 'email'],
);
