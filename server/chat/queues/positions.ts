import type { Queryable } from '../../storage/index.js';
import type { SiteQueues } from './site-queues.js';

/** A waiting conversation's place in its queue. */
export interface Place {
  conversationId: string;
  queueId: string;
  /** 1 = next in line. */
  position: number;
  etaSeconds: number | null;
}

/** Accepted conversations of the last week that estimates learn from, per queue. */
const historySize = 50;

/**
 * Every waiting conversation of the site (messages left outside hours are not in line),
 * ranked per queue by when it was queued, with its estimated wait. Read only.
 */
export async function sitePlaces(
  db: Queryable,
  siteKey: string,
  queues: SiteQueues,
): Promise<Place[]> {
  const waiting = await db.query<{ id: string; queue_id: string }>(
    `SELECT id, queue_id FROM conversations
     WHERE site_key = $1 AND status = 'waiting' AND offline_contact IS NULL
     ORDER BY created_at, id`,
    [siteKey],
  );
  if (waiting.length === 0) return [];
  const [medians, agents] = await Promise.all([
    medianWaits(db, siteKey),
    availableAgents(db, siteKey),
  ]);
  const counts = new Map<string, number>();
  return waiting.map((row) => {
    const queueId = queues.current(row.queue_id);
    const position = (counts.get(queueId) ?? 0) + 1;
    counts.set(queueId, position);
    const etaSeconds = estimateWait(medians.get(queueId) ?? null, position, agents);
    return { conversationId: row.id, queueId, position, etaSeconds };
  });
}

/**
 * Seconds until an agent takes the conversation at `position`: the queue's median time to
 * accept for each round of the available agents ahead of it. Unknown without history or
 * without an available agent (they may come back: the conversation still waits).
 */
export function estimateWait(
  medianSeconds: number | null,
  position: number,
  availableAgents: number,
): number | null {
  if (medianSeconds === null || availableAgents < 1) return null;
  return Math.max(1, Math.round(medianSeconds * Math.ceil(position / availableAgents)));
}

/** Median seconds from queued to accepted of each queue's latest accepted conversations. */
async function medianWaits(db: Queryable, siteKey: string): Promise<Map<string, number>> {
  const rows = await db.query<{ queue_id: string; median: number | string }>(
    `SELECT queue_id, percentile_cont(0.5) WITHIN GROUP (ORDER BY wait) AS median
     FROM (SELECT queue_id, extract(epoch FROM accepted_at - created_at) AS wait,
             row_number() OVER (PARTITION BY queue_id ORDER BY accepted_at DESC) AS n
           FROM conversations
           WHERE site_key = $1 AND accepted_at > now() - interval '7 days'
             AND offline_contact IS NULL) recent
     WHERE n <= $2 GROUP BY queue_id`,
    [siteKey, historySize],
  );
  return new Map(rows.map((row) => [row.queue_id, Number(row.median)]));
}

async function availableAgents(db: Queryable, siteKey: string): Promise<number> {
  const [row] = await db.query<{ n: number | string }>(
    `SELECT count(*) AS n FROM agent_presence WHERE site_key = $1 AND status = 'available'`,
    [siteKey],
  );
  return Number(row?.n ?? 0);
}
