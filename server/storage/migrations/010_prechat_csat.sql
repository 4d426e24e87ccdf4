-- The pre-chat form's answers (by field name), as the hub checked them.
ALTER TABLE conversations ADD COLUMN prechat jsonb;
-- The verified customer (identity token) the conversation belongs to: their other devices
-- may continue it.
ALTER TABLE conversations ADD COLUMN customer_id text;
CREATE INDEX conversations_site_customer ON conversations (site_key, customer_id)
  WHERE customer_id IS NOT NULL;

-- The visitor's rating after the chat (CSAT 1-5 and an optional comment); one per conversation.
ALTER TABLE conversations ADD COLUMN rating smallint CHECK (rating BETWEEN 1 AND 5);
ALTER TABLE conversations ADD COLUMN rating_comment text;
ALTER TABLE conversations ADD COLUMN rated_at timestamptz;

-- Transcripts sent by email (no address kept): the per-conversation rate limit, and the
-- command id so a retried request does not send a second email.
CREATE TABLE transcript_emails (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  conversation_id text NOT NULL REFERENCES conversations (id),
  command_id text NOT NULL,
  sent_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (conversation_id, command_id)
);
CREATE INDEX transcript_emails_conversation ON transcript_emails (conversation_id, sent_at);
