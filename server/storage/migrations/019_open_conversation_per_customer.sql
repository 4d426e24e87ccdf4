-- A visitor has at most one open conversation per site and customer: a browser a customer
-- signed out of (without the storefront forgetting its visitor) starts a conversation of
-- its own for the next person, anonymous or another customer, beside the customer's.
DROP INDEX conversations_one_open_per_visitor;
CREATE UNIQUE INDEX conversations_one_open_per_visitor ON conversations
  (site_key, visitor_id, (COALESCE(customer_id, ''))) WHERE status <> 'closed';
