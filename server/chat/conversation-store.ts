import { randomUUID } from 'node:crypto';
import type { ConversationStatus, ConversationSummary } from '../../protocol/index.js';
import type { Queryable } from '../storage/index.js';
import { emailStopped } from '../email/unsubscribe/index.js';
import { toIso } from '../streams/index.js';
import { endOfChatFields, type EndOfChatColumns } from './csat/summary-fields.js';
import { queueFields, type QueueColumns } from './queues/summary-fields.js';

interface SummaryRow extends EndOfChatColumns, QueueColumns {
  id: string;
  status: ConversationStatus;
  visitor_id: string;
  agent_id: string | null;
  agent_name: string | null;
  created_at: Date | string;
  last_text: string | null;
  last_from: 'visitor' | 'agent' | null;
  last_at: Date | string | null;
  last_seq: number;
  offered_to: string | null;
  email_stopped: boolean;
}

export interface ConversationRow {
  id: string;
  status: ConversationStatus;
  visitor_id: string;
  agent_id: string | null;
  /** The verified customer it belongs to: then only their sessions reach it. */
  customer_id: string | null;
}

const summarySelect = `
  SELECT c.id, c.status, c.visitor_id, c.agent_id, c.agent_name, c.created_at, c.offered_to,
    c.prechat, c.rating, c.rating_comment, c.rated_at, c.queue_id, c.offline_contact,
    last.text AS last_text, last.author_role AS last_from, last.created_at AS last_at,
    COALESCE((SELECT s.last_seq FROM stream_counters s WHERE s.stream = 'conv:' || c.id), 0) AS last_seq,
    ${emailStopped('c')} AS email_stopped
  FROM conversations c
  LEFT JOIN LATERAL (
    SELECT m.text, m.author_role, m.created_at FROM messages m
    WHERE m.conversation_id = c.id AND NOT m.internal ORDER BY m.seq DESC LIMIT 1) last ON true`;

export async function findConversation(
  db: Queryable,
  siteKey: string,
  id: string,
): Promise<ConversationRow | null> {
  const [row] = await db.query<ConversationRow>(
    'SELECT id, status, visitor_id, agent_id, customer_id FROM conversations WHERE id = $1 AND site_key = $2',
    [id, siteKey],
  );
  return row ?? null;
}

/**
 * The session's open conversation, created (status waiting) when there is none: the
 * visitor's anonymous one, or the visitor's one of the customer the session is verified as.
 * Another customer's, left open where they signed out, is not this session's, nor is an
 * anonymous one for a verified session.
 */
export async function openConversationFor(
  tx: Queryable,
  siteKey: string,
  visitorId: string,
  customerId: string | null,
): Promise<{ conversation: ConversationRow; createdAt: string; created: boolean }> {
  const findOpen = () =>
    tx.query<ConversationRow & { created_at: Date }>(
      `SELECT id, status, visitor_id, agent_id, customer_id, created_at FROM conversations
       WHERE site_key = $1 AND visitor_id = $2 AND status <> 'closed'
         AND customer_id IS NOT DISTINCT FROM $3`,
      [siteKey, visitorId, customerId],
    );
  let [open] = await findOpen();
  if (open) return { conversation: open, createdAt: toIso(open.created_at), created: false };
  const [inserted] = await tx.query<ConversationRow & { created_at: Date }>(
    `INSERT INTO conversations (id, site_key, visitor_id, customer_id, status)
     VALUES ($1, $2, $3, $4, 'waiting')
     ON CONFLICT (site_key, visitor_id, (COALESCE(customer_id, ''))) WHERE status <> 'closed'
     DO NOTHING
     RETURNING id, status, visitor_id, agent_id, customer_id, created_at`,
    [randomUUID(), siteKey, visitorId, customerId],
  );
  if (inserted)
    return { conversation: inserted, createdAt: toIso(inserted.created_at), created: true };
  // A concurrent send of the same visitor created it first.
  [open] = await findOpen();
  return { conversation: open!, createdAt: toIso(open!.created_at), created: false };
}

/** Marks a waiting conversation accepted; false when it was not waiting (someone was first). */
export async function acceptWaiting(
  tx: Queryable,
  siteKey: string,
  id: string,
  agent: { id: string; name: string | null },
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE conversations SET status = 'active', agent_id = $3, agent_name = $4, accepted_at = now(),
       offered_to = NULL
     WHERE id = $1 AND site_key = $2 AND status = 'waiting'
     RETURNING id`,
    [id, siteKey, agent.id, agent.name],
  );
  return rows.length === 1;
}

/** Offers a waiting conversation to an agent (routing, transfer). */
export async function offerTo(tx: Queryable, id: string, agentId: string | null): Promise<void> {
  await tx.query(
    `UPDATE conversations SET offered_to = $2,
       offered_at = CASE WHEN $2::text IS NULL THEN NULL ELSE now() END
     WHERE id = $1`,
    [id, agentId],
  );
}

/** Back to the waiting queue (a transfer): no agent, offered to `offeredTo` if given. */
export async function requeue(tx: Queryable, id: string, offeredTo: string | null): Promise<void> {
  await tx.query(
    `UPDATE conversations SET status = 'waiting', agent_id = NULL, agent_name = NULL,
       accepted_at = NULL, offered_to = $2,
       offered_at = CASE WHEN $2::text IS NULL THEN NULL ELSE now() END
     WHERE id = $1`,
    [id, offeredTo],
  );
}

/** Closes an open conversation; false when it was already closed. */
export async function closeOpen(tx: Queryable, id: string): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE conversations SET status = 'closed', closed_at = now(), offered_to = NULL
     WHERE id = $1 AND status <> 'closed' RETURNING id`,
    [id],
  );
  return rows.length === 1;
}

/** Conversations of a site with a message or note containing `query`, newest first. */
export async function searchConversations(
  db: Queryable,
  siteKey: string,
  query: string,
  limit: number,
): Promise<ConversationSummary[]> {
  // Match the text literally: % and _ in the query are not wildcards.
  const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db.query<SummaryRow>(
    `${summarySelect}
     WHERE c.site_key = $1 AND EXISTS (
       SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.text ILIKE $2 ESCAPE '\\')
     ORDER BY c.created_at DESC, c.id LIMIT $3`,
    [siteKey, pattern, limit],
  );
  return rows.map(toSummary);
}

export async function conversationSummary(db: Queryable, id: string): Promise<ConversationSummary> {
  const [row] = await db.query<SummaryRow>(`${summarySelect} WHERE c.id = $1`, [id]);
  return toSummary(row!);
}

/** Waiting and active conversations of a site, oldest first (the desk's queue order). */
export async function openConversations(
  db: Queryable,
  siteKey: string,
): Promise<ConversationSummary[]> {
  const rows = await db.query<SummaryRow>(
    `${summarySelect} WHERE c.site_key = $1 AND c.status <> 'closed' ORDER BY c.created_at, c.id`,
    [siteKey],
  );
  return rows.map(toSummary);
}

/**
 * A visitor's conversations, newest first: all of them, or with `customerId` only those of
 * that customer (null: the anonymous ones), as a session sees them.
 */
export async function visitorConversations(
  db: Queryable,
  siteKey: string,
  visitorId: string,
  customerId?: string | null,
): Promise<ConversationSummary[]> {
  const ofSession = customerId === undefined ? '' : 'AND c.customer_id IS NOT DISTINCT FROM $3';
  const rows = await db.query<SummaryRow>(
    `${summarySelect} WHERE c.site_key = $1 AND c.visitor_id = $2 ${ofSession}
     ORDER BY c.created_at DESC, c.id`,
    customerId === undefined ? [siteKey, visitorId] : [siteKey, visitorId, customerId],
  );
  return rows.map(toSummary);
}

function toSummary(row: SummaryRow): ConversationSummary {
  return {
    id: row.id,
    status: row.status,
    visitorId: row.visitor_id,
    agentId: row.agent_id,
    agentName: row.agent_name,
    createdAt: toIso(row.created_at),
    lastText: row.last_text,
    ...(row.last_from && row.last_at
      ? { lastFrom: row.last_from, lastAt: toIso(row.last_at) }
      : {}),
    lastSeq: Number(row.last_seq),
    offeredTo: row.offered_to,
    ...endOfChatFields(row),
    ...queueFields(row),
    ...(row.email_stopped ? { emailStopped: true as const } : {}),
  };
}
