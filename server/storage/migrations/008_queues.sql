-- The queue a conversation waits or waited in (sites[].queues[].id); before queues there was "general".
ALTER TABLE conversations ADD COLUMN queue_id text NOT NULL DEFAULT 'general';
-- Set on a message left outside business hours: who to answer ({"name", "email"}). Never routed.
ALTER TABLE conversations ADD COLUMN offline_contact jsonb;
-- Places in line: a site's waiting conversations by queue and time queued.
CREATE INDEX conversations_waiting ON conversations (site_key, created_at, id) WHERE status = 'waiting';
-- Time to accept, for waiting estimates: a site's recently accepted conversations.
CREATE INDEX conversations_accepted ON conversations (site_key, accepted_at) WHERE accepted_at IS NOT NULL;
