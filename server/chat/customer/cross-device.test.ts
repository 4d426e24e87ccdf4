import assert from 'node:assert/strict';
import { describe, it as test } from 'node:test';
import { agentToken, mintIdentityToken, signedIn, visitorToken } from '../../testing/harness.js';
import { drivers, skipReason, useEndOfChatHub } from '../prechat/test-hub.js';

for (const driver of drivers) {
  describe(`a verified customer on another device (${driver})`, () => {
    const it = (name: string, fn: () => Promise<void>) =>
      test(name, { skip: skipReason(driver) }, fn);
    const state = useEndOfChatHub(driver, { withEmail: false });
    const device = async (customerId?: string) => {
      const client = await signedIn(state.hub, (await visitorToken(state.hub)).token);
      if (customerId)
        await client.ok('visitor.identify', {
          identityToken: mintIdentityToken({ sub: customerId }),
        });
      return client;
    };

    it('lists, follows, continues and ends the conversation begun on the first device', async () => {
      const laptop = await device('cust-two-devices');
      const first = await laptop.ok('chat.send', { text: 'started on my laptop' });
      const agent = await signedIn(state.hub, (await agentToken(state.hub)).token);
      await agent.ok('chat.accept', { conversationId: first.conversationId });

      const phone = await device('cust-two-devices');
      const { conversations } = await phone.ok('conversations.list');
      assert.deepEqual(
        conversations.map((c: { id: string }) => c.id),
        [first.conversationId],
      );
      const stream = `conv:${first.conversationId}`;
      await phone.ok('subscribe', { stream, after: 0 });
      const replayed = await phone.waitFor((f) => f.type === 'event' && f.stream === stream);
      assert.equal(replayed.event.message.text, 'started on my laptop');

      await laptop.ok('subscribe', { stream, after: 2 });
      const continued = await phone.ok('chat.send', {
        conversationId: first.conversationId,
        text: 'and now from my phone',
      });
      assert.equal(continued.conversationId, first.conversationId);
      const seen = await laptop.waitFor((f) => f.type === 'event' && f.stream === stream);
      assert.equal(seen.event.message.text, 'and now from my phone');

      const closed = await phone.ok('chat.close', { conversationId: first.conversationId });
      assert.equal(closed.conversation.status, 'closed');
    });

    it('links an open conversation begun before the customer signed in', async () => {
      const laptop = await device();
      const first = await laptop.ok('chat.send', {
        text: 'asked before signing in',
        start: { prechat: { name: 'Ada' } },
      });
      await laptop.ok('visitor.identify', {
        identityToken: mintIdentityToken({ sub: 'cust-late-sign-in' }),
      });
      const phone = await device('cust-late-sign-in');
      const { conversations } = await phone.ok('conversations.list');
      assert.deepEqual(
        conversations.map((c: { id: string }) => c.id),
        [first.conversationId],
      );
    });

    it('keeps anonymous visitors and other customers out', async () => {
      const owner = await device('cust-owner');
      const first = await owner.ok('chat.send', { text: 'private question' });
      const conversationId = first.conversationId;
      for (const stranger of [await device(), await device('cust-someone-else')]) {
        const { conversations } = await stranger.ok('conversations.list');
        assert.equal(conversations.length, 0);
        const subscribe = await stranger.command('subscribe', {
          stream: `conv:${conversationId}`,
          after: 0,
        });
        assert.equal(subscribe.code, 'auth.forbidden');
        const send = await stranger.command('chat.send', { conversationId, text: 'let me in' });
        assert.equal(send.code, 'auth.forbidden');
        const close = await stranger.command('chat.close', { conversationId });
        assert.equal(close.code, 'auth.forbidden');
      }
    });
  });
}
