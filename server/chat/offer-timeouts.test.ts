import assert from 'node:assert/strict';
import { describe } from 'node:test';
import {
  configWithSites,
  mintToken,
  signedIn,
  visitorToken,
  type TestHub,
  type WsClient,
} from '../testing/harness.js';
import { drivers, useHubOn } from '../testing/drivers.js';

const { config, siteKeys } = configWithSites('offers', 3);
const offerTimeoutMs = 300;

for (const driver of drivers) {
  describe(`offers that lapse move on (${driver})`, () => {
    let hub: TestHub;
    let nextSite = 0;
    const { it, clients } = useHubOn(
      driver,
      { config, offerTimeoutMs },
      (started) => (hub = started),
    );

    /** A fresh site whose desk a watcher follows, with its agents and one visitor writing in. */
    async function siteWithAgents(available: string[]) {
      const site = siteKeys[nextSite++]!;
      const signIn = async (id: string) => {
        const client = await signedIn(hub, mintToken({ sub: id, name: id, site }), site);
        clients.push(client);
        return client;
      };
      const agents = new Map<string, WsClient>();
      for (const id of available) {
        const client = await signIn(id);
        await client.ok('agent.presence', { status: 'available' });
        agents.set(id, client);
      }
      const watcher = await signIn('watcher');
      const { seq } = await watcher.ok('desk.snapshot');
      await watcher.ok('subscribe', { stream: `desk:${site}`, after: seq });
      const { token } = await visitorToken(hub, site);
      const visitor = await signedIn(hub, token, site);
      clients.push(visitor);
      const { conversationId } = await visitor.ok('chat.send', { text: 'anyone there?' });
      const onDesk = (type: string) =>
        watcher.waitFor(
          (f) =>
            f.type === 'event' &&
            f.stream === `desk:${site}` &&
            f.event.type === type &&
            f.event.conversation.id === conversationId,
          offerTimeoutMs + 5000,
        );
      return { agents, conversationId, onDesk };
    }

    it('offers the conversation to the next available agent when the first does not accept', async () => {
      const { onDesk } = await siteWithAgents(['ann', 'bob']);
      const first = (await onDesk('conversation.queued')).event.conversation.offeredTo;
      assert.ok(['ann', 'bob'].includes(first));
      const moved = await onDesk('conversation.updated');
      assert.equal(moved.event.conversation.status, 'waiting');
      assert.equal(moved.event.conversation.offeredTo, first === 'ann' ? 'bob' : 'ann');
    });

    it('leaves it to the shared queue when no other agent is available', async () => {
      const { onDesk } = await siteWithAgents(['cyd']);
      assert.equal((await onDesk('conversation.queued')).event.conversation.offeredTo, 'cyd');
      const moved = await onDesk('conversation.updated');
      assert.equal(moved.event.conversation.offeredTo, null);
    });

    it('never moves a conversation that was accepted in time', async () => {
      const { agents, conversationId, onDesk } = await siteWithAgents(['dan', 'eve']);
      const offeredTo = (await onDesk('conversation.queued')).event.conversation.offeredTo;
      await agents.get(offeredTo)!.ok('chat.accept', { conversationId });
      const accepted = await onDesk('conversation.updated');
      assert.equal(accepted.event.conversation.status, 'active');
      await assert.rejects(onDesk('conversation.updated'), /no matching frame/);
    });
  });
}
