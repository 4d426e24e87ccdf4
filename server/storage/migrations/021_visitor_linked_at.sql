-- When the visitor was first verified as its customer (verified_at moves with every
-- verification): a conversation it began anonymously before then is the customer's
-- question from before signing in; one begun after (signed out) may be someone else's.
ALTER TABLE visitor_customers ADD COLUMN linked_at timestamptz;
UPDATE visitor_customers SET linked_at = verified_at;
ALTER TABLE visitor_customers ALTER COLUMN linked_at SET NOT NULL;
ALTER TABLE visitor_customers ALTER COLUMN linked_at SET DEFAULT now();
