-- Addresses that followed the link in an answer email to stop the next ones (lower case).
-- Transcripts a visitor asks for in the chat still go.
CREATE TABLE email_unsubscribes (
  site_key text NOT NULL,
  email text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (site_key, email)
);
