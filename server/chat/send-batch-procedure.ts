import type { ErrorCode, EventFrame } from '../../protocol/index.js';
import { principalKey, type Principal } from '../auth/index.js';
import { HubError } from '../errors.js';
import type { Command } from '../realtime/command-types.js';
import { procedure } from '../storage/procedures.js';
import type { Queryable } from '../storage/index.js';
import { conversationStream, messageFrame } from '../streams/index.js';
import { messageDraft, newMessage } from './message-store.js';
import {
  keyOf,
  readBatch,
  sentKey,
  writeBatch,
  writeBatchUnread,
  type BatchState,
  type BatchWrite,
  type CommandKey,
  type SentKey,
} from './send-batch-store.js';
import { SendBatchMemo } from './send-batch-memo.js';
import { checkedText, checkedWritable } from './send-checks.js';

/** One send of a batch, as plain data (it crosses to the database's thread). */
export interface BatchItem {
  principal: Principal;
  command: Command;
  /** The id its message gets if the batch stores it. */
  messageId: string;
}

export type Outcome = { result: unknown; events: EventFrame[] };

/**
 * What the batch did with one send: stored its message (the seq: the sender has the rest,
 * `storedOutcome`), answered a retry, refused it (a HubError's code and message: a class
 * does not cross threads), or left it to run on its own.
 */
export type Verdict =
  number | { done: Outcome } | { failed: { code: ErrorCode; message: string } } | { alone: true };

/** The verdicts in order, and the time the batch's messages and events carry. */
export interface BatchVerdicts {
  at: string;
  verdicts: Verdict[];
}

/** A plain send carries only these; anything more (extras, `start`) runs through `send`. */
const plainFields = new Set(['v', 'type', 'id', 'text', 'conversationId']);

/**
 * The batch's transaction, beside the database (`storage/procedures.ts`): a verdict per
 * send, in order. Two statements (`send-batch-store.ts`) whatever the batch's size; on
 * PGlite, mostly one (`storeUnread`). What crosses back is small (a stored message is its
 * seq): cloning whole messages and frames between threads cost as much as a tenth of the
 * batch.
 */
export const storeSendBatch = procedure(
  import.meta.url,
  'storeSendBatch',
  async (
    tx: Queryable,
    { items, lockCounters }: { items: BatchItem[]; lockCounters: boolean },
  ): Promise<BatchVerdicts> => {
    const keys = items.map(commandKey);
    const sends = items.map(sentKeyOf);
    const memo = SendBatchMemo.of(tx);
    const state = await readBatch(
      tx,
      keys,
      sends.filter((send): send is SentKey => !!send),
      memo.unknown([...new Set(sends.flatMap((send) => (send ? [send.conversationId] : [])))]),
      lockCounters,
    );
    memo.learn(state.conversations, state.lastSeqs);
    const verdicts: Verdict[] = new Array(items.length);
    const batch: BatchWrite = { lastSeqs: new Map(), messages: [] };
    items.forEach((item, index) => {
      const answer = state.stored.get(keyOf(keys[index]!));
      if (answer) {
        verdicts[index] =
          answer instanceof HubError
            ? failed(answer)
            : { done: { result: answer.result, events: [] } };
        return;
      }
      const sent = sends[index] && state.sent.get(sentKey(sends[index]));
      if (sent) return void (verdicts[index] = { done: { result: sent, events: [] } });
      const verdict = plainSend(item, memo);
      verdicts[index] = 'plain' in verdict ? place(item, verdict.plain, batch, memo) : verdict;
    });
    await writeBatch(tx, batch);
    memo.wrote(batch.lastSeqs);
    return { at: state.at, verdicts };
  },
  storeUnread,
);

/**
 * The batch as the memo alone tells it, in one statement and no transaction
 * (`writeBatchUnread`): when every send is a plain message to a conversation the memo
 * knows, which is how sends mostly come. Else null, and the batch is read first. A refusal
 * also goes the checked way: it may be a retry of a send stored before, whose answer wins.
 */
async function storeUnread(
  db: Queryable,
  { items }: { items: BatchItem[] },
): Promise<BatchVerdicts | null> {
  const memo = SendBatchMemo.of(db);
  const conversationIds = [...new Set(items.map((item) => item.command.conversationId))];
  if (conversationIds.some((id) => typeof id !== 'string')) return null;
  if (memo.unknown(conversationIds as string[]).length > 0) return null;
  const batch: BatchWrite = { lastSeqs: new Map(), messages: [] };
  const verdicts: Verdict[] = [];
  for (const item of items) {
    const verdict = plainSend(item, memo);
    if (!('plain' in verdict)) return null;
    verdicts.push(place(item, verdict.plain, batch, memo));
  }
  const at = await writeBatchUnread(db, { ...batch, keys: items.map(commandKey) });
  memo.wrote(batch.lastSeqs);
  return { at, verdicts };
}

/** Gives a plain send the next seq of its conversation, and its message to the batch. */
function place(
  { principal, command, messageId }: BatchItem,
  { conversationId, text }: { conversationId: string; text: string },
  batch: BatchWrite,
  memo: SendBatchMemo,
): number {
  const stream = conversationStream(conversationId);
  const seq = (batch.lastSeqs.get(stream) ?? memo.lastSeqs.get(stream)!) + 1;
  batch.lastSeqs.set(stream, seq);
  const message = messageDraft(conversationId, principal, command.id, text, messageId);
  batch.messages.push({ message, seq });
  return seq;
}

/**
 * The answer and event of a send the batch stored, rebuilt beside the sender from what it
 * sent: the same message the batch wrote (its text passed `checkedText` there).
 */
export function storedOutcome(
  { principal, command, messageId }: BatchItem,
  at: string,
  seq: number,
): Outcome {
  const conversationId = command.conversationId as string;
  const text = checkedText(command.text as string);
  const message = newMessage(conversationId, principal, command.id, text, at, messageId);
  return { result: { conversationId, message, seq }, events: [messageFrame(seq, message)] };
}

/** The key the command's stored result would be under. */
function commandKey({ principal, command }: BatchItem): CommandKey {
  return { principal: principalKey(principal), commandId: command.id, type: command.type };
}

/** Where a send's message would be among the messages, if it names its conversation. */
function sentKeyOf({ principal, command }: BatchItem): SentKey | null {
  const conversationId = command.conversationId;
  if (typeof conversationId !== 'string') return null;
  return {
    conversationId,
    role: principal.role,
    authorId: principal.id,
    clientMessageId: command.id,
  };
}

/** The refusal again as the HubError it was. */
export function refusal(verdict: { failed: { code: ErrorCode; message: string } }): HubError {
  return new HubError(verdict.failed.code, verdict.failed.message);
}

function failed(error: HubError): { failed: { code: ErrorCode; message: string } } {
  return { failed: { code: error.code, message: error.message } };
}

/**
 * A plain message to an active conversation goes in the batch; the checks are the same as
 * `send`'s, in the same order, so a refused send gets the same error either way.
 */
function plainSend(
  item: BatchItem,
  { conversations, lastSeqs }: Pick<BatchState, 'conversations' | 'lastSeqs'>,
): { plain: { conversationId: string; text: string } } | Exclude<Verdict, number> {
  const { principal, command } = item;
  const conversationId = command.conversationId as string | undefined;
  if (!conversationId || Object.keys(command).some((field) => !plainFields.has(field))) {
    return { alone: true };
  }
  try {
    const text = checkedText(command.text as string);
    const found = conversations.get(conversationId);
    const row = found?.site_key === principal.siteKey ? found : null;
    const conversation = checkedWritable(principal, conversationId, row);
    // A visitor's closed conversation (a new one starts), a waiting one (its desk preview
    // changes), or one whose stream has no counter yet.
    if (conversation?.status !== 'active' || !lastSeqs.has(conversationStream(conversationId))) {
      return { alone: true };
    }
    return { plain: { conversationId, text } };
  } catch (error) {
    if (error instanceof HubError) return failed(error);
    throw error;
  }
}
