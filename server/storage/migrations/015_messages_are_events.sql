-- A conversation's messages and notes are their own message.created and note.created
-- events (server/streams/message-events.ts): each row keeps its seq in the conversation's
-- stream, and stream_events no longer holds a copy. Rows stored before get their event's
-- seq; their copies go. Within a conversation seq orders messages as pos did.
UPDATE messages m SET seq = e.seq
FROM stream_events e
WHERE m.seq IS NULL
  AND e.stream = 'conv:' || m.conversation_id
  AND e.payload->>'type' IN ('message.created', 'note.created')
  AND COALESCE(e.payload->'message', e.payload->'note')->>'id' = m.id;
DELETE FROM stream_events
WHERE stream LIKE 'conv:%' AND payload->>'type' IN ('message.created', 'note.created');
ALTER TABLE messages DROP COLUMN pos;
ALTER TABLE messages ALTER COLUMN seq SET NOT NULL;
ALTER TABLE messages ADD PRIMARY KEY (conversation_id, seq);
