-- Every message is written by a command that has just read its conversation in the same
-- transaction, and conversations are never deleted, so the foreign key only re-checked
-- that: a lookup and a row lock per message, a sixth of a batch of sends' writes on PGlite.
ALTER TABLE messages DROP CONSTRAINT messages_conversation_id_fkey;
