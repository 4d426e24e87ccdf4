import type { JourneyEvent, StoredJourneyEvent } from '../../protocol/index.js';
import type { Queryable } from '../storage/index.js';
import { toIso, visitorStream } from '../streams/index.js';

export interface JourneyRow {
  id: string | number;
  visit_id: string;
  type: string;
  at: Date | string;
  received_at: Date | string;
  url: string;
  data: Record<string, unknown>;
}

const columns = 'id, visit_id, type, at, received_at, url, data';

/** Stores a batch with ONE multi-row INSERT (PGlite pays per statement); returns them with their ids. */
export async function insertEvents(
  tx: Queryable,
  owner: { siteKey: string; visitorId: string; customerId: string | null; visitId: string },
  events: JourneyEvent[],
): Promise<StoredJourneyEvent[]> {
  const params: unknown[] = [owner.siteKey, owner.visitorId, owner.customerId, owner.visitId];
  const rows = events.map((event) => {
    const { type, at, url, ...data } = event;
    const first = params.length + 1;
    params.push(type, at, url, JSON.stringify(data));
    return `($1, $2, $3, $4, $${first}, $${first + 1}, $${first + 2}, $${first + 3}::jsonb)`;
  });
  const inserted = await tx.query<{ id: string | number }>(
    `INSERT INTO journey_events (site_key, visitor_id, customer_id, visit_id, type, at, url, data)
     VALUES ${rows.join(', ')} RETURNING id`,
    params,
  );
  // One statement takes its ids from the sequence in row order.
  const ids = inserted.map((row) => Number(row.id)).sort((a, b) => a - b);
  return events.map((event, i) => ({ id: ids[i]!, visitId: owner.visitId, event }));
}

/**
 * Whose events to read: a customer's (from every device, `linkVisitor`), or a visitor's
 * anonymous ones. Never both: a browser a customer signed out of is the next person's.
 */
export type EventOwner = { customerId: string } | { visitorId: string };

/** The latest `limit` events of a customer or of an anonymous visitor, oldest first. */
export async function readEvents(
  db: Queryable,
  siteKey: string,
  owner: EventOwner,
  limit: number,
): Promise<Array<StoredJourneyEvent & { receivedAt: string }>> {
  const rows = await db.query<JourneyRow>(
    'customerId' in owner
      ? `SELECT ${columns} FROM journey_events WHERE site_key = $1 AND customer_id = $2
         ORDER BY id DESC LIMIT $3`
      : `SELECT ${columns} FROM journey_events
         WHERE site_key = $1 AND visitor_id = $2 AND customer_id IS NULL
         ORDER BY id DESC LIMIT $3`,
    [siteKey, 'customerId' in owner ? owner.customerId : owner.visitorId, limit],
  );
  return rows.reverse().map(toStored);
}

/**
 * Whether the visitor's latest event is anonymous: whoever uses that browser now is not
 * signed in, even if a customer once was there. False without events.
 */
export async function browsingAnonymously(
  db: Queryable,
  siteKey: string,
  visitorId: string,
): Promise<boolean> {
  const [latest] = await db.query<{ customer_id: string | null }>(
    `SELECT customer_id FROM journey_events WHERE site_key = $1 AND visitor_id = $2
     ORDER BY id DESC LIMIT 1`,
    [siteKey, visitorId],
  );
  return latest !== undefined && latest.customer_id === null;
}

export function toStored(row: JourneyRow): StoredJourneyEvent & { receivedAt: string } {
  const event = { ...row.data, type: row.type, at: toIso(row.at), url: row.url } as JourneyEvent;
  return { id: Number(row.id), visitId: row.visit_id, event, receivedAt: toIso(row.received_at) };
}

/** Whether the hub has anything of this visitor on this site (events, a link or a conversation). */
export async function visitorKnown(
  db: Queryable,
  siteKey: string,
  visitorId: string,
): Promise<boolean> {
  const [row] = await db.query<{ known: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM journey_events WHERE site_key = $1 AND visitor_id = $2)
         OR EXISTS (SELECT 1 FROM visitor_customers WHERE site_key = $1 AND visitor_id = $2)
         OR EXISTS (SELECT 1 FROM conversations WHERE site_key = $1 AND visitor_id = $2) AS known`,
    [siteKey, visitorId],
  );
  return row?.known === true;
}

/**
 * Removes visitors' journey rows, links and the journey on their `visitor:` streams. Stream
 * events are emptied, not deleted: seqs stay without holes for subscribers.
 */
export async function deleteVisitors(
  tx: Queryable,
  siteKey: string,
  visitorIds: string[],
): Promise<number> {
  if (visitorIds.length === 0) return 0;
  const deleted = await countDeleted(
    tx,
    'DELETE FROM journey_events WHERE site_key = $1 AND visitor_id = ANY($2::text[]) RETURNING 1',
    [siteKey, visitorIds],
  );
  await tx.query(
    'DELETE FROM visitor_customers WHERE site_key = $1 AND visitor_id = ANY($2::text[])',
    [siteKey, visitorIds],
  );
  await tx.query(
    `UPDATE stream_events
     SET payload = jsonb_build_object('type', 'journey.appended', 'visitorId', substr(stream, 9), 'events', '[]'::jsonb)
     WHERE stream = ANY($1::text[])`,
    [visitorIds.map(visitorStream)],
  );
  return deleted;
}

/** Removes a customer's journey: the rows tied to it and everything of every visitor linked to it. */
export async function deleteCustomer(
  tx: Queryable,
  siteKey: string,
  customerId: string,
): Promise<number> {
  const linked = await tx.query<{ visitor_id: string }>(
    'SELECT visitor_id FROM visitor_customers WHERE site_key = $1 AND customer_id = $2',
    [siteKey, customerId],
  );
  const fromVisitors = await deleteVisitors(
    tx,
    siteKey,
    linked.map((row) => row.visitor_id),
  );
  const rest = await countDeleted(
    tx,
    'DELETE FROM journey_events WHERE site_key = $1 AND customer_id = $2 RETURNING 1',
    [siteKey, customerId],
  );
  return fromVisitors + rest;
}

/** Runs `DELETE … RETURNING 1` and counts in the database, not in memory. */
export async function countDeleted(
  tx: Queryable,
  deleteSql: string,
  params: unknown[],
): Promise<number> {
  const [row] = await tx.query<{ n: string | number }>(
    `WITH deleted AS (${deleteSql}) SELECT count(*) AS n FROM deleted`,
    params,
  );
  return Number(row?.n ?? 0);
}
