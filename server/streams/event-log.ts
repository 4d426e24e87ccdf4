import type { EventFrame, StreamEvent, StreamName } from '../../protocol/index.js';
import type { Queryable } from '../storage/index.js';
import {
  messageColumnList,
  messageColumns,
  messageEventFrame,
  toIso,
  type MessageRow,
  type SignLink,
} from './message-events.js';
import { parseStream } from './names.js';

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

/** A stored event's row beside a message's: the message columns, empty. */
const noMessage = messageColumnList.map(([name, type]) => `NULL::${type} AS ${name}`).join(', ');

/**
 * Stored events with seq > after, oldest first. A conversation's are its other events
 * merged with its messages (`message-events.ts`), each side read in seq order by its key;
 * with `signLink`, the messages' download links are signed anew.
 */
export async function readEvents(
  db: Queryable,
  stream: StreamName,
  after: number,
  limit: number,
  signLink?: SignLink,
): Promise<EventFrame[]> {
  const parsed = parseStream(stream);
  if (parsed?.kind !== 'conv') {
    const rows = await db.query<EventRow>(
      `SELECT stream, seq, at, payload FROM stream_events
       WHERE stream = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [stream, after, limit],
    );
    return rows.map(toFrame);
  }
  // One row shape for both sides: an event's payload, or a message's columns.
  const rows = await db.query<(EventRow & { message: false }) | (MessageRow & { message: true })>(
    `(SELECT false AS message, seq, at, payload, ${noMessage} FROM stream_events
      WHERE stream = $1 AND seq > $2 ORDER BY seq LIMIT $3)
     UNION ALL
     (SELECT true, seq, created_at, NULL, ${messageColumns} FROM messages
      WHERE conversation_id = $4 AND seq > $2 ORDER BY seq LIMIT $3)
     ORDER BY seq LIMIT $3`,
    [stream, after, limit, parsed.conversationId],
  );
  return rows.map((row) =>
    row.message ? messageEventFrame(row, signLink) : toFrame({ ...row, stream }),
  );
}

export async function lastSeq(db: Queryable, stream: StreamName): Promise<number> {
  const [row] = await db.query<{ last_seq: number }>(
    'SELECT last_seq FROM stream_counters WHERE stream = $1',
    [stream],
  );
  return row?.last_seq ?? 0;
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
