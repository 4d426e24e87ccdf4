import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it as test } from 'node:test';
import {
  mintToken,
  signedIn,
  startTestHub,
  stopTestHub,
  visitorToken,
  type TestHub,
  type WsClient,
} from '../testing/harness.js';
import { drivers, useHubOn } from '../testing/drivers.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A visitor who wrote `texts`, and the demo agent who accepted; both follow the conversation. */
async function activeConversation(hub: TestHub, texts = ['hello']) {
  const token = (await visitorToken(hub)).token;
  const visitor = await signedIn(hub, token);
  // A fresh agent each time: the site allows an agent only a few chats at once.
  const agentId = `agent-${randomUUID()}`;
  const agent = await signedIn(hub, mintToken({ sub: agentId, name: 'Mina' }));
  let conversationId = '';
  for (const text of texts)
    conversationId = (await visitor.ok('chat.send', { text })).conversationId as string;
  await agent.ok('chat.accept', { conversationId });
  const conv = `conv:${conversationId}`;
  await visitor.ok('subscribe', { stream: conv, after: 0 });
  await agent.ok('subscribe', { stream: conv, after: 0 });
  return { visitor, agent, agentId, conversationId, conv, token };
}

const signals = (client: WsClient) => client.frames.filter((frame) => frame.type === 'signal');
const receipts = (client: WsClient, conv: string) =>
  client.events(conv).filter((frame) => frame.event.type === 'conversation.receipt');

for (const driver of drivers) {
  describe(`typing and receipts over real sockets (${driver})`, () => {
    let hub: TestHub;
    const { it } = useHubOn(driver, {}, (started) => (hub = started));

    it('tells the other side (and other agents) who is typing, never the typist', async () => {
      const { visitor, agent, agentId, conversationId, conv } = await activeConversation(hub);
      const ann = await signedIn(hub, mintToken({ sub: 'agent-ann', name: 'Ann' }));
      await ann.ok('subscribe', { stream: conv, after: 0 });

      assert.deepEqual(await agent.ok('chat.typing', { conversationId, active: true }), {
        conversationId,
      });
      const seen = await visitor.waitFor((frame) => frame.type === 'signal');
      assert.deepEqual(seen, {
        v: 1,
        type: 'signal',
        stream: conv,
        signal: {
          type: 'typing',
          conversationId,
          author: { role: 'agent', id: agentId, name: 'Mina' },
          active: true,
        },
      });
      const byAnn = await ann.waitFor((frame) => frame.type === 'signal');
      assert.equal(byAnn.signal.author.id, agentId);

      await visitor.ok('chat.typing', { conversationId, active: false });
      const visitorTyping = await agent.waitFor((frame) => frame.type === 'signal');
      assert.equal(visitorTyping.signal.author.role, 'visitor');
      assert.equal(visitorTyping.signal.active, false);
      // Both signals have reached everyone by now: each typist got only the other's.
      assert.deepEqual(
        signals(agent).map((frame) => frame.signal.author.role),
        ['visitor'],
      );
      assert.deepEqual(
        signals(visitor).map((frame) => frame.signal.author.role),
        ['agent'],
      );
      for (const client of [visitor, agent, ann]) client.close();
    });

    it('lets only those who may write now say they are typing', async () => {
      const { visitor, agent, conversationId } = await activeConversation(hub);
      const ann = await signedIn(hub, mintToken({ sub: 'agent-ann', name: 'Ann' }));
      const stranger = await signedIn(hub, (await visitorToken(hub)).token);
      const codeOf = async (client: WsClient, fields: Record<string, unknown>) =>
        ((await client.command('chat.typing', fields)) as { code?: string }).code;

      assert.equal(await codeOf(ann, { conversationId, active: true }), 'auth.forbidden');
      assert.equal(await codeOf(stranger, { conversationId, active: true }), 'auth.forbidden');
      assert.equal(
        await codeOf(visitor, { conversationId: randomUUID(), active: true }),
        'conversation.not_found',
      );
      assert.equal(await codeOf(visitor, { conversationId }), 'protocol.invalid_message');
      const waiting = (await stranger.ok('chat.send', { text: 'anyone?' })).conversationId;
      assert.equal(
        await codeOf(agent, { conversationId: waiting, active: true }),
        'auth.forbidden',
        'an agent types only in a conversation they accepted',
      );
      await agent.ok('chat.close', { conversationId });
      assert.equal(await codeOf(visitor, { conversationId, active: true }), 'conversation.closed');
      for (const client of [visitor, agent, ann, stranger]) client.close();
    });

    it('stores delivered and read positions that only grow, and announces each advance', async () => {
      const { visitor, agent, agentId, conversationId, conv } = await activeConversation(hub, [
        'one',
        'two',
      ]);
      // Stream: 1 "one", 2 "two", 3 accepted.
      const delivered = await agent.ok('chat.receipt', {
        conversationId,
        seq: 2,
        state: 'delivered',
      });
      assert.deepEqual(delivered, { conversationId, deliveredSeq: 2, readSeq: 0 });
      const event = await visitor.waitFor(
        (frame) => frame.type === 'event' && frame.event.type === 'conversation.receipt',
      );
      assert.deepEqual(event.event, {
        type: 'conversation.receipt',
        conversationId,
        reader: { role: 'agent', id: agentId, name: 'Mina' },
        deliveredSeq: 2,
        readSeq: 0,
      });

      const read = await agent.ok('chat.receipt', { conversationId, seq: 1, state: 'read' });
      assert.deepEqual(read, { conversationId, deliveredSeq: 2, readSeq: 1 });
      // Backwards, repeated, or pointing past the last message (the acceptance, a receipt):
      // nothing advances, so nothing is stored or announced.
      for (const [seq, state] of [
        [1, 'delivered'],
        [1, 'read'],
        [2, 'delivered'],
        [3, 'delivered'],
      ] as const) {
        const same = await agent.ok('chat.receipt', { conversationId, seq, state });
        assert.deepEqual(same, { conversationId, deliveredSeq: 2, readSeq: 1 });
      }
      const lastRead = await agent.ok('chat.receipt', { conversationId, seq: 999, state: 'read' });
      assert.deepEqual(lastRead, { conversationId, deliveredSeq: 2, readSeq: 2 });
      await agent.ok('chat.send', { conversationId, text: 'marker' });
      await visitor.waitFor(
        (frame) =>
          frame.type === 'event' &&
          frame.event.type === 'message.created' &&
          frame.event.message.text === 'marker',
      );
      assert.deepEqual(
        receipts(visitor, conv).map((frame) => [frame.event.deliveredSeq, frame.event.readSeq]),
        [
          [2, 0],
          [2, 1],
          [2, 2],
        ],
      );
      for (const client of [visitor, agent]) client.close();
    });

    it('keeps positions monotonic under concurrent receipts', async () => {
      const texts = Array.from({ length: 8 }, (_, i) => `m${i + 1}`);
      const { visitor, agent, conversationId, conv } = await activeConversation(hub, texts);
      const seqs = [5, 2, 8, 1, 7, 3, 6, 4, 8, 2];
      const answers = await Promise.all(
        seqs.map((seq, i) =>
          agent.ok('chat.receipt', { conversationId, seq, state: i % 2 ? 'read' : 'delivered' }),
        ),
      );
      assert.ok(answers.every((answer) => answer.deliveredSeq >= 1));
      const final = await agent.ok('chat.receipt', { conversationId, seq: 1, state: 'delivered' });
      assert.equal(final.deliveredSeq, 8);
      assert.equal(final.readSeq, Math.max(...seqs.filter((_, i) => i % 2)));
      await agent.ok('chat.send', { conversationId, text: 'marker' });
      await visitor.waitFor(
        (frame) =>
          frame.type === 'event' &&
          frame.event.type === 'message.created' &&
          frame.event.message.text === 'marker',
      );
      const announced = receipts(visitor, conv).map((frame) => frame.event);
      for (const [i, event] of announced.entries()) {
        if (i === 0) continue;
        const before = announced[i - 1]!;
        assert.ok(event.deliveredSeq >= before.deliveredSeq && event.readSeq >= before.readSeq);
        assert.ok(event.deliveredSeq > before.deliveredSeq || event.readSeq > before.readSeq);
      }
      for (const client of [visitor, agent]) client.close();
    });

    it('lets only participants send receipts', async () => {
      const { visitor, agent, conversationId } = await activeConversation(hub);
      const stranger = await signedIn(hub, (await visitorToken(hub)).token);
      const intrude = await stranger.command('chat.receipt', {
        conversationId,
        seq: 1,
        state: 'read',
      });
      assert.equal(intrude.code, 'auth.forbidden');
      const bad = await visitor.command('chat.receipt', { conversationId, seq: 0, state: 'read' });
      assert.equal(bad.code, 'protocol.invalid_message');
      const unknownState = await visitor.command('chat.receipt', {
        conversationId,
        seq: 1,
        state: 'seen',
      });
      assert.equal(unknownState.code, 'protocol.invalid_message');
      // Any agent of the site may read (and so mark) a conversation, as they may subscribe to it.
      const ann = await signedIn(hub, mintToken({ sub: 'agent-ann', name: 'Ann' }));
      assert.equal(
        (await ann.ok('chat.receipt', { conversationId, seq: 1, state: 'read' })).readSeq,
        1,
      );
      for (const client of [visitor, agent, stranger, ann]) client.close();
    });
  });
}

describe('receipts across a hub restart (pglite)', () => {
  test('replays the positions and keeps them monotonic', async () => {
    let hub = await startTestHub();
    const { visitor, agent, agentId, conversationId, conv, token } = await activeConversation(hub, [
      'before restart',
    ]);
    await agent.ok('chat.receipt', { conversationId, seq: 1, state: 'read' });
    visitor.close();
    agent.close();
    await stopTestHub(hub, { keepData: true });
    hub = await startTestHub({ dataDir: hub.dataDir });
    try {
      const again = await signedIn(hub, token);
      await again.ok('subscribe', { stream: conv, after: 0 });
      const replayed = await again.waitFor(
        (frame) => frame.type === 'event' && frame.event.type === 'conversation.receipt',
      );
      assert.equal(replayed.event.readSeq, 1);
      const agentAgain = await signedIn(hub, mintToken({ sub: agentId, name: 'Mina' }));
      const stale = await agentAgain.ok('chat.receipt', {
        conversationId,
        seq: 1,
        state: 'delivered',
      });
      assert.deepEqual(stale, { conversationId, deliveredSeq: 1, readSeq: 1 });
      await pause(50);
      assert.equal(receipts(again, conv).length, 1, 'a stale receipt announces nothing');
      again.close();
      agentAgain.close();
    } finally {
      await stopTestHub(hub);
    }
  });
});
