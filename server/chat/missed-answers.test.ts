import assert from 'node:assert/strict';
import { describe, it as test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { HubConfig } from '../config/index.js';
import type { Mailer } from '../email/transport.js';
import { agentToken, signedIn, visitorToken } from '../testing/harness.js';
import { startMissedAnswers } from './missed-answers.js';
import { drivers, skipReason, useEndOfChatHub } from './prechat/test-hub.js';

for (const driver of drivers) {
  describe(`answers the visitor missed, by email (${driver})`, () => {
    const it = (name: string, fn: () => Promise<void>) =>
      test(name, { skip: skipReason(driver) }, fn);
    const state = useEndOfChatHub(driver, {
      hubOptions: { missedAnswers: { intervalMs: 50, offlineGraceMs: 300, liveGraceMs: 500 } },
    });

    /**
     * A visitor leaves a message; an agent accepts it, answers with `answers` and closes it
     * (the one demo agent takes three at most) unless `keepOpen`.
     */
    async function answered(email: string, answers: string[], extra = {}, keepOpen = false) {
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
      if (!keepOpen) await agent.ok('chat.close', { conversationId });
      return { visitor, agent, conversationId, seq };
    }
    const mailsTo = (address: string) =>
      state.mailbox.mails.filter((mail) => mail.to.includes(address));

    it('emails the answers to a message left once, together, in the language the visitor wrote in', async () => {
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
      const { visitor, agent, conversationId, seq } = await answered(
        'jun@example.com',
        ['Yes, just bring the receipt.'],
        {},
        true,
      );
      await visitor.ok('chat.receipt', { conversationId, seq, state: 'read' });
      await sleep(700);
      assert.equal(mailsTo('jun@example.com').length, 0, 'read in the panel: no email');

      await agent.ok('chat.send', { conversationId, text: 'Also: shipping is free.' });
      const mail = await state.mailbox.next((m) => m.to.includes('jun@example.com'));
      assert.match(mail.subject, /^Our answer to your message to /);
      assert.ok(mail.text.includes('Also: shipping is free.'));
      await agent.ok('chat.close', { conversationId });
    });

    /** A visitor starts a chat giving `prechat`; an agent accepts it, answers `answer` and closes it. */
    async function chatAnswered(prechat: Record<string, string>, answer: string) {
      const visitor = await signedIn(state.hub, (await visitorToken(state.hub)).token);
      const agent = await signedIn(state.hub, (await agentToken(state.hub)).token);
      const { conversationId } = await visitor.ok('chat.send', {
        text: 'Do the boots come in wide?',
        start: { prechat, locale: 'ko-KR', timeZone: 'Asia/Seoul' },
      });
      await agent.ok('chat.accept', { conversationId });
      const { seq } = await agent.ok('chat.send', { conversationId, text: answer });
      await agent.ok('chat.close', { conversationId });
      return { visitor, agent, conversationId: conversationId as string, seq: seq as number };
    }

    it('emails answers a chat visitor missed to the pre-chat email, in their language, after the longer grace', async () => {
      const sent = Date.now();
      await chatAnswered({ name: 'Jamie', email: 'jamie@example.com' }, 'Yes, in wide too.');
      const mail = await state.mailbox.next((m) => m.to.includes('jamie@example.com'));
      assert.ok(Date.now() - sent >= 500, 'not before the chat grace');
      assert.match(mail.subject, /채팅 상담 답변$/);
      assert.ok(mail.text.includes('Yes, in wide too.'));
      assert.ok(mail.text.includes('Do the boots come in wide?'), 'with the question');
      await sleep(400);
      assert.equal(mailsTo('jamie@example.com').length, 1, 'once');
    });

    it("each email has a link that stops the next ones, also as the mail app's one click", async () => {
      const first = await chatAnswered({ name: 'Kim', email: 'Kim@Example.com' }, 'First answer.');
      const summary = async () => (await first.visitor.ok('conversations.list')).conversations[0];
      assert.equal((await summary()).emailStopped, undefined);
      const mail = await state.mailbox.next((m) => m.text.includes('First answer.'));
      const link = /^<(https:\/\/chat\.demo\.test\/[^>]+)>$/.exec(
        mail.headers['list-unsubscribe'] ?? '',
      )?.[1];
      assert.ok(link, `List-Unsubscribe: ${mail.headers['list-unsubscribe']}`);
      assert.equal(mail.headers['list-unsubscribe-post'], 'List-Unsubscribe=One-Click');
      assert.ok(mail.text.includes(`이 메일 받지 않기: ${link}`), 'in the text, in her language');
      assert.ok(mail.html.includes(`href="${link.replace(/&/g, '&amp;')}"`), 'in the HTML');
      const { pathname, search } = new URL(link);
      const here = `${state.hub.url}${pathname}${search}`;

      // Opening the link only asks: a mail scanner that follows links stops nothing.
      const asked = await fetch(here, {
        headers: { accept: 'text/html', 'accept-language': 'ko-KR,ko;q=0.9,en;q=0.5' },
      });
      assert.equal(asked.status, 200);
      assert.match(asked.headers.get('content-security-policy') ?? '', /default-src 'none'/);
      const page = await asked.text();
      assert.ok(page.includes('<button type="submit">메일 받지 않기</button>'), page);
      assert.ok(page.includes('Kim@Example.com'));
      await chatAnswered({ name: 'Kim', email: 'kim@example.com' }, 'Second answer.');
      await state.mailbox.next((m) => m.text.includes('Second answer.'));

      // The mail app's button (RFC 8058): a form POST, no Origin.
      const stopped = await fetch(here, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      assert.equal(stopped.status, 200);
      assert.ok((await stopped.text()).includes('gets no more emails'));
      assert.equal((await summary()).emailStopped, true, 'the desk can tell the agent');
      await chatAnswered({ name: 'Kim', email: 'KIM@example.com ' }, 'Third answer.');
      await chatAnswered({ name: 'Lee', email: 'lee@example.com' }, 'To Lee.');
      await state.mailbox.next((m) => m.text.includes('To Lee.'));
      await sleep(300);
      assert.ok(!state.mailbox.mails.some((m) => m.text.includes('Third answer.')), 'stopped');
      // A message left later for that address: the panel is told the answer is not emailed.
      const guest = await signedIn(state.hub, (await visitorToken(state.hub)).token);
      const offline = { name: 'Kim', text: 'Is the store open on Sunday?' };
      const left = await guest.ok('chat.leaveMessage', { ...offline, email: 'kim@EXAMPLE.com' });
      assert.equal(left.emailStopped, true);
      const other = await signedIn(state.hub, (await visitorToken(state.hub)).token);
      const leeLeft = await other.ok('chat.leaveMessage', { ...offline, email: 'lee@example.com' });
      assert.equal(leeLeft.emailStopped, undefined);

      // A link the hub did not make stops nothing, and says so.
      const forged = here.replace(/\.[\w-]+$/, `.${'A'.repeat(43)}`);
      const refused = await fetch(forged, { method: 'POST' });
      assert.equal(refused.status, 403);
      assert.equal((await refused.json()).code, 'email.link_invalid');
      const shown = await fetch(forged, { headers: { accept: 'text/html' } });
      assert.equal(shown.status, 403);
      assert.ok((await shown.text()).includes('This link does not work.'));
    });

    it('emails nothing in a chat the visitor reads, or where they gave no email', async () => {
      const read = await chatAnswered({ name: 'Ana', email: 'ana@example.com' }, 'Right here.');
      await read.visitor.ok('chat.receipt', {
        conversationId: read.conversationId,
        seq: read.seq,
        state: 'read',
      });
      await chatAnswered({ name: 'Ben' }, 'No email to send to.');
      await sleep(900);
      assert.equal(mailsTo('ana@example.com').length, 0, 'read in the panel');
      assert.ok(
        !state.mailbox.mails.some((mail) => mail.text.includes('No email to send to.')),
        'no address given',
      );
    });
  });
}

describe('answers the visitor missed: pacing the rounds', () => {
  test('rounds thin out while they fail, at most 10 min apart, and resume their pace after one succeeds', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const rounds: string[] = [];
    let smtpUp = false;
    const job = startMissedAnswers({
      db: { query: async () => [], exec: async () => {} },
      config: { sites: [] } as unknown as HubConfig,
      tokenSecret: 'pacing-test-secret',
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
