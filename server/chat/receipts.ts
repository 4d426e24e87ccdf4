import type { Principal } from '../auth/index.js';
import type { EffectCommand } from '../realtime/command-types.js';
import { commandSchema, entityId } from '../realtime/schemas.js';
import type { Queryable } from '../storage/index.js';
import { appendEvent, conversationStream } from '../streams/index.js';
import { participantConversation } from './participant.js';

export const chatReceiptSchema = commandSchema(
  'chat.receipt',
  {
    conversationId: entityId,
    seq: { type: 'integer', minimum: 1, maximum: 2147483647 },
    state: { enum: ['delivered', 'read'] },
  },
  ['conversationId', 'seq', 'state'],
);

interface Positions {
  deliveredSeq: number;
  readSeq: number;
}

/**
 * `chat.receipt`: the reader's client received (`delivered`) or showed (`read`) the
 * conversation up to `seq`. Positions are stored per participant and only grow; when one
 * grows, a `conversation.receipt` event tells the others (and a reload replays it). A
 * receipt that advances nothing writes nothing, so clients may repeat themselves cheaply.
 */
export const chatReceipt: EffectCommand = {
  kind: 'effect',
  schema: chatReceiptSchema,
  async run(tx, principal, command) {
    const conversationId = command.conversationId as string;
    await participantConversation(tx, principal, conversationId, { writing: false });
    const stream = conversationStream(conversationId);
    // Positions count messages only: a receipt for a receipt would start an endless echo.
    const seq = await lastMessageSeq(tx, conversationId, command.seq as number);
    const wanted = { deliveredSeq: seq, readSeq: command.state === 'read' ? seq : 0 };
    const advanced = seq > 0 ? await advance(tx, conversationId, principal, wanted) : null;
    if (!advanced) {
      const result = { conversationId, ...(await positions(tx, conversationId, principal)) };
      return { result, events: [] };
    }
    const reader = {
      role: principal.role,
      id: principal.id,
      ...(principal.name ? { name: principal.name } : {}),
    };
    const frame = await appendEvent(tx, stream, {
      type: 'conversation.receipt',
      conversationId,
      reader,
      ...advanced,
    });
    return { result: { conversationId, ...advanced }, events: [frame] };
  },
};

/** The seq of the latest message at or before `seq`; 0 when there is none (or `seq` is beyond the stream). */
async function lastMessageSeq(tx: Queryable, conversationId: string, seq: number): Promise<number> {
  const [row] = await tx.query<{ seq: number | null }>(
    `SELECT max(seq) AS seq FROM messages
     WHERE conversation_id = $1 AND seq <= $2 AND NOT internal`,
    [conversationId, seq],
  );
  return row?.seq ?? 0;
}

/** Raises the stored positions; null when neither grew (the row lock orders concurrent receipts). */
async function advance(
  tx: Queryable,
  conversationId: string,
  reader: Principal,
  wanted: Positions,
): Promise<Positions | null> {
  const [row] = await tx.query<{ delivered_seq: number; read_seq: number }>(
    `INSERT INTO conversation_receipts AS r
       (conversation_id, reader_role, reader_id, reader_name, delivered_seq, read_seq)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (conversation_id, reader_role, reader_id) DO UPDATE
       SET delivered_seq = GREATEST(r.delivered_seq, excluded.delivered_seq),
           read_seq = GREATEST(r.read_seq, excluded.read_seq),
           reader_name = excluded.reader_name,
           updated_at = now()
       WHERE excluded.delivered_seq > r.delivered_seq OR excluded.read_seq > r.read_seq
     RETURNING delivered_seq, read_seq`,
    [conversationId, reader.role, reader.id, reader.name, wanted.deliveredSeq, wanted.readSeq],
  );
  return row ? { deliveredSeq: row.delivered_seq, readSeq: row.read_seq } : null;
}

async function positions(
  db: Queryable,
  conversationId: string,
  reader: Principal,
): Promise<Positions> {
  const [row] = await db.query<{ delivered_seq: number; read_seq: number }>(
    `SELECT delivered_seq, read_seq FROM conversation_receipts
     WHERE conversation_id = $1 AND reader_role = $2 AND reader_id = $3`,
    [conversationId, reader.role, reader.id],
  );
  return { deliveredSeq: row?.delivered_seq ?? 0, readSeq: row?.read_seq ?? 0 };
}
