-- How far each participant's client got in a conversation's stream (chat.receipt): what it
-- received (delivered) and what it showed (read). Both positions only grow.
CREATE TABLE conversation_receipts (
  conversation_id text NOT NULL REFERENCES conversations (id),
  reader_role text NOT NULL CHECK (reader_role IN ('visitor', 'agent')),
  reader_id text NOT NULL,
  reader_name text,
  delivered_seq integer NOT NULL DEFAULT 0,
  read_seq integer NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (conversation_id, reader_role, reader_id)
);
