import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { SiteConfig } from '../../config/index.js';
import {
  configWithSites,
  demoOrigin,
  mintToken,
  signedIn,
  visitorToken,
  type TestHub,
  type WsClient,
} from '../../testing/harness.js';
import { drivers, useHubOn } from '../../testing/drivers.js';

// "returns" opens only tomorrow 09:00-10:00 UTC, so it is closed now and its next opening is known.
const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
const queues: SiteConfig['queues'] = [
  { id: 'general', name: 'General' },
  {
    id: 'returns',
    name: 'Returns',
    hours: { timeZone: 'UTC', weekly: {}, holidays: [{ date: tomorrow, hours: ['09:00-10:00'] }] },
  },
];
const { config, siteKeys } = configWithSites('queues', 8, { queues });

const isPosition =
  (position: number) => (f: { type: string; signal?: { type: string; position: number } }) =>
    f.type === 'signal' && f.signal?.type === 'queue.position' && f.signal.position === position;

for (const driver of drivers) {
  describe(`queues: hours, places in line, messages left outside hours (${driver})`, () => {
    let hub: TestHub;
    let nextSite = 0;
    const { it, clients } = useHubOn(
      driver,
      { config, queuePositionDebounceMs: 30 },
      (started) => (hub = started),
    );

    function freshSite() {
      const site = siteKeys[nextSite++]!;
      const track = (client: WsClient) => (clients.push(client), client);
      return {
        site,
        agent: async (id: string, status?: 'available' | 'away') => {
          const client = track(await signedIn(hub, mintToken({ sub: id, name: id, site }), site));
          if (status) await client.ok('agent.presence', { status });
          return client;
        },
        visitor: async () => {
          const { token } = await visitorToken(hub, site);
          return Object.assign(track(await signedIn(hub, token, site)), { token });
        },
        again: async (token: string) => track(await signedIn(hub, token, site)),
      };
    }

    /** A visitor's first message in `queueId`, following its conversation's stream. */
    async function waitingVisitor(visitor: () => Promise<WsClient>, queueId?: string) {
      const client = await visitor();
      const start = queueId ? { start: { queueId } } : {};
      const { conversationId } = await client.ok('chat.send', { text: 'hello', ...start });
      await client.ok('subscribe', { stream: `conv:${conversationId}`, after: 0 });
      return { client, conversationId: conversationId as string };
    }

    it('publishes each queue open or closed, with the next opening, in the widget settings', async () => {
      const { site } = freshSite();
      const response = await fetch(`${hub.url}/api/v1/sites/${site}/widget`, {
        headers: { origin: demoOrigin },
      });
      const { hours } = await response.json();
      assert.deepEqual(hours.queues, [
        { id: 'general', name: 'General', open: true, nextOpenAt: null, closesAt: null },
        {
          id: 'returns',
          name: 'Returns',
          open: false,
          nextOpenAt: `${tomorrow}T09:00:00.000Z`,
          closesAt: null,
        },
      ]);
    });

    it('answers the demo pages the hub serves itself (same-origin GET, no Origin header)', async () => {
      const { site } = freshSite();
      const url = `${hub.url}/api/v1/sites/${site}/widget`;
      const sameOrigin = await fetch(url, { headers: { 'sec-fetch-site': 'same-origin' } });
      assert.equal(sameOrigin.status, 200);
      assert.equal((await sameOrigin.json()).hours.queues.length, 2);
      assert.equal((await fetch(url)).status, 403);
      const crossSite = await fetch(url, { headers: { 'sec-fetch-site': 'cross-site' } });
      assert.equal(crossSite.status, 403);
    });

    it('puts a conversation in the queue the visitor names, the first by default, none unknown', async () => {
      const { visitor, agent } = freshSite();
      const unknown = await (
        await visitor()
      ).command('chat.send', {
        text: 'hi',
        start: { queueId: 'nope' },
      });
      assert.equal(unknown.code, 'queue.not_found');
      await waitingVisitor(visitor);
      const closed = await waitingVisitor(visitor, 'returns');
      const { conversations, queues: refs } = await (await agent('ann')).ok('desk.snapshot');
      assert.deepEqual(refs, [
        { id: 'general', name: 'General' },
        { id: 'returns', name: 'Returns' },
      ]);
      assert.deepEqual(
        conversations.map((c: { queueId: string }) => c.queueId),
        ['general', 'returns'],
      );
      // Outside hours a visitor who chats anyway waits in line; the queue says it is closed.
      const status = await closed.client.ok('chat.status', {
        conversationId: closed.conversationId,
      });
      assert.deepEqual(status, {
        queue: {
          id: 'returns',
          name: 'Returns',
          open: false,
          nextOpenAt: `${tomorrow}T09:00:00.000Z`,
          closesAt: null,
        },
        position: 1,
        etaSeconds: null,
      });
    });

    it('tells waiting visitors their place live as the queue moves, per queue', async () => {
      const { visitor, agent } = freshSite();
      const first = await waitingVisitor(visitor);
      await waitingVisitor(visitor);
      const third = await waitingVisitor(visitor);
      const returns = await waitingVisitor(visitor, 'returns');
      // No agent available and no history yet: the estimate is unknown.
      const before = await third.client.ok('chat.status', { conversationId: third.conversationId });
      assert.equal(before.position, 3);
      assert.equal(before.etaSeconds, null);

      const ann = await agent('ann', 'available');
      await ann.ok('chat.accept', { conversationId: first.conversationId });
      const moved = await third.client.waitFor(isPosition(2));
      assert.equal(moved.stream, `conv:${third.conversationId}`);
      // One accepted conversation is history enough for an estimate.
      assert.equal(typeof moved.signal.etaSeconds, 'number');
      assert.ok(moved.signal.etaSeconds >= 1);

      // The first one goes to the returns queue: it was queued before, so it is ahead there.
      await ann.ok('chat.transfer', {
        conversationId: first.conversationId,
        toQueueId: 'returns',
        note: 'about a return',
      });
      const behind = await returns.client.waitFor(isPosition(2));
      assert.equal(behind.signal.conversationId, returns.conversationId);
      const status = await first.client.ok('chat.status', { conversationId: first.conversationId });
      assert.equal(status.queue.id, 'returns');
      assert.equal(status.position, 1);
      const still = await third.client.ok('chat.status', { conversationId: third.conversationId });
      assert.equal(still.position, 2);
    });

    it('refuses a transfer to a queue the site lacks', async () => {
      const { visitor, agent } = freshSite();
      const { conversationId } = await waitingVisitor(visitor);
      const ann = await agent('ann', 'available');
      await ann.ok('chat.accept', { conversationId });
      const refused = await ann.command('chat.transfer', {
        conversationId,
        toQueueId: 'nope',
        note: 'n',
      });
      assert.equal(refused.code, 'queue.not_found');
    });

    it('keeps a message left outside hours for the agents, who answer it later', async () => {
      const { site, visitor, agent, again } = freshSite();
      const watcher = await agent('watcher');
      const { seq } = await watcher.ok('desk.snapshot');
      await watcher.ok('subscribe', { stream: `desk:${site}`, after: seq });

      const guest = await visitor();
      const fields = { queueId: 'returns', name: ' Mina ', email: 'mina@example.com' };
      const bad = await guest.command('chat.leaveMessage', { ...fields, email: 'mina', text: 'x' });
      assert.equal(bad.code, 'contact.invalid');
      const left = await guest.ok('chat.leaveMessage', { ...fields, text: 'Can I return boots?' });
      const repeat = await guest.command('chat.leaveMessage', { ...fields, text: 'again' });
      assert.equal(repeat.code, 'conversation.already_open');
      assert.equal(
        (await watcher.command('chat.leaveMessage', { ...fields, text: 'x' })).code,
        'auth.forbidden',
      );

      const queued = await watcher.waitFor(
        (f) => f.type === 'event' && f.stream === `desk:${site}`,
      );
      assert.equal(queued.event.type, 'conversation.queued');
      assert.deepEqual(queued.event.conversation.offline, {
        name: 'Mina',
        email: 'mina@example.com',
      });
      assert.equal(queued.event.conversation.queueId, 'returns');
      assert.equal(queued.event.conversation.offeredTo, null);
      assert.equal(queued.event.conversation.lastText, 'Can I return boots?');
      // Not in line: nobody is told a place for it.
      const status = await guest.ok('chat.status', { conversationId: left.conversationId });
      assert.equal(status.position, null);

      await watcher.ok('chat.accept', { conversationId: left.conversationId });
      await watcher.ok('chat.send', { conversationId: left.conversationId, text: 'Yes, free.' });
      await watcher.ok('chat.close', { conversationId: left.conversationId });

      // The visitor comes back later (a new socket) and reads the answer.
      const back = await again(guest.token);
      const { conversations } = await back.ok('conversations.list');
      assert.equal(conversations[0].id, left.conversationId);
      await back.ok('subscribe', { stream: `conv:${left.conversationId}`, after: 0 });
      const answer = await back.waitFor(
        (f) =>
          f.type === 'event' &&
          f.event.type === 'message.created' &&
          f.event.message.author.role === 'agent',
      );
      assert.equal(answer.event.message.text, 'Yes, free.');
    });

    it('answers chat.status for a queue before any conversation, and only for own conversations', async () => {
      const { visitor } = freshSite();
      const guest = await visitor();
      const status = await guest.ok('chat.status', { queueId: 'returns' });
      assert.equal(status.queue.open, false);
      assert.equal(status.position, null);
      assert.equal(
        (await guest.command('chat.status', { queueId: 'nope' })).code,
        'queue.not_found',
      );
      const other = await waitingVisitor(visitor);
      const foreign = await guest.command('chat.status', { conversationId: other.conversationId });
      assert.equal(foreign.code, 'auth.forbidden');
    });
  });
}
