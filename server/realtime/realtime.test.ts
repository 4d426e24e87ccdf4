import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  demoOrigin,
  mintToken,
  shopOrigin,
  signedIn,
  startTestHub,
  stopTestHub,
  visitorAndAgent,
  visitorToken,
  WsClient,
  type TestHub,
} from '../testing/harness.js';

describe('WebSocket', () => {
  let hub: TestHub;
  before(async () => (hub = await startTestHub()));
  after(() => stopTestHub(hub));

  describe('upgrade', () => {
    it('refuses an unknown site, a foreign Origin and a missing Origin with 403 and an error body', async () => {
      const cases: Array<[site: string, origin: string | null, code: string]> = [
        ['nope', demoOrigin, 'site.unknown'],
        ['shop', 'https://evil.example', 'origin.forbidden'],
        ['shop', demoOrigin, 'origin.forbidden'],
        ['demo', null, 'origin.forbidden'],
      ];
      for (const [site, origin, code] of cases) {
        await assert.rejects(
          WsClient.connect(hub.url, site, origin),
          (refusal: { status: number; body: { code: string } }) => {
            assert.equal(refusal.status, 403, `${site} from ${origin}`);
            assert.equal(refusal.body.code, code);
            return true;
          },
        );
      }
    });

    it('accepts an allowed Origin', async () => {
      const client = await WsClient.connect(hub.url, 'shop', shopOrigin);
      client.close();
    });
  });

  describe('hello', () => {
    const refusals: Array<[name: string, token: () => Promise<string | undefined>, code: string]> =
      [
        ['missing token', async () => undefined, 'auth.missing_token'],
        ['empty token', async () => '', 'auth.missing_token'],
        ['forged token', async () => forge((await visitorToken(hub)).token), 'auth.invalid_token'],
        [
          'expired token',
          async () => mintToken({ exp: Math.floor(Date.now() / 1000) - 1 }),
          'auth.expired_token',
        ],
        ['token of another site', async () => mintToken({ site: 'other' }), 'auth.invalid_token'],
      ];
    for (const [name, token, code] of refusals) {
      it(`answers hello with a ${name}: ${code}, then closes 4401`, async () => {
        const client = await WsClient.connect(hub.url, 'demo', demoOrigin);
        const value = await token();
        const answer = await client.command('hello', value === undefined ? {} : { token: value });
        assert.equal(answer.type, 'error');
        assert.equal(answer.code, code);
        assert.equal((await client.closed).code, 4401);
      });
    }

    it('requires hello before any other command, then answers who the principal is', async () => {
      const client = await WsClient.connect(hub.url, 'demo', demoOrigin);
      const early = await client.command('conversations.list');
      assert.equal(early.code, 'auth.required');
      assert.equal(early.id !== undefined, true);
      const visitor = await visitorToken(hub);
      const hello = await client.ok('hello', { token: visitor.token });
      assert.deepEqual(hello, {
        role: 'visitor',
        principalId: visitor.visitorId,
        name: null,
        siteKey: 'demo',
        customerId: null,
      });
      assert.deepEqual(await client.ok('conversations.list'), { conversations: [] });
      client.close();
    });
  });

  describe('frames that do not match the protocol', () => {
    let client: WsClient;
    before(async () => (client = await signedIn(hub, (await visitorToken(hub)).token)));
    after(() => client.close());

    const nextError = () => client.waitFor((frame) => frame.type === 'error');

    it('answers invalid JSON with protocol.invalid_json', async () => {
      client.sendRaw('{not json');
      const error = await nextError();
      assert.equal(error.code, 'protocol.invalid_json');
      assert.equal(error.id, undefined);
    });

    it('answers another version, an unknown type and schema mismatches with the command id', async () => {
      const cases: Array<[frame: Record<string, unknown>, code: string]> = [
        [{ v: 2, type: 'conversations.list' }, 'protocol.unsupported_version'],
        [{ type: 'conversations.list' }, 'protocol.unsupported_version'],
        [{ v: 1, type: 'chat.delete' }, 'protocol.unknown_type'],
        [{ v: 1, type: 'chat.send' }, 'protocol.invalid_message'],
        [{ v: 1, type: 'chat.send', text: 5 }, 'protocol.invalid_message'],
        [{ v: 1, type: 'chat.send', text: 'hi', colour: 'red' }, 'protocol.invalid_message'],
        [{ v: 1, type: 'subscribe', stream: 'nope:1', after: 0 }, 'protocol.invalid_message'],
        [{ v: 1, type: 'subscribe', stream: 'desk:demo', after: -1 }, 'protocol.invalid_message'],
      ];
      for (const [frame, code] of cases) {
        const id = randomUUID();
        client.sendRaw({ ...frame, id });
        const error = await nextError();
        assert.equal(error.code, code, JSON.stringify(frame));
        assert.equal(error.id, id);
        assert.equal(typeof error.message, 'string');
      }
      const missingId = { v: 1, type: 'conversations.list' };
      client.sendRaw(missingId);
      assert.equal((await nextError()).code, 'protocol.invalid_message');
      for (const notAnObject of ['[]', '"hi"', 'null']) {
        client.sendRaw(notAnObject);
        assert.equal((await nextError()).code, 'protocol.invalid_message');
      }
    });

    it('closes a socket that sends an oversized frame (1009) without harming the hub', async () => {
      const big = await signedIn(hub, (await visitorToken(hub)).token);
      big.sendRaw({ v: 1, type: 'chat.send', id: randomUUID(), text: 'x'.repeat(70_000) });
      assert.equal((await big.closed).code, 1009);
    });

    it('keeps the socket usable afterwards', async () => {
      const sent = await client.ok('chat.send', { text: 'still here' });
      assert.equal(sent.message.text, 'still here');
    });
  });

  describe('stream access', () => {
    it('keeps visitors to their own conversations and away from the desk', async () => {
      const { visitor, agent } = await visitorAndAgent(hub);
      const { conversationId } = await visitor.ok('chat.send', { text: 'mine' });
      const stranger = await signedIn(hub, (await visitorToken(hub)).token);
      const foreign = await stranger.command('subscribe', {
        stream: `conv:${conversationId}`,
        after: 0,
      });
      assert.equal(foreign.code, 'auth.forbidden');
      const desk = await stranger.command('subscribe', { stream: 'desk:demo', after: 0 });
      assert.equal(desk.code, 'auth.forbidden');
      const snapshot = await stranger.command('desk.snapshot');
      assert.equal(snapshot.code, 'auth.forbidden');
      const unknown = await stranger.command('subscribe', {
        stream: `conv:${randomUUID()}`,
        after: 0,
      });
      assert.equal(unknown.code, 'conversation.not_found');
      // An agent sees its own site's desk only.
      const otherDesk = await agent.command('subscribe', { stream: 'desk:other', after: 0 });
      assert.equal(otherDesk.code, 'auth.forbidden');
      await agent.ok('subscribe', { stream: `conv:${conversationId}`, after: 0 });
      for (const client of [visitor, agent, stranger]) client.close();
    });
  });

  describe('resume', () => {
    it('replays exactly the events after N, in order, after the ack, then live ones', async () => {
      const { visitor } = await visitorAndAgent(hub);
      let conversationId = '';
      for (let i = 1; i <= 6; i++)
        conversationId = (await visitor.ok('chat.send', { text: `m${i}` })).conversationId;
      const stream = `conv:${conversationId}`;

      const reader = await signedIn(hub, mintToken({ sub: 'agent-reader' }));
      const id = randomUUID();
      reader.sendRaw({ v: 1, type: 'subscribe', id, stream, after: 3 });
      const ack = await reader.waitFor((frame) => frame.id === id);
      assert.deepEqual(ack.result, { stream, lastSeq: 6 });
      const replayed = await Promise.all(
        [4, 5, 6].map((seq) => reader.waitFor((f) => f.type === 'event' && f.seq === seq)),
      );
      assert.deepEqual(
        replayed.map((frame) => frame.event.message.text),
        ['m4', 'm5', 'm6'],
      );
      const ackIndex = reader.frames.indexOf(ack);
      const eventIndexes = replayed.map((frame) => reader.frames.indexOf(frame));
      assert.deepEqual(eventIndexes, [ackIndex + 1, ackIndex + 2, ackIndex + 3]);

      await visitor.ok('chat.send', { text: 'm7' });
      const live = await reader.waitFor((f) => f.type === 'event' && f.seq === 7);
      assert.equal(live.event.message.text, 'm7');
      assert.deepEqual(
        reader.events(stream).map((frame) => frame.seq),
        [4, 5, 6, 7],
      );

      // Unsubscribed: nothing more arrives.
      await reader.ok('unsubscribe', { stream });
      await visitor.ok('chat.send', { text: 'm8' });
      await reader.ok('desk.snapshot');
      assert.equal(reader.events(stream).length, 4);
      visitor.close();
      reader.close();
    });

    it('delivers events sent while the replay is running exactly once, in order', async () => {
      const { visitor } = await visitorAndAgent(hub);
      const { conversationId } = await visitor.ok('chat.send', { text: 'start' });
      const stream = `conv:${conversationId}`;
      const reader = await signedIn(hub, mintToken({ sub: 'agent-racer' }));
      const sends = Array.from({ length: 10 }, (_, i) =>
        visitor.ok('chat.send', { text: `r${i}` }),
      );
      await reader.ok('subscribe', { stream, after: 0 });
      await Promise.all(sends);
      await reader.waitFor((f) => f.type === 'event' && f.seq === 11);
      await reader.ok('desk.snapshot');
      assert.deepEqual(
        reader.events(stream).map((frame) => frame.seq),
        Array.from({ length: 11 }, (_, i) => i + 1),
      );
      visitor.close();
      reader.close();
    });
  });
});

/** Flips one character of the signature. */
function forge(token: string): string {
  const [body, signature] = token.split('.') as [string, string];
  return `${body}.${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
}
