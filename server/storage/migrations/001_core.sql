-- Secrets the hub generates once and keeps across restarts (e.g. the token secret).
CREATE TABLE hub_secrets (
  name text PRIMARY KEY,
  value text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Per-stream event log: seq is strictly increasing from 1 without holes.
CREATE TABLE stream_counters (
  stream text PRIMARY KEY,
  last_seq integer NOT NULL
);

CREATE TABLE stream_events (
  stream text NOT NULL,
  seq integer NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  payload jsonb NOT NULL,
  PRIMARY KEY (stream, seq)
);

-- Idempotency: the result of each effectful command under (principal, client command id).
CREATE TABLE command_results (
  principal text NOT NULL,
  command_id text NOT NULL,
  type text NOT NULL,
  result jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (principal, command_id)
);
