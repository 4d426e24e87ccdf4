import { expect, waitUntil } from '@open-wc/testing';
import type { EventFrame, SignalFrame } from '../../protocol/index.js';
import { FakeHub } from '../core/testing/fake-hub.js';
import type { CxChat } from './cx-chat.js';
import { mountChat, openPanel } from './testing/mount-chat.js';

const mina = { id: 'agent-2', name: 'Mina' };

/** An open cx-chat on a fake hub, after the visitor's first message. */
async function chatting(hub = new FakeHub()) {
  const connection = hub.connect('visitor');
  const { chat } = await mountChat(connection);
  await openPanel(chat);
  await say(chat, 'Where is my order?');
  await waitUntil(() => chat.shadowRoot!.querySelector('[part="receipt"]'), 'message sent');
  const { conversations } = await connection.command('conversations.list', {});
  const conversationId = conversations[0]!.id;
  // What the agent's client would get: the visitor's typing and receipts.
  const agentSees: { events: EventFrame[]; signals: SignalFrame[] } = { events: [], signals: [] };
  hub.connect('agent', mina).subscribe(`conv:${conversationId}`, 0, {
    onEvent: (frame) => agentSees.events.push(frame),
    onSignal: (frame) => agentSees.signals.push(frame),
  });
  return { hub, chat, conversationId, agentSees };
}

async function say(chat: CxChat, text: string) {
  const textarea = chat.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea')!;
  textarea.value = text;
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
  textarea.form!.requestSubmit();
  await chat.updateComplete;
}

const $ = (chat: CxChat, selector: string) => chat.shadowRoot!.querySelector<HTMLElement>(selector);
const $$ = (chat: CxChat, selector: string) => [
  ...chat.shadowRoot!.querySelectorAll<HTMLElement>(selector),
];
const receiptText = (chat: CxChat) => $(chat, '[part="receipt"]')?.textContent?.trim();

describe('cx-chat conversation states', () => {
  it("shows the visitor's message Sent, then Delivered, then Read, in words", async () => {
    const { hub, chat, conversationId } = await chatting();
    expect(receiptText(chat)).to.equal('Sent');
    await expect(chat).to.be.accessible();
    hub.agentSays(conversationId, 'Let me check.', mina);
    hub.receipt(conversationId, 'delivered', { role: 'agent', ...mina });
    await waitUntil(() => receiptText(chat) === 'Delivered', 'delivered');
    await expect(chat).to.be.accessible();
    hub.receipt(conversationId, 'read', { role: 'agent', ...mina });
    await waitUntil(() => receiptText(chat) === 'Read', 'read');
    // Only the latest own message carries the state.
    expect($$(chat, '[part="receipt"]')).to.have.length(1);
    await expect(chat).to.be.accessible();
  });

  it('tells the agent the visitor read their message while the panel is open', async () => {
    const { hub, conversationId, agentSees } = await chatting();
    hub.agentSays(conversationId, 'Hello!', mina);
    const hello = agentSees.events.find(
      (frame) => frame.event.type === 'message.created' && frame.event.message.text === 'Hello!',
    )!;
    await waitUntil(
      () =>
        agentSees.events.some(
          (frame) =>
            frame.event.type === 'conversation.receipt' &&
            frame.event.reader.role === 'visitor' &&
            frame.event.readSeq >= hello.seq,
        ),
      'the visitor read it',
    );
  });

  it("shows the agent's name and when they type, in a polite live region", async () => {
    const { hub, chat, conversationId } = await chatting();
    hub.agentSays(conversationId, 'Hi, I am Mina.', mina);
    await waitUntil(() => $(chat, '[part="agent-name"]'), 'agent named');
    expect($(chat, '[part="agent-name"]')!.textContent).to.equal('You are chatting with Mina');
    const typing = $(chat, '[part="typing"]')!;
    expect(typing.getAttribute('role')).to.equal('status');
    expect(typing.textContent).to.equal('');
    hub.agentTypes(conversationId, true, mina);
    await waitUntil(() => typing.textContent === 'Mina is typing…', 'typing shown');
    await expect(chat).to.be.accessible();
    hub.agentSays(conversationId, 'Found it.', mina);
    await waitUntil(() => typing.textContent === '', 'a message ends the typing');
  });

  it('tells the agent while the visitor types, once per few seconds, and when they stop', async () => {
    const { chat, agentSees } = await chatting();
    const textarea = $(chat, 'textarea') as HTMLTextAreaElement;
    for (const value of ['W', 'Wh', 'Why']) {
      textarea.value = value;
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    }
    await waitUntil(() => agentSees.signals.length === 1, 'typing');
    textarea.dispatchEvent(new Event('blur'));
    await waitUntil(() => agentSees.signals.length === 2, 'stopped');
    expect(
      agentSees.signals.map((frame) => frame.signal.type === 'typing' && frame.signal.active),
    ).to.deep.equal([true, false]);
  });

  it('renders links safely and offers quick replies under the latest agent message only', async () => {
    const { hub, chat, conversationId } = await chatting();
    hub.agentSays(
      conversationId,
      'Track it at https://shop.example/track or write to help@shop.example. Not javascript:alert(1)',
      mina,
      ['Track my order', 'Returns'],
    );
    await waitUntil(() => $$(chat, '.quick-reply').length === 2, 'quick replies shown');
    const anchors = $$(chat, '[part="message"] a');
    expect(anchors.map((a) => a.getAttribute('href'))).to.deep.equal([
      'https://shop.example/track',
      'mailto:help@shop.example',
    ]);
    expect(anchors[0]!.getAttribute('target')).to.equal('_blank');
    expect(anchors[0]!.getAttribute('rel')).to.equal('noopener noreferrer nofollow');
    expect(anchors[0]!.textContent).to.equal('https://shop.example/track (opens in a new tab)');
    expect(anchors[1]!.hasAttribute('target')).to.equal(false);
    expect($(chat, '[part="quick-replies"]')!.getAttribute('aria-label')).to.equal(
      'Suggested replies',
    );
    await expect(chat).to.be.accessible();

    $$(chat, '.quick-reply')[1]!.click();
    await waitUntil(() => $$(chat, '.quick-reply').length === 0, 'answered: buttons gone');
    const texts = $$(chat, '[part="message"] .text').map((e) => e.textContent);
    expect(texts[texts.length - 1]).to.equal('Returns');
  });

  it('shows the full date and time of each message to screen readers and on hover', async () => {
    const { chat } = await chatting();
    const time = $(chat, '[part="message"] time')!;
    const full = time.getAttribute('title')!;
    expect(full).to.match(/\d{4}/);
    expect(time.querySelector('.visually-hidden')!.textContent).to.equal(full);
    expect(time.querySelector('[aria-hidden="true"]')!.textContent).to.match(/\d{1,2}:\d{2}/);
  });
});
