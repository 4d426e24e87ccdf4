-- A signed-in batch hands the customer the anonymous events of its visit (`linkVisitor`):
-- found here, not by scanning all of the visitor's events on every page.
CREATE INDEX journey_events_anonymous_visit ON journey_events (site_key, visitor_id, visit_id)
  WHERE customer_id IS NULL;
