import type { AgentPresence, AgentStatus } from '../../protocol/index.js';
import type { Queryable } from '../storage/index.js';

interface PresenceRow {
  agent_id: string;
  agent_name: string | null;
  status: AgentStatus;
  active_chats: number | string;
}

const presenceSelect = `
  SELECT p.agent_id, p.agent_name, p.status,
    (SELECT count(*) FROM conversations c
     WHERE c.site_key = p.site_key AND c.agent_id = p.agent_id AND c.status = 'active') AS active_chats
  FROM agent_presence p`;

/**
 * Sets an agent's status. Becoming available counts as the start of idleness, so an agent
 * who just arrived waits behind those who were idle before.
 */
export async function setStatus(
  tx: Queryable,
  siteKey: string,
  agent: { id: string; name: string | null },
  status: AgentStatus,
): Promise<boolean> {
  const rows = await tx.query<{ changed: boolean }>(
    `INSERT INTO agent_presence AS p (site_key, agent_id, agent_name, status)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (site_key, agent_id) DO UPDATE SET
       agent_name = EXCLUDED.agent_name, status = EXCLUDED.status, updated_at = now(),
       last_routed_at = CASE WHEN p.status <> EXCLUDED.status AND EXCLUDED.status = 'available'
                        THEN now() ELSE p.last_routed_at END
     WHERE p.status <> EXCLUDED.status OR p.agent_name IS DISTINCT FROM EXCLUDED.agent_name
     RETURNING true AS changed`,
    [siteKey, agent.id, agent.name, status],
  );
  return rows.length === 1;
}

/**
 * Locks the agent's row for the rest of the transaction (creating it, away, if new), so
 * two accepts of one agent count their active chats one after the other.
 */
export async function lockAgent(
  tx: Queryable,
  siteKey: string,
  agent: { id: string; name: string | null },
): Promise<void> {
  await tx.query(
    `INSERT INTO agent_presence (site_key, agent_id, agent_name, status) VALUES ($1, $2, $3, 'away')
     ON CONFLICT (site_key, agent_id) DO NOTHING`,
    [siteKey, agent.id, agent.name],
  );
  await tx.query(
    'SELECT agent_id FROM agent_presence WHERE site_key = $1 AND agent_id = $2 FOR UPDATE',
    [siteKey, agent.id],
  );
}

export async function agentPresence(
  db: Queryable,
  siteKey: string,
  agentId: string,
): Promise<AgentPresence | null> {
  const [row] = await db.query<PresenceRow>(
    `${presenceSelect} WHERE p.site_key = $1 AND p.agent_id = $2`,
    [siteKey, agentId],
  );
  return row ? toPresence(row) : null;
}

export async function sitePresence(db: Queryable, siteKey: string): Promise<AgentPresence[]> {
  const rows = await db.query<PresenceRow>(
    `${presenceSelect} WHERE p.site_key = $1 ORDER BY p.agent_name, p.agent_id`,
    [siteKey],
  );
  return rows.map(toPresence);
}

/**
 * Routing: the available agent below the limit who was offered or given a conversation
 * longest ago. Their row is locked and stamped, so the next conversation goes to the next agent.
 */
export async function takeLongestIdle(
  tx: Queryable,
  siteKey: string,
  maxChats: number,
  exceptAgentId = '',
): Promise<string | null> {
  const [row] = await tx.query<{ agent_id: string }>(
    `UPDATE agent_presence SET last_routed_at = clock_timestamp()
     WHERE (site_key, agent_id) = (
       SELECT p.site_key, p.agent_id FROM agent_presence p
       WHERE p.site_key = $1 AND p.status = 'available' AND p.agent_id <> $3
         AND (SELECT count(*) FROM conversations c
              WHERE c.site_key = p.site_key AND c.agent_id = p.agent_id AND c.status = 'active') < $2
       ORDER BY p.last_routed_at, p.agent_id LIMIT 1 FOR UPDATE SKIP LOCKED)
     RETURNING agent_id`,
    [siteKey, maxChats, exceptAgentId],
  );
  return row?.agent_id ?? null;
}

/** Accepting counts as being routed: the agent goes to the back of the idle line. */
export async function markRouted(tx: Queryable, siteKey: string, agentId: string): Promise<void> {
  await tx.query(
    'UPDATE agent_presence SET last_routed_at = clock_timestamp() WHERE site_key = $1 AND agent_id = $2',
    [siteKey, agentId],
  );
}

export async function activeChats(
  tx: Queryable,
  siteKey: string,
  agentId: string,
): Promise<number> {
  const [row] = await tx.query<{ n: number | string }>(
    `SELECT count(*) AS n FROM conversations WHERE site_key = $1 AND agent_id = $2 AND status = 'active'`,
    [siteKey, agentId],
  );
  return Number(row!.n);
}

function toPresence(row: PresenceRow): AgentPresence {
  return {
    id: row.agent_id,
    name: row.agent_name,
    status: row.status,
    activeChats: Number(row.active_chats),
  };
}
