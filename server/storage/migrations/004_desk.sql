-- Agents' presence and routing state, per site. `last_routed_at` orders routing: the agent
-- offered or given a conversation longest ago goes first.
CREATE TABLE agent_presence (
  site_key text NOT NULL,
  agent_id text NOT NULL,
  agent_name text,
  status text NOT NULL CHECK (status IN ('available', 'away')),
  last_routed_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (site_key, agent_id)
);

-- The agent routing offered a waiting conversation to; any available agent may still accept.
ALTER TABLE conversations ADD COLUMN offered_to text;
CREATE INDEX conversations_site_agent ON conversations (site_key, agent_id) WHERE status = 'active';

-- Internal notes live beside messages, so one conversation log keeps their order.
ALTER TABLE messages ADD COLUMN internal boolean NOT NULL DEFAULT false;
