CREATE TABLE conversations (
  id text PRIMARY KEY,
  site_key text NOT NULL,
  visitor_id text NOT NULL,
  status text NOT NULL CHECK (status IN ('waiting', 'active', 'closed')),
  agent_id text,
  agent_name text,
  created_at timestamptz NOT NULL DEFAULT now(),
  accepted_at timestamptz,
  closed_at timestamptz
);
CREATE INDEX conversations_site_status ON conversations (site_key, status);
CREATE INDEX conversations_site_visitor ON conversations (site_key, visitor_id);

CREATE TABLE messages (
  pos bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id text NOT NULL UNIQUE,
  conversation_id text NOT NULL REFERENCES conversations (id),
  client_message_id text NOT NULL,
  author_role text NOT NULL CHECK (author_role IN ('visitor', 'agent')),
  author_id text NOT NULL,
  author_name text,
  text text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (conversation_id, author_id, client_message_id)
);
CREATE INDEX messages_conversation ON messages (conversation_id, pos);

-- A visitor has at most one open conversation per site: concurrent first sends share it.
CREATE UNIQUE INDEX conversations_one_open_per_visitor ON conversations (site_key, visitor_id) WHERE status <> 'closed';
