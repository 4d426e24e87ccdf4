import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it as test } from 'node:test';
import type { Principal } from '../auth/index.js';
import type { Command } from '../realtime/command-types.js';
import { runOnce } from '../realtime/idempotency.js';
import { openStorage, type Queryable, type Storage } from '../storage/index.js';
import { freshDataDir, makeTempDir, removeDir, testConfig } from '../testing/harness.js';
import { appendEvent, lastSeq, readEvents } from '../streams/index.js';
import { freshPostgresSchema } from '../testing/postgres.js';
import { newMessageId } from './message-store.js';
import { SendBatcher } from './send-batch.js';
import { SendBatchMemo } from './send-batch-memo.js';
import { storeSendBatch } from './send-batch-procedure.js';
import { readBatch } from './send-batch-store.js';
import { send } from './send.js';
import { deskSettings } from './settings.js';

// The batcher against real storage: sends submitted in one tick form one batch, which
// makes batching deterministic here. With CXKIT_TEST_DATABASE_URL also on PostgreSQL.
const databaseUrl = process.env.CXKIT_TEST_DATABASE_URL;
const settingsOf = deskSettings(testConfig);
const one = (tx: Queryable, principal: Principal, command: Command) =>
  send(tx, principal, command.id, command, settingsOf, testConfig.tokenSecret!);

const visitor = (id: string): Principal => ({ role: 'visitor', id, name: null, siteKey: 'demo' });
const agent = (id: string): Principal => ({
  role: 'agent',
  id,
  name: `Agent ${id}`,
  siteKey: 'demo',
});
const sendCommand = (fields: Record<string, unknown>, id: string = randomUUID()): Command => ({
  v: 1,
  type: 'chat.send',
  id,
  ...fields,
});

for (const driver of ['pglite', 'postgres'] as const) {
  const skip = driver === 'postgres' && !databaseUrl ? 'CXKIT_TEST_DATABASE_URL is not set' : false;

  describe(`chat.send batches (${driver})`, () => {
    const it = (name: string, fn: () => Promise<void>) => test(name, { skip }, fn);
    let storage: Storage;
    let dataDir: string;
    let dropSchema = async () => {};
    before(async () => {
      if (skip) return;
      if (driver === 'pglite') {
        dataDir = await freshDataDir();
        storage = await openStorage({ dataDir });
      } else {
        const schema = await freshPostgresSchema(databaseUrl!);
        dropSchema = schema.drop;
        dataDir = await makeTempDir();
        storage = await openStorage({ dataDir, databaseUrl: schema.url });
      }
    });
    after(async () => {
      if (skip) return;
      await storage.close();
      await dropSchema();
      await removeDir(dataDir);
    });

    /** An accepted conversation between a fresh visitor and agent, its stream at seq 0. */
    async function conversation({ counter = true } = {}) {
      const id = randomUUID();
      const pair = { id, visitor: visitor(randomUUID()), agent: agent(randomUUID()) };
      await storage.query(
        `INSERT INTO conversations (id, site_key, visitor_id, status, agent_id, agent_name)
         VALUES ($1, 'demo', $2, 'active', $3, $4)`,
        [id, pair.visitor.id, pair.agent.id, pair.agent.name],
      );
      if (counter) {
        await storage.query('INSERT INTO stream_counters (stream, last_seq) VALUES ($1, 0)', [
          `conv:${id}`,
        ]);
      }
      return pair;
    }

    const messagesOf = (id: string) =>
      storage.query<{ client_message_id: string; text: string }>(
        'SELECT client_message_id, text FROM messages WHERE conversation_id = $1 ORDER BY seq',
        [id],
      );

    it('stores sends submitted together in one transaction, seqs in order per conversation', async () => {
      let batches = 0;
      const counted: Storage = {
        ...storage,
        call: (procedure, args) => (batches++, storage.call(procedure, args)),
      };
      const batcher = new SendBatcher(counted, one);
      const conversations = [await conversation(), await conversation(), await conversation()];
      const submitted = [0, 1, 2, 3].flatMap((round) =>
        conversations.map((c) => {
          const author = round % 2 === 0 ? c.visitor : c.agent;
          const command = sendCommand({ conversationId: c.id, text: `m${round}` });
          return { c, command, outcome: batcher.submit(author, command) };
        }),
      );
      const outcomes = await Promise.all(submitted.map((each) => each.outcome));

      // One batch: one transaction, and every message carries its time.
      assert.equal(batches, 1);
      const times = new Set(outcomes.map(({ result }) => (result as Sent).message.createdAt));
      assert.equal(times.size, 1);
      for (const c of conversations) {
        const mine = submitted.flatMap((each, i) => (each.c === c ? [outcomes[i]!] : []));
        assert.deepEqual(
          mine.map(({ result }) => (result as Sent).seq),
          [1, 2, 3, 4],
        );
        assert.deepEqual(
          mine.map(({ events }) => events.map((e) => [e.stream, e.seq])),
          [1, 2, 3, 4].map((seq) => [[`conv:${c.id}`, seq]]),
        );
        const stored = await messagesOf(c.id);
        assert.deepEqual(
          stored.map((row) => row.text),
          ['m0', 'm1', 'm2', 'm3'],
        );
        // A replay gives back the very events the sends published, rebuilt from the messages.
        assert.deepEqual(
          await readEvents(storage, `conv:${c.id}`, 0, 10),
          mine.map(({ events }) => events[0]),
        );
        assert.deepEqual(mine[0]!.events[0]!.event, {
          type: 'message.created',
          message: (mine[0]!.result as Sent).message,
        });
      }
    });

    it('on PGlite, lets sends that trickle in after a small batch gather into the next one', async () => {
      if (driver !== 'pglite') return;
      const sizes: number[] = [];
      const counted: Storage = {
        ...storage,
        call: (procedure, args) => (
          sizes.push((args as { items: unknown[] }).items.length),
          storage.call(procedure, args)
        ),
      };
      // Long enough that the first batch is surely back within it, however busy the machine.
      const batcher = new SendBatcher(counted, one, { lingerMs: 300 });
      const c = await conversation();
      const sent = (text: string) =>
        batcher.submit(c.agent, sendCommand({ conversationId: c.id, text }));
      assert.equal(((await sent('first')).result as Sent).seq, 1);
      // Two more in separate turns of the event loop: each would have been a batch alone.
      const second = sent('second');
      await new Promise((resolve) => setImmediate(resolve));
      const third = sent('third');
      const seqs = (await Promise.all([second, third])).map(({ result }) => (result as Sent).seq);
      assert.deepEqual(seqs, [2, 3]);
      assert.deepEqual(sizes, [1, 2], 'the two that trickled in shared one batch');
    });

    it('fails a bad send alone: its batch-mates are stored, no seq is skipped', async () => {
      const batcher = new SendBatcher(storage, one);
      const a = await conversation();
      const b = await conversation();
      const blankId = randomUUID();
      const attempts = [
        batcher.submit(a.visitor, sendCommand({ conversationId: a.id, text: 'first' })),
        batcher.submit(a.visitor, sendCommand({ conversationId: a.id, text: '   ' }, blankId)),
        batcher.submit(b.visitor, sendCommand({ conversationId: a.id, text: 'not mine' })),
        batcher.submit(a.agent, sendCommand({ conversationId: b.id, text: 'not my chat' })),
        batcher.submit(a.agent, sendCommand({ conversationId: randomUUID(), text: 'nowhere' })),
        batcher.submit(a.agent, sendCommand({ conversationId: a.id, text: 'second' })),
      ];
      const settled = await Promise.allSettled(attempts);
      const codes = settled.map((s) => (s.status === 'rejected' ? s.reason.code : 'ok'));
      assert.deepEqual(codes, [
        'ok',
        'protocol.invalid_message',
        'auth.forbidden',
        'auth.forbidden',
        'conversation.not_found',
        'ok',
      ]);
      const seqs = settled.flatMap((s) =>
        s.status === 'fulfilled' ? [(s.value.result as Sent).seq] : [],
      );
      assert.deepEqual(seqs, [1, 2]);
      assert.deepEqual(
        (await messagesOf(a.id)).map((row) => row.text),
        ['first', 'second'],
      );
      assert.equal((await messagesOf(b.id)).length, 0);
      // A failed send stored nothing: its id may be used again.
      const retried = await batcher.submit(
        a.visitor,
        sendCommand({ conversationId: a.id, text: 'fixed' }, blankId),
      );
      assert.equal((retried.result as Sent).seq, 3);
    });

    it('answers a retried id with the stored result and no events, in a later batch or the same one', async () => {
      const batcher = new SendBatcher(storage, one);
      const c = await conversation();
      const command = sendCommand({ conversationId: c.id, text: 'once' });
      const first = await batcher.submit(c.visitor, command);
      const [again, twin, other] = await Promise.all([
        batcher.submit(c.visitor, command),
        batcher.submit(c.visitor, command),
        batcher.submit(c.agent, sendCommand({ conversationId: c.id, text: 'reply' })),
      ]);
      assert.deepEqual(again, { result: first.result, events: [] });
      assert.deepEqual(twin, { result: first.result, events: [] });
      assert.equal((other.result as Sent).seq, 2);

      // A new id sent twice in one batch: stored once, both answered alike.
      const fresh = sendCommand({ conversationId: c.id, text: 'twice' });
      const [x, y] = await Promise.all([
        batcher.submit(c.visitor, fresh),
        batcher.submit(c.visitor, fresh),
      ]);
      assert.deepEqual(y.result, x.result);
      assert.equal(x.events.length + y.events.length, 1);
      assert.deepEqual(
        (await messagesOf(c.id)).map((row) => row.text),
        ['once', 'reply', 'twice'],
      );

      // The same id under another principal is another command.
      const agents = await batcher.submit(c.agent, { ...command, text: 'mine' });
      assert.equal((agents.result as Sent).seq, 4);
    });

    it('answers a retry of a batched send from its message, also once the chat closed or alone', async () => {
      const batcher = new SendBatcher(storage, one);
      const c = await conversation();
      const command = sendCommand({ conversationId: c.id, text: 'kept' });
      const first = await batcher.submit(c.visitor, command);
      // Batched sends keep their answer with the message, not in command_results.
      const results = await storage.query('SELECT 1 FROM command_results WHERE command_id = $1', [
        command.id,
      ]);
      assert.equal(results.length, 0);
      await storage.query(`UPDATE conversations SET status = 'closed' WHERE id = $1`, [c.id]);
      assert.deepEqual(await batcher.submit(c.visitor, command), {
        result: first.result,
        events: [],
      });
      // The one-by-one path (a retry whose batch failed) finds the same answer.
      const alone = await runOnce(storage, c.visitor, command, (tx) => one(tx, c.visitor, command));
      assert.deepEqual(alone, { result: first.result, events: [] });
      assert.deepEqual(
        (await messagesOf(c.id)).map((row) => row.text),
        ['kept'],
      );
    });

    it('looks a batch up by index probes, not table scans, once the tables have grown', async () => {
      await storage.exec(`
        INSERT INTO conversations (id, site_key, visitor_id, status)
          SELECT 'grown-' || g, 'demo', 'grown-visitor-' || g, 'closed' FROM generate_series(1, 500) g;
        INSERT INTO messages (id, conversation_id, client_message_id, author_role, author_id, text, seq)
          SELECT gen_random_uuid()::text, 'grown-' || (g % 500 + 1), gen_random_uuid()::text,
            'visitor', 'grown-visitor-' || (g % 500 + 1), 'old', g
          FROM generate_series(1, 20000) g;
        INSERT INTO command_results (principal, command_id, type)
          SELECT 'demo/visitor/grown-' || g, gen_random_uuid()::text, 'chat.send'
          FROM generate_series(1, 5000) g;`);
      const c = await conversation();
      const plans: string[] = [];
      await storage.transaction(async (tx) => {
        const explained: Queryable = {
          exec: (sql) => tx.exec(sql),
          query: async <T>(sql: string, params?: unknown[]) => {
            const plan = await tx.query<Record<string, string>>(`EXPLAIN ${sql}`, params);
            plans.push(plan.map((row) => Object.values(row)[0]).join('\n'));
            return tx.query<T>(sql, params);
          },
        };
        const sends = [0, 1, 2].map(() => ({ id: randomUUID(), author: c.visitor }));
        await readBatch(
          explained,
          sends.map((send) => ({
            principal: `demo/visitor/${send.author.id}`,
            commandId: send.id,
            type: 'chat.send',
          })),
          sends.map((send) => ({
            conversationId: c.id,
            role: 'visitor',
            authorId: send.author.id,
            clientMessageId: send.id,
          })),
          [c.id],
          driver === 'postgres',
        );
      });
      assert.equal(plans.length, 1);
      assert.doesNotMatch(plans[0]!, /Seq Scan on (messages|command_results|conversations)/);
      assert.match(plans[0]!, /messages_client_message_key/);
    });

    it('reads a conversation again once anything else ran: no stale seq, no send to a closed chat', async () => {
      const batcher = new SendBatcher(storage, one);
      const c = await conversation();
      const stream = `conv:${c.id}` as const;
      const sent = (text: string) =>
        batcher.submit(c.agent, sendCommand({ conversationId: c.id, text }));
      assert.equal(((await sent('one')).result as { seq: number }).seq, 1);
      assert.equal(((await sent('two')).result as { seq: number }).seq, 2);
      // Another writer moves the stream on between two batches.
      await storage.transaction((tx) =>
        appendEvent(tx, stream, { type: 'conversation.closed', conversationId: c.id }),
      );
      assert.equal(((await sent('three')).result as { seq: number }).seq, 4);
      await storage.query(`UPDATE conversations SET status = 'closed' WHERE id = $1`, [c.id]);
      await assert.rejects(sent('four'), { code: 'conversation.closed' });
      const seqs = (await readEvents(storage, stream, 0, 10)).map((frame) => frame.seq);
      assert.deepEqual(seqs, [1, 2, 3, 4]);
    });

    it('stores a batch the memo knows in one statement, which writes nothing when it meets a stored send', async () => {
      const c = await conversation();
      const memo = {};
      const db: Queryable = {
        query: (sql, params, options) => storage.query(sql, params, options),
        exec: (sql) => storage.exec(sql),
        memo,
      };
      const item = (principal: Principal, text: string, id = randomUUID()) => ({
        principal,
        command: sendCommand({ conversationId: c.id, text }, id),
        messageId: newMessageId(),
      });
      const attempt = (...items: ReturnType<typeof item>[]) =>
        storeSendBatch.attempt!(db, { items, lockCounters: false });
      const first = item(c.visitor, 'one');
      assert.equal(await attempt(first), null, 'nothing known yet: the batch is read first');

      // What a checked batch of this conversation leaves in the memo.
      const row = {
        id: c.id,
        site_key: 'demo',
        status: 'active' as const,
        visitor_id: c.visitor.id,
        customer_id: null,
      };
      SendBatchMemo.of(db).learn(
        new Map([[c.id, { ...row, agent_id: c.agent.id }]]),
        new Map([[`conv:${c.id}` as const, 0]]),
      );
      const stored = await attempt(first, item(c.agent, 'two'));
      assert.deepEqual(stored?.verdicts, [1, 2]);
      assert.ok(Date.parse(stored!.at) > 0);

      // A retry of the first send, and an id another command type used: refused whole.
      const reused = randomUUID();
      await storage.query(
        `INSERT INTO command_results (principal, command_id, type, result) VALUES ($1, $2, 'chat.note', '{}')`,
        [`demo/agent/${c.agent.id}`, reused],
      );
      for (const clash of [first, item(c.agent, 'mine', reused)])
        await assert.rejects(attempt(item(c.visitor, 'three'), clash));
      assert.deepEqual(
        (await messagesOf(c.id)).map((message) => message.text),
        ['one', 'two'],
      );
      assert.equal(await lastSeq(storage, `conv:${c.id}`), 2);
      // A refusal may be a retry whose stored answer wins: the checked way decides it.
      assert.equal(await attempt(item(c.visitor, '')), null);
    });

    it('refuses an id already used by another command type', async () => {
      const batcher = new SendBatcher(storage, one);
      const c = await conversation();
      const id = randomUUID();
      await storage.query(
        `INSERT INTO command_results (principal, command_id, type, result) VALUES ($1, $2, 'chat.note', '{}')`,
        [`demo/agent/${c.agent.id}`, id],
      );
      await assert.rejects(
        batcher.submit(c.agent, sendCommand({ conversationId: c.id, text: 'x' }, id)),
        { code: 'protocol.invalid_message' },
      );
    });

    it('runs each send of a failed batch on its own, stored exactly once', async () => {
      let transactions = 0;
      // The batch's transaction does all its work, then fails (as a deadlock or lost connection would).
      const flaky: Storage = {
        ...storage,
        call: (procedure, args) =>
          ++transactions === 1
            ? storage.transaction(async (tx) => {
                await procedure.run(tx, args);
                throw new Error('lost the connection');
              })
            : storage.call(procedure, args),
        transaction: (fn) => (transactions++, storage.transaction(fn)),
      };
      const batcher = new SendBatcher(flaky, one);
      const c = await conversation();
      const sent = await Promise.all(
        ['a', 'b', 'c'].map((text, i) =>
          batcher.submit(i % 2 ? c.agent : c.visitor, sendCommand({ conversationId: c.id, text })),
        ),
      );
      assert.ok(transactions >= 4, `${transactions} transactions`);
      assert.deepEqual(sent.map(({ result }) => (result as Sent).seq).sort(), [1, 2, 3]);
      assert.deepEqual((await messagesOf(c.id)).map((row) => row.text).sort(), ['a', 'b', 'c']);
    });

    it('leaves first messages, extras and waiting conversations to the one-by-one path', async () => {
      const batcher = new SendBatcher(storage, one);
      const c = await conversation({ counter: false });
      const newcomer = visitor(randomUUID());
      const [first, withReplies, plain] = await Promise.all([
        batcher.submit(newcomer, sendCommand({ text: 'hello' })),
        batcher.submit(
          c.agent,
          sendCommand({ conversationId: c.id, text: 'pick one', quickReplies: ['Yes', 'No'] }),
        ),
        batcher.submit(c.visitor, sendCommand({ conversationId: c.id, text: 'plain' })),
      ]);
      const opened = first.result as Sent;
      assert.equal(opened.seq, 1);
      assert.ok(first.events.some((e) => e.event.type === 'conversation.queued'));
      assert.deepEqual((withReplies.result as Sent).message.quickReplies, ['Yes', 'No']);
      assert.equal((plain.result as Sent).seq + (withReplies.result as Sent).seq, 3);

      // The newcomer's conversation is waiting: its next message also updates the desk.
      const next = await batcher.submit(
        newcomer,
        sendCommand({ conversationId: opened.conversationId, text: 'anyone?' }),
      );
      assert.ok(next.events.some((e) => e.event.type === 'conversation.updated'));
    });
  });
}

interface Sent {
  conversationId: string;
  seq: number;
  message: { createdAt: string; text: string; quickReplies?: string[] };
}
