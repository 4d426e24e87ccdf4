import assert from 'node:assert/strict';
import { describe, it as test } from 'node:test';
import {
  agentToken,
  demoOrigin,
  mintIdentityToken,
  signedIn,
  visitorToken,
} from '../../testing/harness.js';
import { validateConfig } from '../../config/index.js';
import { drivers, skipReason, useEndOfChatHub } from './test-hub.js';

for (const driver of drivers) {
  describe(`pre-chat form (${driver})`, () => {
    const it = (name: string, fn: () => Promise<void>) =>
      test(name, { skip: skipReason(driver) }, fn);
    const state = useEndOfChatHub(driver, { withEmail: false });
    const visitor = async () => signedIn(state.hub, (await visitorToken(state.hub)).token);

    it('publishes the form as the prechat part of the widget settings', async () => {
      const response = await fetch(`${state.hub.url}/api/v1/sites/demo/widget`, {
        headers: { origin: demoOrigin },
      });
      const body = await response.json();
      assert.deepEqual(body.prechat, {
        greeting: 'Hi! Tell us who you are.',
        fields: [
          { name: 'name', required: true },
          { name: 'email', required: false },
          {
            name: 'topic',
            required: false,
            options: [{ label: 'Orders' }, { label: 'Returns', queueId: 'returns' }],
          },
        ],
      });
      assert.deepEqual(body.endOfChat, { transcript: false });
    });

    it('stores the answers on the conversation and shows them to agents', async () => {
      const agent = await signedIn(state.hub, (await agentToken(state.hub)).token);
      const before = await agent.ok('desk.snapshot');
      await agent.ok('subscribe', { stream: 'desk:demo', after: before.seq });
      const client = await visitor();
      const sent = await client.ok('chat.send', {
        text: 'Where is my parcel?',
        start: { prechat: { name: '  Ada  ', email: 'ada@example.com', topic: 'Orders' } },
      });
      const queued = await agent.waitFor(
        (f) =>
          f.event?.type === 'conversation.queued' &&
          f.event.conversation.id === sent.conversationId,
      );
      const answers = { name: 'Ada', email: 'ada@example.com', topic: 'Orders' };
      assert.deepEqual(queued.event.conversation.prechat, answers);
      const snapshot = await agent.ok('desk.snapshot');
      const listed = snapshot.conversations.find(
        (c: { id: string }) => c.id === sent.conversationId,
      );
      assert.deepEqual(listed.prechat, answers);
      const found = await agent.ok('conversations.search', { query: 'parcel' });
      assert.deepEqual(found.conversations[0].prechat, answers);
    });

    it('refuses unknown fields, bad emails, foreign topics, long names and missing required ones', async () => {
      const cases: Array<[Record<string, string>, RegExp]> = [
        [{ name: 'Ada', phone: '123' }, /"phone" is not a field/],
        [{ name: 'Ada', email: 'not-an-email' }, /prechat\.email is not an email address/],
        [{ name: 'Ada', topic: 'Pizza' }, /prechat\.topic must be one of: Orders, Returns/],
        [{ name: 'x'.repeat(201) }, /prechat\.name must be at most 200/],
        [{ email: 'ada@example.com' }, /prechat\.name is required/],
        [{ name: '   ' }, /prechat\.name is required/],
      ];
      for (const [prechat, message] of cases) {
        const client = await visitor();
        const frame = await client.command('chat.send', { text: 'hi', start: { prechat } });
        assert.equal(frame.type, 'error', JSON.stringify(prechat));
        assert.equal(frame.code, 'prechat.invalid');
        assert.match(frame.message, message);
        // Nothing was stored: the visitor has no conversation.
        const { conversations } = await client.ok('conversations.list');
        assert.equal(conversations.length, 0);
      }
    });

    it('lets a verified customer skip the form: name and email come from the identity token', async () => {
      const client = await visitor();
      const identity = await client.ok('visitor.identify', {
        identityToken: mintIdentityToken({ sub: 'cust-prechat', email: 'ada@lovelace.test' }),
      });
      assert.deepEqual(identity, {
        customerId: 'cust-prechat',
        name: 'Ada Lovelace',
        email: 'ada@lovelace.test',
      });
      const sent = await client.ok('chat.send', { text: 'hello, it is me' });
      const { conversations } = await client.ok('conversations.list');
      const mine = conversations.find((c: { id: string }) => c.id === sent.conversationId);
      assert.deepEqual(mine.prechat, { name: 'Ada Lovelace', email: 'ada@lovelace.test' });
    });

    it('refuses a bad identity token with its auth code', async () => {
      const client = await visitor();
      const forged = await client.command('visitor.identify', { identityToken: 'x.y' });
      assert.equal(forged.code, 'auth.invalid_token');
      const expired = await client.command('visitor.identify', {
        identityToken: mintIdentityToken({ exp: Math.floor(Date.now() / 1000) - 3600 }),
      });
      assert.equal(expired.code, 'auth.expired_token');
    });
  });
}

describe('pre-chat config', () => {
  const site = (prechat: unknown) => ({
    sites: [{ key: 'shop', name: 'Shop', origins: [], prechat }],
  });

  test('accepts a form and rejects what would confuse visitors, naming the field', () => {
    assert.ok(validateConfig(site({ fields: { name: {}, email: { required: true } } })));
    assert.throws(
      () => validateConfig(site({ fields: { phone: {} } })),
      /sites\[0\]\.prechat\.fields\.phone is not a known field/,
    );
    assert.throws(
      () => validateConfig(site({ fields: { topic: { options: [] } } })),
      /sites\[0\]\.prechat\.fields\.topic\.options/,
    );
    assert.throws(
      () =>
        validateConfig(site({ fields: { topic: { options: [{ label: 'A' }, { label: 'A' }] } } })),
      /options\[1\]\.label "A" is used twice/,
    );
  });

  test('takes the greeting and topic labels in several languages, by language tag', () => {
    const form = {
      greeting: { en: 'Hello', ko: '안녕하세요' },
      fields: { topic: { options: [{ label: 'Orders', labels: { ko: '주문' } }] } },
    };
    assert.deepEqual(validateConfig(site(form)).sites[0]!.prechat, form);
    assert.throws(
      () => validateConfig(site({ ...form, greeting: { english: 'Hello' } })),
      /sites\[0\]\.prechat\.greeting has "english", which is not a language tag/,
    );
    assert.throws(
      () => validateConfig(site({ ...form, greeting: {} })),
      /sites\[0\]\.prechat\.greeting/,
    );
    const badLabel = { fields: { topic: { options: [{ label: 'A', labels: { 'k o': 'x' } }] } } };
    assert.throws(
      () => validateConfig(site(badLabel)),
      /options\[0\]\.labels has "k o", which is not a language tag/,
    );
  });

  test('checks the sender of email', () => {
    const base = { sites: [{ key: 'shop', name: 'Shop', origins: [] }] };
    const email = (from: string) => ({ ...base, email: { smtp: { host: 'mail.test' }, from } });
    assert.equal(
      validateConfig(email('Shop <chat@shop.test>')).email?.from,
      'Shop <chat@shop.test>',
    );
    assert.throws(() => validateConfig(email('nobody')), /email\.from must be an address/);
    assert.throws(
      () => validateConfig({ ...base, email: { smtp: {}, from: 'a@b.test' } }),
      /email\.smtp\.host is required/,
    );
  });
});
