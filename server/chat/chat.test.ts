import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe } from 'node:test';
import {
  mintToken,
  signedIn,
  visitorAndAgent,
  visitorToken,
  type TestHub,
} from '../testing/harness.js';
import { drivers, useHubOn } from '../testing/drivers.js';

for (const driver of drivers) {
  describe(`chat over real sockets (${driver})`, () => {
    let hub: TestHub;
    const { it } = useHubOn(driver, {}, (started) => (hub = started));

    it('walks the skeleton: visitor says hello, agent sees it queued, accepts and answers', async () => {
      const { visitorId, visitor, agent } = await visitorAndAgent(hub);
      const snapshot = await agent.ok('desk.snapshot');
      await agent.ok('subscribe', { stream: 'desk:demo', after: snapshot.seq });

      const sent = await visitor.ok('chat.send', { text: '  hello  ' });
      assert.equal(sent.message.text, 'hello');
      assert.equal(sent.seq, 1);
      assert.deepEqual(sent.message.author, { role: 'visitor', id: visitorId });
      const conv = `conv:${sent.conversationId}`;

      const queued = await agent.waitFor((f) => f.type === 'event' && f.stream === 'desk:demo');
      assert.equal(queued.event.type, 'conversation.queued');
      assert.equal(queued.event.conversation.id, sent.conversationId);
      assert.equal(queued.event.conversation.status, 'waiting');
      assert.equal(queued.event.conversation.lastText, 'hello');

      await visitor.ok('subscribe', { stream: conv, after: sent.seq });
      await agent.ok('subscribe', { stream: conv, after: 0 });
      const replayed = await agent.waitFor((f) => f.type === 'event' && f.stream === conv);
      assert.equal(replayed.event.message.text, 'hello');

      const accepted = await agent.ok('chat.accept', { conversationId: sent.conversationId });
      assert.equal(accepted.conversation.status, 'active');
      assert.equal(accepted.conversation.agentName, 'Demo Agent');
      const acceptedEvent = await visitor.waitFor((f) => f.type === 'event' && f.stream === conv);
      assert.equal(acceptedEvent.event.type, 'conversation.accepted');
      assert.equal(acceptedEvent.seq, 2);
      const updated = await agent.waitFor((f) => f.type === 'event' && f.stream === 'desk:demo');
      assert.equal(updated.event.type, 'conversation.updated');

      const answer = await agent.ok('chat.send', {
        conversationId: sent.conversationId,
        text: 'Hi, how can I help?',
      });
      const received = await visitor.waitFor((f) => f.type === 'event' && f.stream === conv);
      assert.equal(received.seq, 3);
      assert.equal(received.event.type, 'message.created');
      assert.deepEqual(received.event.message, answer.message);
      assert.deepEqual(received.event.message.author, {
        role: 'agent',
        id: 'demo-agent',
        name: 'Demo Agent',
      });

      const list = await visitor.ok('conversations.list');
      assert.equal(list.conversations[0].id, sent.conversationId);
      assert.equal(list.conversations[0].lastText, 'Hi, how can I help?');
      assert.equal(list.conversations[0].lastSeq, 3);
      visitor.close();
      agent.close();
    });

    it('answers a sender in one frame: its ack carries the event its other tabs and the agent get', async () => {
      const { visitorId, visitor, agent } = await visitorAndAgent(hub);
      const first = await visitor.ok('chat.send', { text: 'hello' });
      const conv = `conv:${first.conversationId}`;
      await agent.ok('chat.accept', { conversationId: first.conversationId });
      const otherTab = await signedIn(hub, mintToken({ sub: visitorId, role: 'visitor' }));
      for (const client of [visitor, otherTab, agent])
        await client.ok('subscribe', { stream: conv, after: 0 });
      await visitor.waitFor((f) => f.type === 'event' && f.seq === 2);

      const ack = await visitor.command('chat.send', {
        conversationId: first.conversationId,
        text: 'one frame',
      });
      assert.equal(ack.result.seq, 3);
      assert.deepEqual(
        ack.events.map((e: { seq: number; event: { message: unknown } }) => [
          e.seq,
          e.event.message,
        ]),
        [[3, ack.result.message]],
      );
      for (const client of [otherTab, agent]) {
        const event = await client.waitFor((f) => f.type === 'event' && f.seq === 3);
        assert.deepEqual(event, ack.events[0]);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.equal(
        visitor.received.filter((f) => f.type === 'event' && f.seq === 3).length,
        0,
        'no separate echo',
      );
      [visitor, otherTab, agent].forEach((client) => client.close());
    });

    it('continues the open conversation when conversationId is omitted', async () => {
      const { visitor } = await visitorAndAgent(hub);
      const first = await visitor.ok('chat.send', { text: 'one' });
      const second = await visitor.ok('chat.send', { text: 'two' });
      assert.equal(second.conversationId, first.conversationId);
      assert.equal(second.seq, 2);
      visitor.close();
    });

    it('stores a chat.send once per id and answers a retry with the same ack', async () => {
      const { visitor } = await visitorAndAgent(hub);
      const id = randomUUID();
      const first = await visitor.command('chat.send', { text: 'only once' }, id);
      const retry = await visitor.command('chat.send', { text: 'only once' }, id);
      assert.equal(first.type, 'ack');
      assert.deepEqual(retry, first);
      await visitor.ok('subscribe', { stream: `conv:${first.result.conversationId}`, after: 0 });
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(visitor.events(`conv:${first.result.conversationId}`).length, 1);
      visitor.close();
    });

    it('lets exactly one of two agents accept when both try at once', async () => {
      const { visitor } = await visitorAndAgent(hub);
      const { conversationId } = await visitor.ok('chat.send', { text: 'anyone?' });
      const ann = await signedIn(hub, mintToken({ sub: 'agent-ann', name: 'Ann' }));
      const bob = await signedIn(hub, mintToken({ sub: 'agent-bob', name: 'Bob' }));
      const answers = await Promise.all([
        ann.command('chat.accept', { conversationId }),
        bob.command('chat.accept', { conversationId }),
      ]);
      const kinds = answers.map((frame) => (frame.type === 'ack' ? 'ack' : frame.code)).sort();
      assert.deepEqual(kinds, ['ack', 'conversation.already_accepted']);

      const conv = `conv:${conversationId}`;
      await ann.ok('subscribe', { stream: conv, after: 0 });
      await ann.waitFor((f) => f.type === 'event' && f.seq === 2);
      const accepted = ann.events(conv).filter((f) => f.event.type === 'conversation.accepted');
      assert.equal(accepted.length, 1, 'the acceptance is announced once');
      for (const client of [ann, bob, visitor]) client.close();
    });

    it('rejects empty and too long text, and agents answering before accepting', async () => {
      const { visitor, agent } = await visitorAndAgent(hub);
      const blank = await visitor.command('chat.send', { text: '   ' });
      assert.equal(blank.code, 'protocol.invalid_message');
      const long = await visitor.command('chat.send', { text: 'x'.repeat(4001) });
      assert.equal(long.code, 'protocol.invalid_message');
      const exact = await visitor.command('chat.send', { text: 'x'.repeat(4000) });
      assert.equal(exact.type, 'ack');
      const conversationId = exact.result.conversationId;
      const early = await agent.command('chat.send', { conversationId, text: 'hi' });
      assert.equal(early.code, 'auth.forbidden');
      const visitorAccept = await visitor.command('chat.accept', { conversationId });
      assert.equal(visitorAccept.code, 'auth.forbidden');
      const missing = await agent.command('chat.accept', { conversationId: randomUUID() });
      assert.equal(missing.code, 'conversation.not_found');
      const stranger = await signedIn(hub, (await visitorToken(hub)).token);
      const intrude = await stranger.command('chat.send', { conversationId, text: 'hi' });
      assert.equal(intrude.code, 'auth.forbidden');
      for (const client of [visitor, agent, stranger]) client.close();
    });
  });
}
