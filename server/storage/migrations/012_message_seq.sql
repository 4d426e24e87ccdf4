-- The seq of a message's `message.created` event, kept by batched sends: a retry of one
-- finds its answer here (by conversation, author and client id) instead of in command_results.
ALTER TABLE messages ADD COLUMN seq integer;
