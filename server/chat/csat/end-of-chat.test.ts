import assert from 'node:assert/strict';
import { describe, it as test } from 'node:test';
import { agentToken, demoOrigin, signedIn, visitorToken } from '../../testing/harness.js';
import { openStorage } from '../../storage/index.js';
import { freshDataDir, removeDir } from '../../testing/harness.js';
import { freshPostgresSchema } from '../../testing/postgres.js';
import { drivers, skipReason, useEndOfChatHub } from '../prechat/test-hub.js';
import { chatRate, ratingChangeMinutes } from './rate.js';

/** A storage of its own (migrated), to set up what sockets cannot: a rating an hour old. */
async function openTestStorage(driver: (typeof drivers)[number]) {
  if (driver === 'pglite') {
    const dataDir = await freshDataDir();
    const storage = await openStorage({ dataDir });
    return { storage, dispose: async () => (await storage.close(), await removeDir(dataDir)) };
  }
  const schema = await freshPostgresSchema(process.env.CXKIT_TEST_DATABASE_URL!);
  const storage = await openStorage({ dataDir: '', databaseUrl: schema.url });
  return { storage, dispose: async () => (await storage.close(), await schema.drop()) };
}

for (const driver of drivers) {
  describe(`end of chat: rating and transcript (${driver})`, () => {
    const it = (name: string, fn: () => Promise<void>) =>
      test(name, { skip: skipReason(driver) }, fn);
    const state = useEndOfChatHub(driver);

    /** A visitor and an agent who talked (with an internal note) and then closed. */
    async function endedChat(close = true) {
      const visitor = await signedIn(state.hub, (await visitorToken(state.hub)).token);
      const agent = await signedIn(state.hub, (await agentToken(state.hub)).token);
      const first = await visitor.ok('chat.send', {
        text: 'Is <b>this</b> & that in stock?',
        start: { prechat: { name: 'Ada' } },
      });
      const conversationId = first.conversationId as string;
      await agent.ok('chat.accept', { conversationId });
      await agent.ok('chat.note', { conversationId, text: 'SECRET: VIP, offer a discount' });
      await agent.ok('chat.send', { conversationId, text: 'Yes, "both" are <in stock>.' });
      if (close) await agent.ok('chat.close', { conversationId });
      return { visitor, agent, conversationId };
    }

    it('offers the transcript in the widget settings when SMTP is configured', async () => {
      const response = await fetch(`${state.hub.url}/api/v1/sites/demo/widget`, {
        headers: { origin: demoOrigin },
      });
      assert.deepEqual((await response.json()).endOfChat, { transcript: true });
    });

    it('stores one rating, lets it change within minutes, and shows it to agents', async () => {
      const { visitor, agent, conversationId } = await endedChat();
      const rated = await visitor.ok('chat.rate', {
        conversationId,
        score: 4,
        comment: '  quick help ',
      });
      assert.equal(rated.rating.score, 4);
      assert.equal(rated.rating.comment, 'quick help');
      const changed = await visitor.ok('chat.rate', { conversationId, score: 5 });
      assert.equal(changed.rating.score, 5);
      assert.equal(changed.rating.comment, null);
      assert.equal(changed.rating.ratedAt, rated.rating.ratedAt);
      const found = await agent.ok('conversations.search', { query: 'in stock' });
      const summary = found.conversations.find((c: { id: string }) => c.id === conversationId);
      assert.deepEqual(summary.rating, changed.rating);
      assert.deepEqual(summary.prechat, { name: 'Ada' });
    });

    it('refuses ratings of open conversations, by agents, out of range, and after the window', async () => {
      const open = await endedChat(false);
      const early = await open.visitor.command('chat.rate', {
        conversationId: open.conversationId,
        score: 3,
      });
      assert.equal(early.code, 'rating.not_closed');
      await open.agent.ok('chat.close', { conversationId: open.conversationId });
      const byAgent = await open.agent.command('chat.rate', {
        conversationId: open.conversationId,
        score: 3,
      });
      assert.equal(byAgent.code, 'auth.forbidden');
      const outOfRange = await open.visitor.command('chat.rate', {
        conversationId: open.conversationId,
        score: 6,
      });
      assert.equal(outOfRange.code, 'protocol.invalid_message');
      const stranger = await signedIn(state.hub, (await visitorToken(state.hub)).token);
      const foreign = await stranger.command('chat.rate', {
        conversationId: open.conversationId,
        score: 1,
      });
      assert.equal(foreign.code, 'auth.forbidden');
    });

    it('refuses a change once the window after the first rating has passed', async () => {
      const { storage, dispose } = await openTestStorage(driver);
      try {
        const visitor = { role: 'visitor' as const, id: 'v-window', name: null, siteKey: 'demo' };
        await storage.query(
          `INSERT INTO conversations (id, site_key, visitor_id, status, rating, rated_at)
           VALUES ('c-window', 'demo', 'v-window', 'closed', 2, now() - interval '1 hour')`,
        );
        const rate = (score: number) =>
          storage.transaction((tx) =>
            chatRate.run(tx, visitor, {
              v: 1,
              type: 'chat.rate',
              id: 'r',
              conversationId: 'c-window',
              score,
            }),
          );
        await assert.rejects(rate(5), { code: 'rating.final' });
        await storage.query(
          `UPDATE conversations SET rated_at = now() - interval '${ratingChangeMinutes - 1} minutes'
           WHERE id = 'c-window'`,
        );
        const changed = await rate(5);
        assert.equal((changed.result as { rating: { score: number } }).rating.score, 5);
      } finally {
        await dispose();
      }
    });

    it('emails the transcript: text and escaped HTML, no internal notes', async () => {
      const { visitor, conversationId } = await endedChat();
      const sent = await visitor.ok('chat.transcript', {
        conversationId,
        email: 'ada@example.com',
        locale: 'en-US',
        timeZone: 'Europe/Berlin',
      });
      assert.ok(Date.parse(sent.sentAt));
      const mail = await state.mailbox.next((m) => m.text.includes('Is <b>this</b>'));
      assert.equal(mail.to, 'ada@example.com');
      assert.match(mail.from, /Demo.* <chat@demo\.test>/);
      assert.equal(mail.subject, 'Your chat with Demo Store');
      assert.match(mail.text, /You: Is <b>this<\/b> & that in stock\?/);
      assert.match(mail.text, /Demo Agent: Yes, "both" are <in stock>\./);
      assert.ok(!mail.text.includes('SECRET') && !mail.html.includes('SECRET'));
      assert.ok(mail.html.includes('Is &lt;b&gt;this&lt;/b&gt; &amp; that in stock?'));
      assert.ok(mail.html.includes('&quot;both&quot; are &lt;in stock&gt;'));
      assert.ok(!mail.html.includes('<b>this</b>'));
    });

    it('sends once per command id, and at most three per conversation per hour', async () => {
      const { visitor, conversationId } = await endedChat();
      const fields = { conversationId, email: 'ada@example.com', locale: 'ko' };
      const before = state.mailbox.mails.length;
      const first = await visitor.ok('chat.transcript', fields, 'transcript-retry-1');
      const retry = await visitor.ok('chat.transcript', fields, 'transcript-retry-1');
      assert.equal(retry.sentAt, first.sentAt);
      await visitor.ok('chat.transcript', fields);
      await visitor.ok('chat.transcript', fields);
      const fourth = await visitor.command('chat.transcript', fields);
      assert.equal(fourth.code, 'rate.limited');
      await state.mailbox.next(() => state.mailbox.mails.length >= before + 3);
      const korean = state.mailbox.mails.at(-1)!;
      assert.equal(korean.subject, 'Demo Store 상담 대화 내용');
      assert.equal(state.mailbox.mails.length, before + 3);
    });

    it('refuses bad addresses and other visitors', async () => {
      const { conversationId } = await endedChat();
      const stranger = await signedIn(state.hub, (await visitorToken(state.hub)).token);
      const foreign = await stranger.command('chat.transcript', {
        conversationId,
        email: 'x@example.com',
      });
      assert.equal(foreign.code, 'auth.forbidden');
      const owner = await endedChat();
      const bad = await owner.visitor.command('chat.transcript', {
        conversationId: owner.conversationId,
        email: 'ada@example.com\r\nBcc: all@example.com',
      });
      assert.equal(bad.code, 'email.invalid_address');
    });
  });
}
