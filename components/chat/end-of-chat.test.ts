import { expect, waitUntil } from '@open-wc/testing';
import type { PrechatSettings } from '../../protocol/index.js';
import { FakeHub } from '../core/testing/fake-hub.js';
import type { CxChat } from './cx-chat.js';
import { mountChat, openPanel } from './testing/mount-chat.js';

const prechat: PrechatSettings = {
  greeting: 'Hi! Who are we talking to?',
  fields: [
    { name: 'name', required: true },
    { name: 'email', required: false },
    { name: 'topic', required: false, options: [{ label: 'Orders' }, { label: 'Returns' }] },
  ],
};

/** An open cx-chat on a fake hub whose site has a pre-chat form and sends transcripts. */
async function openChat(hub: FakeHub, identityToken = '') {
  const { chat } = await mountChat(hub, { identityToken });
  await openPanel(chat, 'textarea, [part="prechat-form"]');
  return chat;
}

const newHub = () => new FakeHub({ widget: { prechat, endOfChat: { transcript: true } } });
const $ = (chat: CxChat, selector: string) => chat.shadowRoot!.querySelector<HTMLElement>(selector);
const field = (chat: CxChat, name: string) =>
  $(chat, `[part="prechat-form"] [name="${name}"]`) as HTMLInputElement | HTMLSelectElement;
const fill = (control: HTMLInputElement | HTMLSelectElement, value: string) => {
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
};
const submit = (chat: CxChat, selector: string) =>
  ($(chat, selector) as HTMLFormElement).requestSubmit();

/** Types into the message box and presses Send. */
function send(chat: CxChat, text: string) {
  const textarea = $(chat, 'textarea#cx-message') as HTMLTextAreaElement;
  textarea.value = text;
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
  textarea.form!.requestSubmit();
}

async function say(chat: CxChat, text: string) {
  send(chat, text);
  await waitUntil(() => $(chat, '[part="message"].sent, [part="receipt"]'), 'message sent');
}

describe('cx-chat pre-chat form', () => {
  it('asks before the first message, with localized errors, then sends the answers with it', async () => {
    const hub = newHub();
    const chat = await openChat(hub);
    await waitUntil(() => $(chat, '[part="prechat-form"]'), 'form shown');
    expect($(chat, '[part="prechat-form"]')!.textContent).to.contain('Hi! Who are we talking to?');
    await expect(chat).to.be.accessible();

    fill(field(chat, 'email'), 'not-an-email');
    send(chat, 'My boots are too small');
    await waitUntil(() => $(chat, '#cx-prechat-name-error'), 'errors shown');
    // Nothing sent, and the message waits in its box.
    expect(($(chat, '#cx-message') as HTMLTextAreaElement).value).to.equal(
      'My boots are too small',
    );
    const before = await hub.connect('visitor').command('conversations.list', {});
    expect(before.conversations.length).to.equal(0);
    expect($(chat, '#cx-prechat-name-error')!.textContent).to.equal('Please enter your name.');
    expect($(chat, '#cx-prechat-email-error')!.textContent).to.contain('name@example.com');
    expect(field(chat, 'name').getAttribute('aria-invalid')).to.equal('true');
    expect(field(chat, 'name').getAttribute('aria-describedby')).to.equal('cx-prechat-name-error');
    // The hub emails: the email field says what the address is for.
    expect($(chat, '#cx-prechat-email-hint')!.textContent).to.equal(
      'If you leave before reading our answer, we will email it to you.',
    );
    expect(field(chat, 'email').getAttribute('aria-describedby')).to.equal(
      'cx-prechat-email-error cx-prechat-email-hint',
    );
    expect(chat.shadowRoot!.activeElement).to.equal(field(chat, 'name'));
    expect((field(chat, 'email') as HTMLInputElement).validationMessage).to.contain(
      'name@example.com',
    );
    await expect(chat).to.be.accessible();

    fill(field(chat, 'name'), '  Ada ');
    fill(field(chat, 'email'), 'ada@example.com');
    fill(field(chat, 'topic'), 'Returns');
    await say(chat, 'My boots are too small');
    await waitUntil(() => !$(chat, '[part="prechat-form"]'), 'form gone after the first message');
    const { conversations } = await hub.connect('visitor').command('conversations.list', {});
    expect(conversations[0]!.prechat).to.deep.equal({
      name: 'Ada',
      email: 'ada@example.com',
      topic: 'Returns',
    });
    // With the visitor's language and zone, for emails the hub may send them.
    expect(hub.endOfChat.starts.get(conversations[0]!.id)).to.include({
      locale: 'en',
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
    await expect(chat).to.be.accessible();
  });

  it('speaks Korean in the form and its errors', async () => {
    const hub = newHub();
    const { chat } = await mountChat(hub, { locale: 'ko' });
    await openPanel(chat, '[part="prechat-form"]');
    send(chat, '안녕하세요');
    await waitUntil(() => $(chat, '#cx-prechat-name-error'), 'errors shown');
    expect($(chat, '#cx-prechat-name-error')!.textContent).to.equal('이름을 입력해 주세요.');
    expect($(chat, 'label[for="cx-prechat-email"]')!.textContent).to.contain('(선택)');
    await expect(chat).to.be.accessible();
  });

  it("shows the site's greeting and topics in the visitor's language, and stores the topic agents read", async () => {
    const hub = new FakeHub({
      widget: {
        prechat: {
          greeting: { en: 'Hello! Who are we talking to?', ko: '안녕하세요! 누구신가요?' },
          fields: [
            {
              name: 'topic',
              required: false,
              options: [{ label: 'Orders', labels: { ko: '주문' } }, { label: 'Gift cards' }],
            },
          ],
        },
      },
    });
    const { chat } = await mountChat(hub, { locale: 'ko-KR' });
    await openPanel(chat, '[part="prechat-form"]');
    expect($(chat, '#cx-prechat-intro')!.textContent!.trim()).to.equal('안녕하세요! 누구신가요?');
    const topic = field(chat, 'topic') as HTMLSelectElement;
    const options = [...topic.options].map((option) => option.textContent!.trim());
    expect(options.slice(1)).to.deep.equal(['주문', 'Gift cards'], 'untranslated: as written');
    fill(topic, 'Orders');
    await say(chat, '주문이 안 왔어요');
    const { conversations } = await hub.connect('visitor').command('conversations.list', {});
    expect(conversations[0]!.prechat).to.deep.equal({ topic: 'Orders' });
    await expect(chat).to.be.accessible();
  });

  it('skips the form for a customer the storefront verified', async () => {
    const hub = newHub();
    hub.endOfChat.customers.set('identity-1', {
      customerId: 'c-1',
      name: 'Mina Park',
      email: 'mina@example.com',
    });
    const chat = await openChat(hub, 'identity-1');
    await waitUntil(() => $(chat, '#cx-message'), 'composer shown');
    // Settle: the widget settings and the identity check both answered.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect($(chat, '[part="prechat-form"]')).to.equal(null);
    await say(chat, 'Hello, it is Mina');
    await expect(chat).to.be.accessible();
  });
});

describe('cx-chat end of chat', () => {
  /** A chat under way: the form answered, one message sent, the agent answered. */
  async function chatting(hub = newHub()) {
    const chat = await openChat(hub);
    await waitUntil(() => $(chat, '[part="prechat-form"]'), 'form shown');
    fill(field(chat, 'name'), 'Ada');
    fill(field(chat, 'email'), 'ada@example.com');
    await say(chat, 'Hello');
    const { conversations } = await hub.connect('visitor').command('conversations.list', {});
    const conversationId = conversations[0]!.id;
    hub.agentSays(conversationId, 'Hi Ada!');
    return { chat, conversationId };
  }

  it('ends the chat after a confirm step, then rates it 1–5 with a comment', async () => {
    const hub = newHub();
    const { chat, conversationId } = await chatting(hub);
    const end = $(chat, '[part="end-chat"]') as HTMLButtonElement;
    expect(end.textContent!.trim()).to.equal('End chat');
    end.click();
    await waitUntil(() => $(chat, '[part="end-confirm"]'), 'confirm shown');
    expect(end.getAttribute('aria-expanded')).to.equal('true');
    await expect(chat).to.be.accessible();
    const yes = [...$(chat, '[part="end-confirm"]')!.querySelectorAll('button')].find(
      (button) => button.textContent!.trim() === 'Yes, end chat',
    )!;
    yes.click();
    await waitUntil(() => $(chat, '[part="end-of-chat"]'), 'end view shown');
    expect(chat.shadowRoot!.activeElement).to.equal($(chat, '#cx-end-title'));
    const radios = [
      ...chat.shadowRoot!.querySelectorAll<HTMLInputElement>('[part="rating"] input[type="radio"]'),
    ];
    expect(radios.map((radio) => radio.closest('label')!.textContent!.trim())).to.deep.equal([
      '1 — Very poor',
      '2 — Poor',
      '3 — Okay',
      '4 — Good',
      '5 — Excellent',
    ]);
    expect(radios.every((radio) => radio.name === 'score')).to.equal(true);
    await expect(chat).to.be.accessible();

    // Without a choice: asked to choose, nothing sent.
    submit(chat, '[part="rating"]');
    await waitUntil(() => $(chat, '.end [role="alert"]'), 'asked to choose');
    expect($(chat, '.end [role="alert"]')!.textContent).to.contain('from 1 to 5');
    await expect(chat).to.be.accessible();

    radios[3]!.click();
    ($(chat, '#cx-rating-comment') as HTMLTextAreaElement).value = 'quick help';
    submit(chat, '[part="rating"]');
    await waitUntil(() => $(chat, '.end-status')!.textContent!.includes('Thank you'), 'thanked');
    const { conversations } = await hub.connect('visitor').command('conversations.list', {});
    const rated = conversations.find((conversation) => conversation.id === conversationId);
    expect(rated!.rating).to.include({ score: 4, comment: 'quick help' });
    await expect(chat).to.be.accessible();
  });

  it('shows the end view when the agent closes, and emails the transcript', async () => {
    const hub = newHub();
    const { chat, conversationId } = await chatting(hub);
    hub.closeConversation(conversationId);
    await waitUntil(() => $(chat, '[part="end-of-chat"]'), 'end view shown');
    const email = $(chat, '#cx-transcript-email') as HTMLInputElement;
    expect(email.value).to.equal('ada@example.com');
    expect($(chat, 'label[for="cx-transcript-email"]')!.textContent!.trim()).to.equal(
      'Email me the transcript',
    );
    submit(chat, '[part="transcript"]');
    await waitUntil(() => $(chat, '.end-status')!.textContent!.includes('on its way'), 'sent');
    expect(hub.endOfChat.transcripts).to.deep.equal([
      { conversationId, email: 'ada@example.com', locale: 'en' },
    ]);
    await expect(chat).to.be.accessible();

    hub.endOfChat.failNextTranscript = { code: 'rate.limited', message: 'too many transcripts' };
    submit(chat, '[part="transcript"]');
    await waitUntil(() => $(chat, '.end [role="alert"]'), 'failure shown');
    expect($(chat, '.end [role="alert"]')!.textContent).to.contain('too many transcripts');
    await expect(chat).to.be.accessible();

    ($(chat, '[part="new-chat"]') as HTMLButtonElement).click();
    await waitUntil(() => !$(chat, '[part="end-of-chat"]'), 'end view gone');
    expect($(chat, '#cx-message')).to.not.equal(null);
    expect(chat.shadowRoot!.querySelectorAll('[part="message"]').length).to.equal(0);
  });

  it('offers no transcript, and promises no email, when the hub sends none', async () => {
    const hub = new FakeHub({ widget: { prechat, endOfChat: { transcript: false } } });
    const chat = await openChat(hub);
    await waitUntil(() => $(chat, '[part="prechat-form"]'), 'form shown');
    expect($(chat, '#cx-prechat-email-hint'), 'no promise of an email').to.equal(null);
    fill(field(chat, 'name'), 'Ada');
    await say(chat, 'Hello');
    const { conversations } = await hub.connect('visitor').command('conversations.list', {});
    hub.closeConversation(conversations[0]!.id);
    await waitUntil(() => $(chat, '[part="end-of-chat"]'), 'end view shown');
    expect($(chat, '[part="transcript"]')).to.equal(null);
    await expect(chat).to.be.accessible();
  });
});
