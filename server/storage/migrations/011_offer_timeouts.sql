-- When routing offered a waiting conversation to `offered_to`: an offer nobody takes up moves on.
ALTER TABLE conversations ADD COLUMN offered_at timestamptz;
CREATE INDEX conversations_offers ON conversations (offered_at) WHERE status = 'waiting' AND offered_to IS NOT NULL;
