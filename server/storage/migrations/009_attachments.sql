-- Uploaded files, kept in the database so every hub node (PGlite or PostgreSQL) serves them.
-- attached_to is the chat.send command id (the message's client_message_id) once a message carries it.
CREATE TABLE attachments (
  id uuid PRIMARY KEY,
  site_key text NOT NULL,
  uploader_role text NOT NULL,
  uploader_id text NOT NULL,
  name text NOT NULL,
  type text NOT NULL,
  size integer NOT NULL,
  sha256 text NOT NULL,
  bytes bytea NOT NULL,
  attached_to text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX attachments_unattached ON attachments (created_at) WHERE attached_to IS NULL;
