import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { EventFrame, SignalFrame } from '../../protocol/index.js';
import { FakeHub } from '../core/testing/fake-hub.js';
import type { CxAgentInbox } from './cx-agent-inbox.js';
import './index.js';

/** An inbox whose agent accepted a visitor's conversation; and what the visitor's client gets. */
async function accepted(hub = new FakeHub()) {
  const visitor = hub.connect('visitor', { id: 'visitor-a' });
  const { conversationId } = await visitor.command('chat.send', { text: 'My router blinks' });
  const seen = { events: [] as EventFrame[], signals: [] as SignalFrame[] };
  visitor.subscribe(`conv:${conversationId}`, 0, {
    onEvent: (frame) => seen.events.push(frame),
    onSignal: (frame) => seen.signals.push(frame),
  });
  const root = await fixture(
    html`<div>
      <cx-agent-inbox></cx-agent-inbox>
      <cx-config
        site-key="demo"
        .connection=${hub.connect('agent', { id: 'agent-1', name: 'Alex' })}
      ></cx-config>
    </div>`,
  );
  const inbox = root.querySelector('cx-agent-inbox')!;
  await root.querySelector('cx-config')!.updateComplete;
  await waitUntil(() => button(inbox, 'Accept'), 'waiting conversation listed');
  button(inbox, 'Accept')!.click();
  await waitUntil(() => $(inbox, '[role="log"]')?.textContent?.includes('My router blinks'));
  return { hub, inbox, visitor, conversationId, seen };
}

const $ = <T extends Element = HTMLElement>(inbox: CxAgentInbox, selector: string) =>
  inbox.shadowRoot!.querySelector<T>(selector);
const button = (inbox: CxAgentInbox, name: string) =>
  [...inbox.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === name);
const typingSignals = (seen: { signals: SignalFrame[] }) =>
  seen.signals.map((frame) => frame.signal.type === 'typing' && frame.signal.active);

async function draft(inbox: CxAgentInbox, text: string) {
  const textarea = $<HTMLTextAreaElement>(inbox, 'textarea#cx-message')!;
  textarea.value = text;
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
  await inbox.updateComplete;
  return textarea;
}

describe('cx-agent-inbox conversation states', () => {
  it('shows when the visitor types, and marks their messages read', async () => {
    const { inbox, visitor, conversationId, seen } = await accepted();
    const typing = $(inbox, '[part="typing"]')!;
    expect(typing.getAttribute('role')).to.equal('status');
    await visitor.command('chat.typing', { conversationId, active: true });
    await waitUntil(() => typing.textContent === 'Visitor is typing…', 'visitor typing');
    await expect(inbox).to.be.accessible();
    await visitor.command('chat.typing', { conversationId, active: false });
    await waitUntil(() => typing.textContent === '', 'stopped');
    // The selected conversation in a visible tab is read.
    await waitUntil(
      () =>
        seen.events.some(
          (frame) => frame.event.type === 'conversation.receipt' && frame.event.readSeq === 1,
        ),
      'the agent read the first message',
    );
  });

  it('types to the visitor for replies only, never for internal notes', async () => {
    const { inbox, seen } = await accepted();
    await draft(inbox, 'Let me');
    await waitUntil(() => seen.signals.length === 1, 'typing');
    inbox.shadowRoot!.querySelectorAll<HTMLInputElement>('[name="mode"]')[1]!.click();
    await waitUntil(() => seen.signals.length === 2, 'switching to a note stops it');
    await draft(inbox, 'VIP customer, be nice');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(typingSignals(seen)).to.deep.equal([true, false]);
  });

  it("adds quick-reply buttons to a reply and shows the visitor's read state", async () => {
    const { inbox, visitor, conversationId, seen } = await accepted();
    $<HTMLElement>(inbox, '[part="quick-reply-editor"] summary')!.click();
    const input = $<HTMLInputElement>(inbox, '#cx-quick-reply')!;
    for (const label of ['Yes', 'No']) {
      input.value = label;
      input.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }),
      );
      await inbox.updateComplete;
    }
    expect(button(inbox, '×')!.getAttribute('aria-label')).to.equal('Remove “Yes”');
    expect($(inbox, '[part="quick-reply-editor"] summary')!.textContent).to.equal(
      'Quick replies (2)',
    );
    await expect(inbox).to.be.accessible();

    const textarea = await draft(inbox, 'Did the restart help?');
    textarea.form!.requestSubmit();
    await waitUntil(() => $(inbox, '[part="receipt"]'), 'reply stored');
    const reply = seen.events.find(
      (frame) =>
        frame.event.type === 'message.created' && frame.event.message.author.role === 'agent',
    )!;
    expect(
      reply.event.type === 'message.created' && reply.event.message.quickReplies,
    ).to.deep.equal(['Yes', 'No']);
    expect($(inbox, '[part="quick-replies"]')!.textContent).to.equal('Offered: Yes and No');
    expect($(inbox, '[part="quick-reply-editor"] summary')!.textContent).to.equal('Quick replies');
    expect($(inbox, '[part="receipt"]')!.textContent!.trim()).to.equal('Sent');

    await visitor.command('chat.receipt', { conversationId, seq: reply.seq, state: 'read' });
    await waitUntil(() => $(inbox, '[part="receipt"]')!.textContent!.trim() === 'Read', 'read');
    await expect(inbox).to.be.accessible();
  });

  it('fills the quick replies from a canned response that has them', async () => {
    const hub = new FakeHub({
      cannedResponses: [{ shortcut: '/more', text: 'Anything else?', quickReplies: ['Yes', 'No'] }],
    });
    const { inbox } = await accepted(hub);
    const textarea = await draft(inbox, '/more');
    textarea.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true }),
    );
    await inbox.updateComplete;
    expect(textarea.value).to.equal('Anything else?');
    expect(
      [...inbox.shadowRoot!.querySelectorAll('.quick-reply-labels li span')].map(
        (e) => e.textContent,
      ),
    ).to.deep.equal(['Yes', 'No']);
  });
});
