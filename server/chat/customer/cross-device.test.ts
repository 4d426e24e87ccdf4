import assert from 'node:assert/strict';
import { describe, it as test } from 'node:test';
import {
  agentToken,
  mintIdentityToken,
  signedIn,
  visitorToken,
  WsClient,
  demoOrigin,
} from '../../testing/harness.js';
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

    /** A session of the visitor `token`, saying hello with `identityToken` when given. */
    const session = async (token: string, identityToken?: string) => {
      const client = await WsClient.connect(state.hub.url, 'demo', demoOrigin);
      const hello = await client.ok('hello', {
        token,
        ...(identityToken ? { identityToken } : {}),
      });
      return { client, hello };
    };
    const ids = (listed: { conversations: { id: string }[] }) =>
      listed.conversations.map((c) => c.id);

    it('keeps the next person at a browser the customer signed out of away from their conversation', async () => {
      const { token } = await visitorToken(state.hub);
      const signedInAs = mintIdentityToken({ sub: 'cust-shared-pc', name: 'Grace' });
      const customer = await session(token, signedInAs);
      assert.equal(customer.hello.customerId, 'cust-shared-pc');
      const own = await customer.client.ok('chat.send', { text: 'my order 1234 to my address' });

      // The same browser, the same visitor token: the customer signed out, the storefront
      // did not forget the visitor. Anonymous, then another customer.
      const someoneElse = mintIdentityToken({ sub: 'cust-next-in-line' });
      for (const identity of [undefined, someoneElse]) {
        const next = await session(token, identity);
        assert.ok(!ids(await next.client.ok('conversations.list')).includes(own.conversationId));
        const stream = `conv:${own.conversationId}`;
        const refused = await next.client.command('subscribe', { stream, after: 0 });
        assert.equal(refused.code, 'auth.forbidden');
        const written = await next.client.command('chat.send', {
          conversationId: own.conversationId,
          text: 'let me read it',
        });
        assert.equal(written.code, 'auth.forbidden');
        const status = await next.client.command('chat.status', {
          conversationId: own.conversationId,
        });
        assert.equal(status.code, 'auth.forbidden');
        // Their own first message starts a conversation of their own beside it.
        const started = await next.client.ok('chat.send', {
          text: 'hello, new here',
          start: { prechat: { name: 'Next' } },
        });
        assert.notEqual(started.conversationId, own.conversationId);
        const listed = ids(await next.client.ok('conversations.list'));
        assert.ok(listed.includes(started.conversationId) && !listed.includes(own.conversationId));
        next.client.close();
      }

      // Back, signed in again: their conversation as they left it, and none of the others.
      const back = await session(token, signedInAs);
      assert.deepEqual(ids(await back.client.ok('conversations.list')), [own.conversationId]);
      const again = await back.client.ok('chat.send', { text: 'me again' });
      assert.equal(again.conversationId, own.conversationId);
    });

    it('starts a session anonymous, saying why, when its identity token is not taken', async () => {
      const { token } = await visitorToken(state.hub);
      const expired = mintIdentityToken({ sub: 'cust-expired', exp: 1 });
      const { hello } = await session(token, expired);
      assert.equal(hello.customerId, null);
      assert.equal(hello.identityRefused.code, 'auth.expired_token');
      const forged = `${mintIdentityToken({ sub: 'cust-forged' }).slice(0, -4)}AAAA`;
      assert.equal((await session(token, forged)).hello.identityRefused.code, 'auth.invalid_token');
      const agent = await session((await agentToken(state.hub)).token, mintIdentityToken());
      assert.equal(agent.hello.customerId, null, 'an agent is no customer');
    });

    it("takes the customer from the session, not from the visitor's last link", async () => {
      const { token } = await visitorToken(state.hub);
      const before = await session(token, mintIdentityToken({ sub: 'cust-left', name: 'Left' }));
      // The link stays (journey, card); the one who writes now is anonymous.
      await before.client.ok('visitor.identify', {
        identityToken: mintIdentityToken({ sub: 'cust-left', name: 'Left' }),
      });
      before.client.close();
      const now = await session(token);
      const started = await now.client.ok('chat.send', {
        text: 'a question',
        start: { prechat: { name: 'Sam' } },
      });
      const [summary] = (await now.client.ok('conversations.list')).conversations;
      assert.equal(summary.id, started.conversationId);
      assert.deepEqual(summary.prechat, { name: 'Sam' });
      const elsewhere = await session(
        (await visitorToken(state.hub)).token,
        mintIdentityToken({ sub: 'cust-left' }),
      );
      assert.deepEqual(ids(await elsewhere.client.ok('conversations.list')), []);
    });

    it("keeps the next person's question from the customer signing in again", async () => {
      const { token } = await visitorToken(state.hub);
      const identityToken = mintIdentityToken({ sub: 'cust-back-again' });
      const customer = await session(token, identityToken);
      await customer.client.ok('visitor.identify', { identityToken });
      const theirs = await customer.client.ok('chat.send', { text: 'where is my parcel?' });
      customer.client.close();
      // Signed out without forgetting the visitor: the next person asks.
      const next = await session(token);
      const asked = await next.client.ok('chat.send', {
        text: 'a question of my own',
        start: { prechat: { name: 'Next' } },
      });

      // Back, as the storefront's chat does on every page: hello, then identify.
      const back = await session(token, identityToken);
      await back.client.ok('visitor.identify', { identityToken });
      assert.deepEqual(ids(await back.client.ok('conversations.list')), [theirs.conversationId]);
      const refused = await back.client.command('subscribe', {
        stream: `conv:${asked.conversationId}`,
        after: 0,
      });
      assert.equal(refused.code, 'auth.forbidden');
      const again = await back.client.ok('chat.send', { text: 'me again' });
      assert.equal(again.conversationId, theirs.conversationId);
      // The next person still has theirs.
      assert.deepEqual(ids(await next.client.ok('conversations.list')), [asked.conversationId]);
    });
  });
}
