import type { ChatMessage, EventFrame, StreamName } from '../../protocol/index.js';
import { HubError } from '../errors.js';
import type { Queryable } from '../storage/index.js';
import { conversationStream, toIso } from '../streams/index.js';
import type { ConversationRow } from './conversation-store.js';

/**
 * The two statements of a batch of sends. On PGlite a statement's fixed cost (parse, plan,
 * protocol) outweighs its rows at the batch sizes seen, so a batch reads everything it
 * needs in one statement and writes everything in one: the same rows `runOnce`,
 * `appendEvent` and `insertMessage` write for one send at a time.
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
  conversations: Map<string, ConversationRow & { site_key: string }>;
  /** Last seq of each named conversation's stream, locked until the batch commits. */
  lastSeqs: Map<StreamName, number>;
  /** The transaction's time: every message and event of the batch carries it. */
  at: string;
}

/** Stored results, conversations and counters (locked in stream order: no deadlock between batches). */
export async function readBatch(
  tx: Queryable,
  keys: CommandKey[],
  conversationIds: string[],
): Promise<BatchState> {
  const streams = conversationIds.map(conversationStream);
  const [row] = await tx.query<{
    stored: Array<{ principal: string; command_id: string; type: string; result: unknown }> | null;
    conversations: Array<ConversationRow & { site_key: string }> | null;
    counters: Array<{ stream: StreamName; last_seq: number }> | null;
    now: Date | string;
  }>(
    // Looked up by index; a row of another batch-mate's principal is ignored below.
    `SELECT
       (SELECT json_agg(r) FROM (
          SELECT principal, command_id, type, result FROM command_results
          WHERE principal = ANY($1::text[]) AND command_id = ANY($2::text[])) r) AS stored,
       (SELECT json_agg(c) FROM (
          SELECT id, site_key, status, visitor_id, agent_id FROM conversations
          WHERE id = ANY($3::text[])) c) AS conversations,
       (SELECT json_agg(s) FROM (
          SELECT stream, last_seq FROM stream_counters WHERE stream = ANY($4::text[])
          ORDER BY stream FOR UPDATE) s) AS counters,
       now() AS now`,
    [
      [...new Set(keys.map((key) => key.principal))],
      keys.map((key) => key.commandId),
      conversationIds,
      streams,
    ],
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
  return {
    stored,
    conversations: new Map((row!.conversations ?? []).map((c) => [c.id, c])),
    lastSeqs: new Map((row!.counters ?? []).map((c) => [c.stream, c.last_seq])),
    at: toIso(row!.now),
  };
}

/** Thrown when another transaction stored a result for one of the batch's ids meanwhile. */
export class ConcurrentAttemptError extends Error {}

/**
 * Writes a batch: counters, events, messages (in order, so positions follow seqs) and
 * results. A result already stored by a concurrent first attempt (PostgreSQL) throws, so
 * the batch rolls back and its sends run one by one through `runOnce`.
 */
export async function writeBatch(
  tx: Queryable,
  batch: {
    lastSeqs: Map<StreamName, number>;
    frames: EventFrame[];
    messages: ChatMessage[];
    results: Array<{ key: CommandKey; result: unknown }>;
  },
): Promise<void> {
  if (batch.results.length === 0) return;
  const counters = [...batch.lastSeqs].map(([stream, last_seq]) => ({ stream, last_seq }));
  const events = batch.frames.map(({ stream, seq, event }) => ({ stream, seq, payload: event }));
  const messages = batch.messages.map((message, n) => ({
    n,
    id: message.id,
    conversation_id: message.conversationId,
    client_message_id: message.clientMessageId,
    author_role: message.author.role,
    author_id: message.author.id,
    author_name: message.author.name ?? null,
    text: message.text,
  }));
  const results = batch.results.map(({ key, result }) => ({
    principal: key.principal,
    command_id: key.commandId,
    type: key.type,
    result,
  }));
  // `at` and `created_at` default to now(), the time the frames and messages carry.
  const stored = await tx.query(
    `WITH counters AS (
       UPDATE stream_counters s SET last_seq = c.last_seq
       FROM json_to_recordset($1::json) AS c(stream text, last_seq integer)
       WHERE s.stream = c.stream
     ), events AS (
       INSERT INTO stream_events (stream, seq, payload)
       SELECT stream, seq, payload
       FROM json_to_recordset($2::json) AS e(stream text, seq integer, payload jsonb)
     ), messages AS (
       INSERT INTO messages (id, conversation_id, client_message_id, author_role, author_id, author_name, text, internal)
       SELECT id, conversation_id, client_message_id, author_role, author_id, author_name, text, false
       FROM json_to_recordset($3::json) AS m(n integer, id text, conversation_id text,
         client_message_id text, author_role text, author_id text, author_name text, text text)
       ORDER BY n
     )
     INSERT INTO command_results (principal, command_id, type, result)
     SELECT principal, command_id, type, result
     FROM json_to_recordset($4::json) AS r(principal text, command_id text, type text, result jsonb)
     ORDER BY principal, command_id
     ON CONFLICT (principal, command_id) DO NOTHING
     RETURNING 1`,
    [
      JSON.stringify(counters),
      JSON.stringify(events),
      JSON.stringify(messages),
      JSON.stringify(results),
    ],
  );
  if (stored.length !== results.length) {
    throw new ConcurrentAttemptError('a command of the batch was stored by another transaction');
  }
}
