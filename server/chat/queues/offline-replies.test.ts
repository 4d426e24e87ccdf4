import assert from 'node:assert/strict';
import { describe, it as test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { HubConfig } from '../../config/index.js';
import type { Mailer } from '../../email/transport.js';
import { agentToken, signedIn, visitorToken } from '../../testing/harness.js';
import { drivers, skipReason, useEndOfChatHub } from '../prechat/test-hub.js';
import { startOfflineReplies } from './offline-replies.js';

for (const driver of drivers) {
  describe(`answers to messages left outside hours, by email (${driver})`, () => {
    const it = (name: string, fn: () => Promise<void>) =>
      test(name, { skip: skipReason(driver) }, fn);
    const state = useEndOfChatHub(driver, {
      hubOptions: { offlineReplies: { intervalMs: 50, graceMs: 300 } },
    });

    /** A visitor leaves a message; an agent accepts it and answers with `answers`. */
    async function answered(email: string, answers: string[], extra = {}) {
      const visitor = await signedIn(state.hub, (await visitorToken(state.hub)).token);
      const agent = await signedIn(state.hub, (await agentToken(state.hub)).token);
      const left = await visitor.ok('chat.leaveMessage', {
        name: 'Mina Park',
        email,
        text: 'Can I return boots after 40 days?',
        ...extra,
      });
      const conversationId = left.conversationId as string;
      const desk = await agent.ok('desk.snapshot', {});
      assert.equal(desk.emailsAnswers, true, 'the desk tells agents answers are emailed');
      await agent.ok('chat.accept', { conversationId });
      let seq = 0;
      for (const text of answers) seq = (await agent.ok('chat.send', { conversationId, text })).seq;
      await agent.ok('chat.note', { conversationId, text: 'SECRET: give her the discount' });
      return { visitor, agent, conversationId, seq };
    }
    const mailsTo = (address: string) =>
      state.mailbox.mails.filter((mail) => mail.to.includes(address));

    it('emails the answers once, together, in the language the visitor wrote in', async () => {
      await answered('mina@example.com', ['Yes, within 60 days.', 'Start from your order.'], {
        locale: 'ko-KR',
        timeZone: 'Asia/Seoul',
      });
      const mail = await state.mailbox.next((m) => m.to.includes('mina@example.com'));
      assert.match(mail.subject, /에 남기신 메시지에 대한 답변$/);
      assert.match(mail.text, /Mina Park님/);
      for (const line of ['Can I return boots after 40 days?', 'Yes, within 60 days.'])
        assert.ok(mail.text.includes(line), `the email has "${line}"`);
      assert.ok(mail.text.includes('Start from your order.'), 'both answers in one email');
      assert.ok(!mail.text.includes('SECRET'), 'never an internal note');
      await sleep(600); // A few more rounds send nothing new.
      assert.equal(mailsTo('mina@example.com').length, 1);
    });

    it('tries again while the SMTP server refuses, and then sends once', async () => {
      state.mailbox.refusing = true;
      try {
        await answered('ada@example.com', ['Yes, we ship to Busan.']);
        await sleep(700); // Several rounds, each refused.
      } finally {
        state.mailbox.refusing = false;
      }
      assert.equal(mailsTo('ada@example.com').length, 0);
      const mail = await state.mailbox.next((m) => m.to.includes('ada@example.com'));
      assert.ok(mail.text.includes('Yes, we ship to Busan.'));
      await sleep(400);
      assert.equal(mailsTo('ada@example.com').length, 1, 'once');
    });

    it('sends nothing for answers the visitor read in the panel, and a later answer alone', async () => {
      const { visitor, agent, conversationId, seq } = await answered('jun@example.com', [
        'Yes, just bring the receipt.',
      ]);
      await visitor.ok('chat.receipt', { conversationId, seq, state: 'read' });
      await sleep(700);
      assert.equal(mailsTo('jun@example.com').length, 0, 'read in the panel: no email');

      await agent.ok('chat.send', { conversationId, text: 'Also: shipping is free.' });
      const mail = await state.mailbox.next((m) => m.to.includes('jun@example.com'));
      assert.match(mail.subject, /^Our answer to your message to /);
      assert.ok(mail.text.includes('Also: shipping is free.'));
    });
  });
}

describe('answers to messages left outside hours: pacing the rounds', () => {
  test('rounds thin out while they fail, at most 10 min apart, and resume their pace after one succeeds', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const rounds: string[] = [];
    let smtpUp = false;
    const job = startOfflineReplies({
      db: { query: async () => [], exec: async () => {} },
      config: { sites: [] } as unknown as HubConfig,
      mailer: () => {
        rounds.push(smtpUp ? 'sent' : 'refused');
        if (!smtpUp) throw new Error('SMTP refuses');
        return { send: async () => {} } as unknown as Mailer;
      },
      intervalMs: 30_000,
      onError: () => {},
    });
    const after = async (ms: number) => {
      t.mock.timers.tick(ms);
      for (let i = 0; i < 5; i++) await Promise.resolve(); // the round's own awaits
    };
    /** The next round comes `ms` after the last one, not a moment sooner. */
    const roundAfter = async (ms: number) => {
      const before = rounds.length;
      await after(ms - 1);
      assert.equal(rounds.length, before, `no round before ${ms} ms`);
      await after(1);
      assert.equal(rounds.length, before + 1, `a round at ${ms} ms`);
    };
    try {
      // Twice as long after each refusal, at most 10 min.
      for (const ms of [30_000, 60_000, 120_000, 240_000, 480_000, 600_000, 600_000])
        await roundAfter(ms);
      assert.ok(rounds.every((round) => round === 'refused'));
      smtpUp = true;
      await roundAfter(600_000);
      await roundAfter(30_000);
      assert.deepEqual(rounds.slice(-2), ['sent', 'sent'], 'back to every 30 s');
    } finally {
      job.stop();
    }
  });
});
