import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe } from 'node:test';
import { mintToken, signedIn, type TestHub, type WsClient } from '../testing/harness.js';
import type { Frame } from '../testing/ws-client.js';
import { drivers, useHubOn } from '../testing/drivers.js';

// Many sockets sending at once through a real hub: their sends share batches. With
// CXKIT_TEST_DATABASE_URL also on PostgreSQL.
const pairs = 12;
const perSocket = 6;

for (const driver of drivers) {
  describe(`concurrent chat.send over sockets (${driver})`, () => {
    let hub: TestHub;
    const { it } = useHubOn(driver, {}, (started) => (hub = started));

    /** A visitor and an agent of their own in an accepted conversation, both subscribed. */
    async function pair(i: number) {
      const tag = randomUUID().slice(0, 8);
      const visitorId = `v-${tag}`;
      const visitor = await signedIn(hub, mintToken({ sub: visitorId, role: 'visitor' }));
      const agent = await signedIn(hub, mintToken({ sub: `a-${tag}`, name: `Agent ${i}` }));
      const { conversationId, seq } = await visitor.ok('chat.send', { text: 'hello' });
      await agent.ok('chat.accept', { conversationId });
      const stream = `conv:${conversationId}`;
      await visitor.ok('subscribe', { stream, after: seq });
      await agent.ok('subscribe', { stream, after: seq });
      await visitor.waitFor((f) => f.stream === stream && f.event.type === 'conversation.accepted');
      return { visitorId, visitor, agent, conversationId, stream };
    }

    /** Sends without waiting: frames queue on the socket and at the hub. */
    function sendMany(client: WsClient, conversationId: string, label: string) {
      const ids = Array.from({ length: perSocket }, () => randomUUID());
      ids.forEach((id, n) =>
        client.sendRaw({ v: 1, type: 'chat.send', id, conversationId, text: `${label} ${n}` }),
      );
      return Promise.all(
        ids.map((id) =>
          client.waitFor((f) => f.id === id && (f.type === 'ack' || f.type === 'error')),
        ),
      );
    }

    const messagesSeen = (client: WsClient, stream: string, count: number) =>
      Promise.all(
        Array.from({ length: count }, () =>
          client.waitFor((f) => f.stream === stream && f.event.type === 'message.created'),
        ),
      );

    it('acks every send once, numbers each conversation without holes, keeps each sender in order', async () => {
      const all = await Promise.all(Array.from({ length: pairs }, (_, i) => pair(i)));
      const answers = await Promise.all(
        all.flatMap(({ visitor, agent, conversationId }) => [
          sendMany(visitor, conversationId, 'visitor'),
          sendMany(agent, conversationId, 'agent'),
        ]),
      );
      for (const frames of answers) {
        assert.deepEqual(
          frames.map((f) => f.type),
          Array(perSocket).fill('ack'),
        );
        const seqs = frames.map((f) => f.result.seq as number);
        assert.deepEqual(
          seqs,
          [...seqs].sort((x, y) => x - y),
          'a sender’s messages keep their order',
        );
      }
      for (const [i, { visitor, agent, stream }] of all.entries()) {
        const seqs = [...answers[2 * i]!, ...answers[2 * i + 1]!]
          .map((f) => f.result.seq as number)
          .sort((x, y) => x - y);
        // 1: the first message, 2: accepted; then every send once.
        assert.deepEqual(
          seqs,
          Array.from({ length: 2 * perSocket }, (_, k) => k + 3),
        );
        for (const client of [visitor, agent]) {
          const seen = await messagesSeen(client, stream, 2 * perSocket);
          assert.deepEqual(
            seen.map((f) => f.seq),
            seqs,
            'each side gets every message once, in order',
          );
          assert.equal(client.frames.filter((f) => f.type === 'error').length, 0);
        }
      }
      all.forEach(({ visitor, agent }) => (visitor.close(), agent.close()));
    });

    it('fails a bad send alone among concurrent good ones', async () => {
      const [a, b] = [await pair(0), await pair(1)];
      const bad = a.visitor.command('chat.send', { conversationId: b.conversationId, text: 'hi' });
      const good = [
        sendMany(a.visitor, a.conversationId, 'visitor'),
        sendMany(b.agent, b.conversationId, 'agent'),
      ];
      const blank = b.visitor.command('chat.send', { conversationId: b.conversationId, text: ' ' });
      assert.equal((await bad).code, 'auth.forbidden');
      assert.equal((await blank).code, 'protocol.invalid_message');
      for (const frames of await Promise.all(good)) {
        assert.deepEqual(
          frames.map((f: Frame) => f.type),
          Array(perSocket).fill('ack'),
        );
        assert.deepEqual(
          frames.map((f: Frame) => f.result.seq),
          Array.from({ length: perSocket }, (_, k) => k + 3),
        );
      }
      [a, b].forEach(({ visitor, agent }) => (visitor.close(), agent.close()));
    });

    it('answers one id sent on two sockets of a visitor alike, and stores it once', async () => {
      const p = await pair(0);
      const second = await signedIn(hub, mintToken({ sub: p.visitorId, role: 'visitor' }));
      const id = randomUUID();
      const fields = { conversationId: p.conversationId, text: 'only once' };
      const [x, y] = await Promise.all([
        p.visitor.command('chat.send', fields, id),
        second.command('chat.send', fields, id),
      ]);
      assert.equal(x.type, 'ack');
      // The subscribed socket's answer also carries its event; the answer itself is the same.
      const { events, ...answer } = x;
      assert.equal(events.length, 1);
      assert.deepEqual(y, answer);
      const next = await p.visitor.ok('chat.send', { ...fields, text: 'next' });
      assert.equal(next.seq, x.result.seq + 1, 'the repeat took no seq');
      const seen = await messagesSeen(p.agent, p.stream, 2);
      assert.deepEqual(
        seen.map((f) => f.event.message.text),
        ['only once', 'next'],
      );
      [p.visitor, p.agent, second].forEach((client) => client.close());
    });
  });
}
