import assert from 'node:assert/strict';
import { describe } from 'node:test';
import {
  configWithSites,
  mintToken,
  signedIn,
  visitorToken,
  type TestHub,
} from '../testing/harness.js';
import { drivers, useHubOn } from '../testing/drivers.js';

const { config, siteKeys } = configWithSites('desk', 12, {
  maxChatsPerAgent: 2,
  cannedResponses: [{ shortcut: '/hello', text: 'Hello! How can I help?' }],
});

const graceMs = 150;
const isDesk = (site: string) => (f: { type: string; stream?: string }) =>
  f.type === 'event' && f.stream === `desk:${site}`;

for (const driver of drivers) {
  describe(`agent desk: presence, routing, transfer, close, notes, search (${driver})`, () => {
    let hub: TestHub;
    let nextSite = 0;
    const { it, clients } = useHubOn(
      driver,
      { config, presenceGraceMs: graceMs },
      (started) => (hub = started),
    );

    /** A fresh site with helpers to sign in its agents and visitors. */
    function freshSite() {
      const site = siteKeys[nextSite++]!;
      return {
        site,
        agent: async (id: string, status?: 'available' | 'away') => {
          const client = await signedIn(hub, mintToken({ sub: id, name: id, site }), site);
          clients.push(client);
          if (status) await client.ok('agent.presence', { status });
          return client;
        },
        visitor: async () => {
          const { token, visitorId } = await visitorToken(hub, site);
          const client = await signedIn(hub, token, site);
          clients.push(client);
          return Object.assign(client, { visitorId, token });
        },
      };
    }

    it('shows presence and load on the desk, and sets a dropped agent away after the grace', async () => {
      const { site, agent } = freshSite();
      const watcher = await agent('watcher');
      const snapshot = await watcher.ok('desk.snapshot');
      assert.equal(snapshot.maxChatsPerAgent, 2);
      assert.deepEqual(snapshot.cannedResponses, [
        { shortcut: '/hello', text: 'Hello! How can I help?' },
      ]);
      await watcher.ok('subscribe', { stream: `desk:${site}`, after: snapshot.seq });

      const ann = await agent('ann');
      const { agent: presence } = await ann.ok('agent.presence', { status: 'available' });
      assert.deepEqual(presence, { id: 'ann', name: 'ann', status: 'available', activeChats: 0 });
      const seen = await watcher.waitFor(isDesk(site));
      assert.equal(seen.event.type, 'agent.updated');
      assert.equal(seen.event.agent.status, 'available');

      ann.close();
      const away = await watcher.waitFor(isDesk(site), graceMs + 3000);
      assert.deepEqual(away.event.agent, {
        id: 'ann',
        name: 'ann',
        status: 'away',
        activeChats: 0,
      });
      const later = await watcher.ok('desk.snapshot');
      assert.equal(later.agents.find((a: { id: string }) => a.id === 'ann').status, 'away');
    });

    it('keeps an agent available across a reconnect within the grace', async () => {
      const { agent } = freshSite();
      const first = await agent('bea', 'available');
      first.close();
      const again = await agent('bea');
      await new Promise((resolve) => setTimeout(resolve, graceMs * 3));
      const { agents } = await again.ok('desk.snapshot');
      assert.equal(agents[0].status, 'available');
    });

    it('offers each new conversation to the longest-idle available agent below the limit', async () => {
      const { site, agent, visitor } = freshSite();
      await agent('away-agent', 'away');
      const ann = await agent('ann', 'available');
      await agent('bob', 'available');
      const watcher = await agent('watcher');
      const { seq } = await watcher.ok('desk.snapshot');
      await watcher.ok('subscribe', { stream: `desk:${site}`, after: seq });

      // Ann has been available longest, so she is offered the first; Bob, idle longer now, the second.
      const offers: string[] = [];
      for (let i = 0; i < 3; i++) {
        await (await visitor()).ok('chat.send', { text: `visitor ${i}` });
        const queued = await watcher.waitFor(
          (f) => isDesk(site)(f) && f.event.type === 'conversation.queued',
        );
        offers.push(queued.event.conversation.offeredTo);
      }
      assert.deepEqual(offers, ['ann', 'bob', 'ann']);

      // An agent at the limit (2) is skipped: Ann takes two chats, so Bob gets the next offer.
      const { conversations } = await ann.ok('desk.snapshot');
      for (const c of conversations.slice(0, 2))
        await ann.ok('chat.accept', { conversationId: c.id });
      await (await visitor()).ok('chat.send', { text: 'one more' });
      const next = await watcher.waitFor(
        (f) => isDesk(site)(f) && f.event.type === 'conversation.queued',
      );
      assert.equal(next.event.conversation.offeredTo, 'bob');
    });

    it('lets any agent accept an offered conversation, refuses past the limit, and counts load', async () => {
      const { agent, visitor } = freshSite();
      const ann = await agent('ann', 'available');
      const bob = await agent('bob', 'away');
      const ids: string[] = [];
      for (let i = 0; i < 3; i++)
        ids.push((await (await visitor()).ok('chat.send', { text: `hi ${i}` })).conversationId);

      // Offered to Ann, but Bob (the broadcast fallback) may take it.
      const taken = await bob.ok('chat.accept', { conversationId: ids[0] });
      assert.equal(taken.conversation.agentId, 'bob');
      assert.equal(taken.conversation.offeredTo, null);
      await bob.ok('chat.accept', { conversationId: ids[1] });
      const refused = await bob.command('chat.accept', { conversationId: ids[2] });
      assert.equal(refused.code, 'agent.at_capacity');
      // Accepting one already ours is not counted against the limit.
      assert.equal((await bob.command('chat.accept', { conversationId: ids[1] })).type, 'ack');

      const { agents } = await ann.ok('desk.snapshot');
      const load = Object.fromEntries(
        agents.map((a: { id: string; activeChats: number }) => [a.id, a.activeChats]),
      );
      assert.deepEqual(load, { ann: 0, bob: 2 });
    });

    it('never lets concurrent accepts take an agent past the limit', async () => {
      const { agent, visitor } = freshSite();
      const ids: string[] = [];
      for (let i = 0; i < 4; i++)
        ids.push((await (await visitor()).ok('chat.send', { text: `rush ${i}` })).conversationId);
      // One socket handles its frames in order, so the same agent accepts from four desks at once.
      const desks = await Promise.all(ids.map(() => agent('ann')));
      const answers = await Promise.all(
        ids.map((conversationId, i) => desks[i]!.command('chat.accept', { conversationId })),
      );
      const kinds = answers.map((f) => (f.type === 'ack' ? 'ack' : f.code)).sort();
      assert.deepEqual(kinds, ['ack', 'ack', 'agent.at_capacity', 'agent.at_capacity']);
    });

    it('keeps internal notes from the visitor, live and on replay, and shows them to agents', async () => {
      const { site, agent, visitor } = freshSite();
      const ann = await agent('ann');
      const customer = await visitor();
      const { conversationId, seq } = await customer.ok('chat.send', { text: 'my parcel?' });
      const conv = `conv:${conversationId}`;
      await customer.ok('subscribe', { stream: conv, after: seq });

      // Any agent may note, even before accepting; the visitor may not.
      const noted = await ann.ok('chat.note', { conversationId, text: 'VIP, be quick' });
      assert.equal(noted.note.text, 'VIP, be quick');
      assert.equal(
        (await customer.command('chat.note', { conversationId, text: 'x' })).code,
        'auth.forbidden',
      );
      await ann.ok('chat.accept', { conversationId });

      const live = await customer.waitFor((f) => f.type === 'event' && f.stream === conv);
      assert.deepEqual(live.event, { type: 'hidden' });
      assert.equal(live.seq, noted.seq);

      // Replay: a new socket of the same visitor reads the whole stream from 0.
      const again = await signedIn(hub, customer.token, site);
      clients.push(again);
      await again.ok('subscribe', { stream: conv, after: 0 });
      await again.waitFor((f) => f.type === 'event' && f.stream === conv && f.seq === 3);
      const replayed = again.events(conv).map((f) => f.event.type);
      assert.deepEqual(replayed, ['message.created', 'hidden', 'conversation.accepted']);
      assert.ok(
        !JSON.stringify(again.frames).includes('VIP'),
        'the note text never reaches the visitor',
      );
      const list = await again.ok('conversations.list');
      assert.equal(list.conversations[0].lastText, 'my parcel?', 'a note is no preview');
      assert.equal(list.conversations[0].lastFrom, 'visitor', 'the agent owes an answer');
      assert.ok(Date.parse(list.conversations[0].lastAt) <= Date.now());

      const agentView = await agent('bob');
      await agentView.ok('subscribe', { stream: conv, after: 0 });
      const note = await agentView.waitFor((f) => f.type === 'event' && f.seq === 2);
      assert.equal(note.event.type, 'note.created');
      assert.equal(note.event.note.text, 'VIP, be quick');
    });

    it('transfers with an internal note: the visitor sees a neutral notice, the target the offer', async () => {
      const { site, agent, visitor } = freshSite();
      const ann = await agent('ann', 'available');
      const bob = await agent('bob', 'available');
      const customer = await visitor();
      const { conversationId } = await customer.ok('chat.send', { text: 'refund please' });
      await ann.ok('chat.accept', { conversationId });
      const conv = `conv:${conversationId}`;
      const { seq } = await bob.ok('desk.snapshot');
      await bob.ok('subscribe', { stream: `desk:${site}`, after: seq });
      await customer.ok('subscribe', { stream: conv, after: 2 });

      assert.equal(
        (await bob.command('chat.transfer', { conversationId, note: 'mine now' })).code,
        'auth.forbidden',
        'only the handling agent transfers',
      );
      assert.equal(
        (await ann.command('chat.transfer', { conversationId, toAgentId: 'nobody', note: 'x' }))
          .code,
        'agent.not_found',
      );
      const moved = await ann.ok('chat.transfer', {
        conversationId,
        toAgentId: 'bob',
        note: 'Billing question, over to you',
      });
      assert.equal(moved.conversation.status, 'waiting');
      assert.equal(moved.conversation.offeredTo, 'bob');
      assert.equal(moved.conversation.agentId, null);

      const offered = await bob.waitFor(
        (f) => isDesk(site)(f) && f.event.type === 'conversation.updated',
      );
      assert.equal(offered.event.conversation.offeredTo, 'bob');
      const visitorSaw = [
        await customer.waitFor((f) => f.stream === conv),
        await customer.waitFor((f) => f.stream === conv),
      ].map((f) => f.event);
      assert.deepEqual(visitorSaw, [
        { type: 'hidden' },
        { type: 'conversation.transferred', conversationId },
      ]);
      await bob.ok('chat.accept', { conversationId });

      // Back to the queue: offered to the longest-idle other agent (Ann is excluded).
      const cleo = await agent('cleo', 'available');
      void cleo;
      const requeued = await bob.ok('chat.transfer', { conversationId, note: 'wrong desk' });
      assert.equal(requeued.conversation.offeredTo, 'ann');
    });

    it('closes: the visitor is told, and their next message starts a new conversation', async () => {
      const { site, agent, visitor } = freshSite();
      const ann = await agent('ann');
      const customer = await visitor();
      const first = await customer.ok('chat.send', { text: 'thanks, bye' });
      const conversationId = first.conversationId;
      await ann.ok('chat.accept', { conversationId });
      await customer.ok('subscribe', { stream: `conv:${conversationId}`, after: 2 });
      const { seq } = await ann.ok('desk.snapshot');
      await ann.ok('subscribe', { stream: `desk:${site}`, after: seq });

      const closed = await ann.ok('chat.close', { conversationId });
      assert.equal(closed.conversation.status, 'closed');
      const told = await customer.waitFor((f) => f.stream === `conv:${conversationId}`);
      assert.deepEqual(told.event, { type: 'conversation.closed', conversationId });
      const desk = await ann.waitFor(
        (f) => isDesk(site)(f) && f.event.type === 'conversation.updated',
      );
      assert.equal(desk.event.conversation.status, 'closed');
      assert.equal((await ann.ok('desk.snapshot')).conversations.length, 0);

      assert.equal(
        (await ann.command('chat.send', { conversationId, text: 'one more thing' })).code,
        'conversation.closed',
      );
      // Named or not, the visitor's next message lands in a new, waiting conversation.
      const next = await customer.ok('chat.send', { conversationId, text: 'one more thing' });
      assert.notEqual(next.conversationId, conversationId);
      assert.equal(next.seq, 1);
      assert.equal(
        (await ann.command('chat.close', { conversationId })).code,
        'conversation.closed',
      );
    });

    it("lets a visitor close their own conversation, and no one else's", async () => {
      const { visitor } = freshSite();
      const customer = await visitor();
      const stranger = await visitor();
      const { conversationId } = await customer.ok('chat.send', { text: 'never mind' });
      const refused = await stranger.command('chat.close', { conversationId });
      assert.equal(refused.code, 'auth.forbidden');
      const closed = await customer.ok('chat.close', { conversationId });
      assert.equal(closed.conversation.status, 'closed');
      const again = await customer.ok('chat.close', { conversationId });
      assert.equal(again.conversation.status, 'closed', 'a second tab closing it is harmless');
    });

    it("updates a waiting conversation's preview on the desk as the visitor writes", async () => {
      const { site, agent, visitor } = freshSite();
      const ann = await agent('ann');
      const customer = await visitor();
      await customer.ok('chat.send', { text: 'hello?' });
      const { seq } = await ann.ok('desk.snapshot');
      await ann.ok('subscribe', { stream: `desk:${site}`, after: seq });
      await customer.ok('chat.send', { text: 'anyone there?' });
      const updated = await ann.waitFor(isDesk(site));
      assert.equal(updated.event.type, 'conversation.updated');
      assert.equal(updated.event.conversation.lastText, 'anyone there?');
    });

    it("searches the site's conversations by message text, newest first, literally", async () => {
      const { agent, visitor } = freshSite();
      const ann = await agent('ann');
      const older = await (await visitor()).ok('chat.send', { text: 'My Router blinks red' });
      const newer = await (await visitor()).ok('chat.send', { text: 'router 100% broken' });
      await (await visitor()).ok('chat.send', { text: 'unrelated' });
      await ann.ok('chat.accept', { conversationId: older.conversationId });
      await ann.ok('chat.close', { conversationId: older.conversationId });

      const found = await ann.ok('conversations.search', { query: 'ROUTER' });
      assert.deepEqual(
        found.conversations.map((c: { id: string }) => c.id),
        [newer.conversationId, older.conversationId],
      );
      assert.equal(found.conversations[1].status, 'closed');
      const literal = await ann.ok('conversations.search', { query: '100%' });
      assert.equal(literal.conversations.length, 1);
      assert.equal((await ann.ok('conversations.search', { query: '_' })).conversations.length, 0);

      const customer = await visitor();
      const refused = await customer.command('conversations.search', { query: 'router' });
      assert.equal(refused.code, 'auth.forbidden');
      const blank = await ann.command('conversations.search', { query: '' });
      assert.equal(blank.code, 'protocol.invalid_message');
    });
  });
}
