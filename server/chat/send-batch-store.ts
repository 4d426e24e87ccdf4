import type { ChatMessage, StreamName } from '../../protocol/index.js';
import { HubError } from '../errors.js';
import type { Queryable } from '../storage/index.js';
import { conversationStream, messageFromRow, toIso, type MessageRow } from '../streams/index.js';
import type { ConversationRow } from './conversation-store.js';

/**
 * The two statements of a batch of sends. On PGlite a statement's fixed cost (parse, plan,
 * protocol) outweighs its rows at the batch sizes seen, so a batch reads everything it
 * needs in one statement and writes everything in one: the rows `appendMessage` writes for
 * one send at a time. When the memo already knows the conversations, the write alone
 * (`writeBatchUnread`), checked by the statement itself. A batched send keeps no
 * `command_results` row (a third of a batch's cost): its message, found by conversation,
 * author and client id with its seq, is the stored answer a retry gets (`sentAnswer`).
 */

/** One command of a batch, under the key its result is stored by. */
export interface CommandKey {
  principal: string;
  commandId: string;
  type: string;
}

export function keyOf(key: Pick<CommandKey, 'principal' | 'commandId'>): string {
  return `${key.principal}\n${key.commandId}`;
}

export interface BatchState {
  /** Results stored before (retries get the first answer), or the error of an id reused by another type. */
  stored: Map<string, { result: unknown } | HubError>;
  /** Answers of sends batched before, by `sentKey`. */
  sent: Map<string, SentAnswer>;
  conversations: Map<string, ConversationRow & { site_key: string }>;
  /** Last seq of each named conversation's stream, locked until the batch commits. */
  lastSeqs: Map<StreamName, number>;
  /** The transaction's time: every message and event of the batch carries it. */
  at: string;
}

/** What a batched send answered: its message and the seq of its event. */
export interface SentAnswer {
  conversationId: string;
  message: ChatMessage;
  seq: number;
}

/** A send's place among the messages: conversation, author and client id. */
export interface SentKey {
  conversationId: string;
  role: string;
  authorId: string;
  clientMessageId: string;
}

export function sentKey(key: SentKey): string {
  return [key.conversationId, key.role, key.authorId, key.clientMessageId].join('\n');
}

type SentRow = Omit<MessageRow, 'internal'>;

const sentColumns = `id, conversation_id, client_message_id, author_role, author_id, author_name,
  text, extras, seq, created_at AS at`;

/** The answer a batched send gave, rebuilt from its message row. */
export function sentAnswer(row: SentRow): SentAnswer {
  return { conversationId: row.conversation_id, message: messageFromRow(row), seq: row.seq };
}

/**
 * Stored results, sends batched before, conversations and counters (locked in stream
 * order: no deadlock between batches).
 */
export async function readBatch(
  tx: Queryable,
  keys: CommandKey[],
  sends: SentKey[],
  conversationIds: string[],
  /** Lock the counters until the commit: batches run side by side on PostgreSQL, not on PGlite. */
  lockCounters: boolean,
): Promise<BatchState> {
  const streams = conversationIds.map(conversationStream);
  const [row] = await tx.query<{
    stored: Array<{ principal: string; command_id: string; type: string; result: unknown }> | null;
    sent: SentRow[] | null;
    conversations: Array<ConversationRow & { site_key: string }> | null;
    counters: Array<{ stream: StreamName; last_seq: number }> | null;
    now: Date | string;
  }>(
    // Every lookup probes a unique index once per row asked for, so its cost follows the
    // batch, not the tables: PGlite runs no autovacuum, its planner never learns their
    // sizes, and a join would scan them. `LIMIT 1` keeps each lookup a nested index probe.
    // Prepared (parsed and planned once), so the parameters are JSON text.
    `SELECT
       (SELECT json_agg(r) FROM json_to_recordset($1::json) AS k(principal text, command_id text)
        CROSS JOIN LATERAL (
          SELECT principal, command_id, type, result FROM command_results
          WHERE principal = k.principal AND command_id = k.command_id LIMIT 1) r) AS stored,
       (SELECT json_agg(m) FROM json_to_recordset($2::json)
          AS k(author_id text, client_message_id text)
        CROSS JOIN LATERAL (
          SELECT ${sentColumns} FROM messages
          WHERE client_message_id = k.client_message_id AND author_id = k.author_id
            AND NOT internal LIMIT 1) m) AS sent,
       (SELECT json_agg(c) FROM json_array_elements_text($3::json) AS k(id)
        CROSS JOIN LATERAL (
          SELECT id, site_key, status, visitor_id, agent_id, customer_id FROM conversations
          WHERE id = k.id LIMIT 1) c) AS conversations,
       (SELECT json_agg(s) FROM (
          SELECT stream, last_seq FROM stream_counters
          WHERE stream = ANY (ARRAY(SELECT json_array_elements_text($4::json)))
          ORDER BY stream ${lockCounters ? 'FOR UPDATE' : ''}) s) AS counters,
       now() AS now`,
    [
      JSON.stringify(keys.map((key) => ({ principal: key.principal, command_id: key.commandId }))),
      JSON.stringify(
        // By client id and author only (`messages_client_message_key`); the conversation is
        // part of the key the answers are looked up by.
        sends.map((send) => ({
          author_id: send.authorId,
          client_message_id: send.clientMessageId,
        })),
      ),
      JSON.stringify(conversationIds),
      JSON.stringify(streams),
    ],
    { repeated: true },
  );
  const types = new Map(keys.map((key) => [keyOf(key), key.type]));
  const stored = new Map<string, { result: unknown } | HubError>();
  for (const result of row!.stored ?? []) {
    const key = keyOf({ principal: result.principal, commandId: result.command_id });
    if (!types.has(key)) continue;
    stored.set(
      key,
      result.type === types.get(key)
        ? { result: result.result }
        : new HubError(
            'protocol.invalid_message',
            `id ${result.command_id} was already used by a ${result.type} command`,
          ),
    );
  }
  const sent = new Map(
    (row!.sent ?? []).map((found) => [
      sentKey({
        conversationId: found.conversation_id,
        role: found.author_role,
        authorId: found.author_id,
        clientMessageId: found.client_message_id,
      }),
      sentAnswer(found),
    ]),
  );
  return {
    stored,
    sent,
    conversations: new Map((row!.conversations ?? []).map((c) => [c.id, c])),
    lastSeqs: new Map((row!.counters ?? []).map((c) => [c.stream, c.last_seq])),
    at: toIso(row!.now),
  };
}

/** A message of the batch as written: its time is the database's `now()`. */
export interface BatchMessage {
  message: Omit<ChatMessage, 'createdAt'>;
  seq: number;
}

export interface BatchWrite {
  lastSeqs: Map<StreamName, number>;
  messages: BatchMessage[];
}

// The counters by index (a join with the batch's rows would scan them all). `jsonb`:
// parsed once when bound; `json` text was parsed again for each counter's lookup, a cost
// that grew with the square of the batch (a fifth of a batch of 256).
const updateCounters = `UPDATE stream_counters SET last_seq = ($1::jsonb ->> stream)::integer
  WHERE stream = ANY (ARRAY(SELECT jsonb_object_keys($1::jsonb)))`;
// `created_at` defaults to now(), the time the batch's messages and events carry.
const insertMessages = `INSERT INTO messages (id, conversation_id, client_message_id, author_role,
    author_id, author_name, text, internal, seq)
  SELECT id, conversation_id, client_message_id, author_role, author_id, author_name, text, false, seq
  FROM json_to_recordset($2::json) AS m(id text, conversation_id text, client_message_id text,
    author_role text, author_id text, author_name text, text text, seq integer)`;

/**
 * Writes a batch: counters and messages (each its own event: `streams/message-events.ts`). A
 * message already stored by a concurrent first attempt (PostgreSQL) breaks its unique key,
 * so the batch rolls back and its sends run one by one through `runOnce`.
 */
export async function writeBatch(tx: Queryable, batch: BatchWrite): Promise<void> {
  if (batch.messages.length === 0) return;
  await tx.query(`WITH counters AS (${updateCounters}) ${insertMessages}`, writeParams(batch), {
    repeated: true,
  });
}

/**
 * Writes a batch read from nothing but the memo, as one statement outside a transaction,
 * and returns its time. The statement is its own check: it fails, and so writes nothing,
 * when a command id of the batch has a stored result, a counter is missing, or a message is
 * there already (a retry breaks the client id's unique key, a seq taken meanwhile the
 * primary key). The caller then reads and writes the batch the checked way (`readBatch`,
 * `writeBatch`).
 */
export async function writeBatchUnread(
  db: Queryable,
  batch: BatchWrite & { keys: CommandKey[] },
): Promise<string> {
  const [row] = await db.query<{ at: Date | string }>(
    `WITH stored AS (
       SELECT count(*) AS n FROM json_to_recordset($3::json) AS k(principal text, command_id text)
       CROSS JOIN LATERAL (
         SELECT 1 FROM command_results
         WHERE principal = k.principal AND command_id = k.command_id LIMIT 1) r
     ),
     counters AS (${updateCounters} RETURNING 1),
     inserted AS (${insertMessages})
     SELECT CASE
       WHEN (SELECT n FROM stored) = 0 AND (SELECT count(*) FROM counters) = $4::integer
       THEN now()
       -- Not a time: the statement fails, and its writes with it.
       ELSE ('stored results: ' || (SELECT n FROM stored))::timestamptz
     END AS at`,
    [
      ...writeParams(batch),
      JSON.stringify(
        batch.keys.map((key) => ({ principal: key.principal, command_id: key.commandId })),
      ),
      String(batch.lastSeqs.size),
    ],
    { repeated: true },
  );
  return toIso(row!.at);
}

function writeParams({ lastSeqs, messages }: BatchWrite): string[] {
  const rows = messages.map(({ message, seq }) => ({
    id: message.id,
    conversation_id: message.conversationId,
    client_message_id: message.clientMessageId,
    author_role: message.author.role,
    author_id: message.author.id,
    author_name: message.author.name ?? null,
    text: message.text,
    seq,
  }));
  return [JSON.stringify(Object.fromEntries(lastSeqs)), JSON.stringify(rows)];
}

/** The answer a send gave, if `author` sent `clientMessageId` to the conversation (in a batch: no command_results row). */
export async function sentBefore(
  tx: Queryable,
  conversationId: string,
  author: { role: string; id: string },
  clientMessageId: string,
): Promise<SentAnswer | null> {
  const [row] = await tx.query<SentRow>(
    `SELECT ${sentColumns} FROM messages
     WHERE conversation_id = $1 AND author_id = $2 AND client_message_id = $3
       AND author_role = $4 AND NOT internal`,
    [conversationId, author.id, clientMessageId, author.role],
  );
  return row ? sentAnswer(row) : null;
}
