-- What <cx-journey> recorded, one row per event; data holds the type's own fields.
CREATE TABLE journey_events (
  id bigserial PRIMARY KEY,
  site_key text NOT NULL,
  visitor_id text NOT NULL,
  customer_id text,
  visit_id text NOT NULL,
  type text NOT NULL,
  at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  url text NOT NULL,
  data jsonb NOT NULL
);
CREATE INDEX journey_events_visitor ON journey_events (site_key, visitor_id, id);
CREATE INDEX journey_events_customer ON journey_events (site_key, customer_id, id) WHERE customer_id IS NOT NULL;
-- Retention deletes by arrival time (the hub's clock, not the page's).
CREATE INDEX journey_events_received ON journey_events (site_key, received_at);

-- A visitor verified as a customer by an identity token the storefront's backend signed.
CREATE TABLE visitor_customers (
  site_key text NOT NULL,
  visitor_id text NOT NULL,
  customer_id text NOT NULL,
  name text,
  email text,
  verified_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (site_key, visitor_id)
);
CREATE INDEX visitor_customers_customer ON visitor_customers (site_key, customer_id, verified_at);
