-- Answers a visitor misses in the panel go to them by email whenever they gave an email
-- (a message left outside hours, the pre-chat form, a verified customer's identity token),
-- not only for messages left: server/chat/missed-answers.ts.
ALTER TABLE conversations RENAME COLUMN offline_emailed_seq TO emailed_seq;
-- The visitor's language and time zone when the conversation started, for those emails.
ALTER TABLE conversations ADD COLUMN locale text;
ALTER TABLE conversations ADD COLUMN time_zone text;
-- Conversations from before start as emailed up to their last message: an upgrade sends no
-- old answers.
UPDATE conversations c
SET emailed_seq = COALESCE((SELECT max(seq) FROM messages m WHERE m.conversation_id = c.id), 0)
WHERE prechat ? 'email' AND offline_contact IS NULL;
CREATE INDEX conversations_email_recent ON conversations (created_at)
  WHERE prechat ? 'email';
