-- A retried send is found by its client id: the unique key leads with it, so the lookup
-- (client id and author, the conversation checked by the hub) can only probe this index.
-- Led by the conversation, the planner could prefer (conversation_id, pos) and read every
-- message of the conversation: PGlite has no statistics to tell the two apart.
ALTER TABLE messages DROP CONSTRAINT messages_conversation_id_author_id_client_message_id_key;
ALTER TABLE messages ADD CONSTRAINT messages_client_message_key
  UNIQUE (client_message_id, author_id, conversation_id);
