import type { EventFrame, StreamEvent, StreamName } from '../../protocol/index.js';
import type { Queryable } from '../storage/index.js';

interface EventRow {
  stream: StreamName;
  seq: number;
  at: Date | string;
  payload: StreamEvent;
}

/**
 * Stores an event and assigns its seq in one statement. The counter row is locked
 * until the transaction ends, so seqs follow commit order without holes.
 */
export async function appendEvent(
  tx: Queryable,
  stream: StreamName,
  event: StreamEvent,
): Promise<EventFrame> {
  const [row] = await tx.query<EventRow>(
    `WITH counter AS (
       INSERT INTO stream_counters (stream, last_seq) VALUES ($1, 1)
       ON CONFLICT (stream) DO UPDATE SET last_seq = stream_counters.last_seq + 1
       RETURNING last_seq
     )
     INSERT INTO stream_events (stream, seq, payload)
     SELECT $1, last_seq, $2::jsonb FROM counter
     RETURNING stream, seq, at, payload`,
    [stream, JSON.stringify(event)],
  );
  return toFrame(row!);
}

/** Stored events with seq > after, oldest first. */
export async function readEvents(
  db: Queryable,
  stream: StreamName,
  after: number,
  limit: number,
): Promise<EventFrame[]> {
  const rows = await db.query<EventRow>(
    `SELECT stream, seq, at, payload FROM stream_events
     WHERE stream = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
    [stream, after, limit],
  );
  return rows.map(toFrame);
}

export async function lastSeq(db: Queryable, stream: StreamName): Promise<number> {
  const [row] = await db.query<{ last_seq: number }>(
    'SELECT last_seq FROM stream_counters WHERE stream = $1',
    [stream],
  );
  return row?.last_seq ?? 0;
}

export function toIso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

function toFrame(row: EventRow): EventFrame {
  return {
    v: 1,
    type: 'event',
    stream: row.stream,
    seq: row.seq,
    at: toIso(row.at),
    event: row.payload,
  };
}
