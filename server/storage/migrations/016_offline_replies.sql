-- Answers to messages left outside hours also go to the visitor by email
-- (server/chat/queues/offline-replies.ts): how far in the conversation's stream the agent's
-- answers were emailed. Conversations from before start as emailed up to their last message:
-- an upgrade sends no old answers.
ALTER TABLE conversations ADD COLUMN offline_emailed_seq integer NOT NULL DEFAULT 0;
UPDATE conversations c
SET offline_emailed_seq = COALESCE((SELECT max(seq) FROM messages m WHERE m.conversation_id = c.id), 0)
WHERE offline_contact IS NOT NULL;
CREATE INDEX conversations_offline_recent ON conversations (created_at)
  WHERE offline_contact IS NOT NULL;
