import { expect, waitUntil } from '@open-wc/testing';
import type { QueueHours } from '../../protocol/index.js';
import { FakeHub } from '../core/testing/fake-hub.js';
import type { CxChat } from './cx-chat.js';
import { mountChat, openPanel } from './testing/mount-chat.js';

const open = (id: string, name: string): QueueHours => ({
  id,
  name,
  open: true,
  nextOpenAt: null,
  closesAt: null,
});
const closed = (id: string, name: string, nextOpenAt: string | null): QueueHours => ({
  id,
  name,
  open: false,
  nextOpenAt,
  closesAt: null,
});

async function mount(hub: FakeHub, queue?: string, locale?: string) {
  const { chat } = await mountChat(hub, { queue, locale });
  await openPanel(chat, '[part="panel"]');
  const $ = <T extends Element>(selector: string) => chat.shadowRoot!.querySelector<T>(selector);
  return { chat, $ };
}

async function send(chat: CxChat, text: string) {
  const textarea = chat.shadowRoot!.querySelector('textarea')!;
  textarea.value = text;
  chat.shadowRoot!.querySelector<HTMLFormElement>('[part="composer"]')!.requestSubmit();
}

const statusText = (chat: CxChat) =>
  chat.shadowRoot!.querySelector('[part="queue-status"]')?.textContent?.replace(/\s+/g, ' ').trim();

describe('cx-chat queue status', () => {
  it('shows the place in line and the estimate, and moves up live', async () => {
    const hub = new FakeHub();
    const ahead = hub.visitorSays('first in line', 'visitor-0');
    const { chat } = await mount(hub);
    await send(chat, 'hello');
    await waitUntil(() => statusText(chat)?.includes('number 2'), 'place shown');
    expect(statusText(chat)).to.equal('You are number 2 in line · about 4 min');
    await expect(chat).to.be.accessible();

    hub.agentSays(ahead.id, 'Hi there');
    await waitUntil(() => statusText(chat)?.includes('number 1'), 'moved up');
    expect(statusText(chat)).to.equal('You are number 1 in line · about 2 min');
    // The polite live region says it too.
    await waitUntil(() =>
      chat
        .shadowRoot!.querySelector('[role="status"].visually-hidden')!
        .textContent!.includes('number'),
    );
  });

  it('says "shortly" when no estimate is known, and nothing once an agent accepts', async () => {
    const hub = new FakeHub();
    hub.queues.etaSecondsPerPlace = null;
    const { chat } = await mount(hub);
    await send(chat, 'hello');
    await waitUntil(() => statusText(chat), 'place shown');
    expect(statusText(chat)).to.equal("You are number 1 in line · We'll be with you shortly");
    const [conversation] = [
      ...(await hub.connect('agent').command('desk.snapshot', {})).conversations,
    ];
    hub.agentSays(conversation!.id, 'Hello!');
    await waitUntil(() => !statusText(chat), 'line gone once accepted');
    await expect(chat).to.be.accessible();
  });

  it('tells a waiting visitor when the queue closes that they keep their place', async () => {
    const hub = new FakeHub();
    const closesAt = new Date(Date.now() + 1500).toISOString();
    hub.queues.queues = [{ ...open('general', 'General'), closesAt }];
    const { chat } = await mount(hub);
    await send(chat, 'hello');
    await waitUntil(() => statusText(chat), 'place shown');
    // The hub's clock passes closing time: the panel asks again when it does.
    hub.queues.queues = [closed('general', 'General', null)];
    await waitUntil(() => statusText(chat)?.includes('keep your place'), 'closing told', {
      timeout: 5000,
    });
    expect(statusText(chat)).to.include('You are number 1 in line');
    await expect(chat).to.be.accessible();
  });

  it('sends the first message to the queue the page names', async () => {
    const hub = new FakeHub();
    hub.queues.queues = [open('general', 'General'), open('returns', 'Returns')];
    const { chat } = await mount(hub, 'returns');
    await send(chat, 'I want to return boots');
    await waitUntil(() => statusText(chat), 'place shown');
    const { conversations } = await hub.connect('agent').command('desk.snapshot', {});
    expect(conversations[0]!.queueId).to.equal('returns');
  });
});

describe('cx-chat outside business hours', () => {
  const monday = new Date(Date.now() + 2 * 86_400_000).toISOString();

  it('offers a message form with the next opening in place of the composer', async () => {
    const hub = new FakeHub();
    hub.queues.queues = [open('general', 'General'), closed('returns', 'Returns', monday)];
    const { chat, $ } = await mount(hub, 'returns');
    await waitUntil(() => $('[part="offline-form"]'), 'form shown');
    expect($('[part="composer"]')).to.equal(null);
    const weekday = new Intl.DateTimeFormat('en', { weekday: 'long' }).format(new Date(monday));
    expect($('.offline-title')!.textContent).to.match(/^We're closed — we open /);
    expect($('.offline-title')!.textContent).to.include(weekday);
    expect($('.offline-title')!.textContent).to.include('(your time)');
    await expect(chat).to.be.accessible();
  });

  it('says "today" or "tomorrow" when the queue opens that soon, in both languages', async () => {
    const now = new Date();
    const tomorrowNine = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 9, 0);
    const hub = new FakeHub();
    hub.queues.queues = [closed('general', 'General', tomorrowNine.toISOString())];
    const { $ } = await mount(hub);
    await waitUntil(() => $('[part="offline-form"]'), 'form shown');
    expect($('.offline-title')!.textContent).to.equal(
      "We're closed — we open tomorrow at 9:00 AM (your time).",
    );

    const korean = await mount(hub, undefined, 'ko');
    await waitUntil(() => korean.$('[part="offline-form"]'), 'form shown');
    expect(korean.$('.offline-title')!.textContent).to.equal(
      '지금은 운영 시간이 아닙니다. 내일 오전 9:00에 다시 엽니다(고객님 시간 기준).',
    );
  });

  it('requires name, email and message, then leaves the message for the agents', async () => {
    const hub = new FakeHub();
    hub.queues.queues = [closed('general', 'General', null)];
    const { chat, $ } = await mount(hub);
    await waitUntil(() => $('[part="offline-form"]'), 'form shown');
    expect($('.offline-title')!.textContent).to.equal("We're closed right now.");
    // This hub sends no email: the answer comes in the panel only.
    expect($('#cx-offline-help')!.textContent!.trim()).to.equal(
      'Leave us a message and we will answer here when you come back.',
    );
    const form = $<HTMLFormElement>('[part="offline-form"]')!;
    expect(form.checkValidity()).to.equal(false);
    $<HTMLInputElement>('#cx-offline-name')!.value = 'Mina';
    $<HTMLInputElement>('#cx-offline-email')!.value = 'not an email';
    $<HTMLTextAreaElement>('#cx-offline-text')!.value = 'Can I return boots?';
    expect(form.checkValidity()).to.equal(false);
    $<HTMLInputElement>('#cx-offline-email')!.value = 'mina@example.com';
    form.requestSubmit();

    await waitUntil(() => statusText(chat)?.startsWith('Thanks!'), 'confirmed');
    await waitUntil(() => chat.shadowRoot!.querySelector('[part="message"]'), 'message in the log');
    expect($('[part="offline-form"]')).to.equal(null);
    const { conversations } = await hub.connect('agent').command('desk.snapshot', {});
    // With the language and zone the emailed answer uses.
    expect(conversations[0]!.offline).to.deep.equal({
      name: 'Mina',
      email: 'mina@example.com',
      locale: 'en',
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
    expect(conversations[0]!.lastText).to.equal('Can I return boots?');
    await expect(chat).to.be.accessible();
  });

  it('promises an answer by email where the hub sends email', async () => {
    const hub = new FakeHub({ widget: { endOfChat: { transcript: true } } });
    hub.queues.queues = [closed('general', 'General', null)];
    const { $ } = await mount(hub);
    await waitUntil(() => $('#cx-offline-help'), 'form shown');
    expect($('#cx-offline-help')!.textContent!.trim()).to.equal(
      'Leave us a message and we will answer by email and here.',
    );
  });

  it('says the answer waits in the panel for an address that stopped our emails', async () => {
    const hub = new FakeHub({ widget: { endOfChat: { transcript: true } } });
    hub.queues.queues = [closed('general', 'General', null)];
    hub.queues.stoppedEmails.add('mina@example.com');
    const { chat, $ } = await mount(hub);
    await waitUntil(() => $('[part="offline-form"]'), 'form shown');
    $<HTMLInputElement>('#cx-offline-name')!.value = 'Mina';
    $<HTMLInputElement>('#cx-offline-email')!.value = 'Mina@Example.com';
    $<HTMLTextAreaElement>('#cx-offline-text')!.value = 'Can I return boots?';
    $<HTMLFormElement>('[part="offline-form"]')!.requestSubmit();
    const said =
      'Thanks! We got your message. Mina@Example.com stopped our emails, so our answer waits for you here.';
    await waitUntil(() => statusText(chat) === said, 'confirmed without promising email');
    await waitUntil(
      () =>
        [...chat.shadowRoot!.querySelectorAll('[role="status"]')].some(
          (region) => region.textContent === said,
        ),
      'announced',
    );
    await expect(chat).to.be.accessible();
  });

  it('shows the hub refusing the message and keeps what was typed', async () => {
    const hub = new FakeHub();
    hub.queues.queues = [closed('general', 'General', null)];
    const { chat, $ } = await mount(hub);
    await waitUntil(() => $('[part="offline-form"]'), 'form shown');
    hub.visitorSays('already chatting');
    $<HTMLInputElement>('#cx-offline-name')!.value = 'Mina';
    $<HTMLInputElement>('#cx-offline-email')!.value = 'mina@example.com';
    $<HTMLTextAreaElement>('#cx-offline-text')!.value = 'Hello?';
    $<HTMLFormElement>('[part="offline-form"]')!.requestSubmit();
    await waitUntil(() => $('.offline-error'), 'error shown');
    expect($('.offline-error')!.getAttribute('role')).to.equal('alert');
    expect($<HTMLTextAreaElement>('#cx-offline-text')!.value).to.equal('Hello?');
    await expect(chat).to.be.accessible();
  });

  it('speaks Korean', async () => {
    const hub = new FakeHub();
    hub.queues.queues = [closed('general', 'General', null)];
    document.documentElement.lang = 'ko';
    try {
      const { $ } = await mount(hub);
      await waitUntil(() => $('[part="offline-form"]'), 'form shown');
      expect($('.offline-title')!.textContent).to.equal('지금은 운영 시간이 아닙니다.');
      expect($('label[for="cx-offline-email"]')!.textContent).to.equal('이메일');
    } finally {
      document.documentElement.lang = '';
    }
  });
});
