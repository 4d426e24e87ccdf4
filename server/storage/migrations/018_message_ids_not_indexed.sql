-- Nothing looks a message up by its id: a message is found by its conversation and seq (the
-- primary key) or, for a retried send, by its client id. The id is a UUID v7 the hub makes
-- (74 random bits), so keeping it unique needs no index, and the index cost every stored
-- message a quarter of its insert.
ALTER TABLE messages DROP CONSTRAINT messages_id_key;
