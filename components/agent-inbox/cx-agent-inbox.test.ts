import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { HubConnection } from '../core/hub/hub-connection.js';
import { FakeHub } from '../core/testing/fake-hub.js';
import type { CxAgentInbox } from './cx-agent-inbox.js';
import '../chat/index.js';
import '../customer-card/index.js';
import './index.js';
import { mountInboxWithCard } from './testing/mount-inbox.js';

async function mount(connection: HubConnection | null, demoSignIn = false) {
  const root = await fixture(
    html`<div>
      <cx-agent-inbox ?demo-sign-in=${demoSignIn}></cx-agent-inbox>
      <cx-config site-key="demo" hub="http://127.0.0.1:9" .connection=${connection}></cx-config>
    </div>`,
  );
  const inbox = root.querySelector('cx-agent-inbox')!;
  await root.querySelector('cx-config')!.updateComplete;
  await inbox.updateComplete;
  return inbox;
}

const buttons = (inbox: CxAgentInbox, name: string) =>
  [...inbox.shadowRoot!.querySelectorAll('button')].filter((b) => b.textContent!.trim() === name);
const settle = (inbox: CxAgentInbox) =>
  new Promise((resolve) => setTimeout(resolve, 10)).then(() => inbox.updateComplete);

describe('cx-agent-inbox', () => {
  beforeEach(() => sessionStorage.clear());

  it('without agent credentials, offers the demo sign-in when asked to', async () => {
    const inbox = await mount(null, true);
    expect(buttons(inbox, 'Sign in as demo agent')).to.have.length(1);
    await expect(inbox).to.be.accessible();
  });

  it('without agent credentials nor demo-sign-in, says a token is required', async () => {
    const inbox = await mount(null);
    expect(buttons(inbox, 'Sign in as demo agent')).to.have.length(0);
    expect(inbox.shadowRoot!.textContent).to.contain('An agent token is required');
    await expect(inbox).to.be.accessible();
  });

  it('lists waiting conversations with their preview and an Accept button described by it', async () => {
    const hub = new FakeHub();
    hub.visitorSays('My order has not arrived', 'visitor-a');
    const inbox = await mount(hub.connect('agent'));
    await waitUntil(() => buttons(inbox, 'Accept').length === 1, 'waiting conversation listed');
    const accept = buttons(inbox, 'Accept')[0];
    const preview = inbox.shadowRoot!.getElementById(accept.getAttribute('aria-describedby')!)!;
    expect(preview.textContent).to.equal('My order has not arrived');
    expect(inbox.shadowRoot!.textContent).to.match(/waiting \d+ sec/);

    // Live: a second visitor writes in while the desk is open.
    hub.visitorSays('<b>Hi</b>', 'visitor-b');
    await waitUntil(() => buttons(inbox, 'Accept').length === 2, 'new conversation appears live');
    expect(inbox.shadowRoot!.querySelector('b')).to.equal(null);
    await expect(inbox).to.be.accessible();
  });

  it('accepting shows the conversation, and Send answers the visitor', async () => {
    const hub = new FakeHub();
    const visitor = hub.connect('visitor', { id: 'visitor-a' });
    const { conversationId } = await visitor.command('chat.send', { text: 'Where is my parcel?' });
    const inbox = await mount(hub.connect('agent', { id: 'agent-1', name: 'Alex' }));
    await waitUntil(() => buttons(inbox, 'Accept').length === 1, 'waiting conversation listed');

    const accepted = oneEvent(inbox, 'cx-conversation-accepted');
    buttons(inbox, 'Accept')[0].click();
    expect((await accepted).detail.conversationId).to.equal(conversationId);
    await waitUntil(() =>
      inbox.shadowRoot!.querySelector('[role="log"]')?.textContent?.includes('Where is my parcel?'),
    );
    expect(buttons(inbox, 'Accept')).to.have.length(0);
    await expect(inbox).to.be.accessible();

    const textarea = inbox.shadowRoot!.querySelector('textarea')!;
    expect(inbox.shadowRoot!.querySelector(`label[for="${textarea.id}"]`)!.textContent).to.equal(
      'Message',
    );
    textarea.value = 'It ships today.';
    const sent = oneEvent(inbox, 'cx-message-sent');
    buttons(inbox, 'Send')[0].click();
    expect((await sent).detail).to.include({ conversationId, text: 'It ships today.' });

    // The visitor receives it.
    const received: string[] = [];
    visitor.subscribe(`conv:${conversationId}`, 0, {
      onEvent: (frame) =>
        frame.event.type === 'message.created' && received.push(frame.event.message.text),
    });
    await waitUntil(() => received.length === 2, 'visitor got the answer');
    expect(received).to.deep.equal(['Where is my parcel?', 'It ships today.']);
    await settle(inbox);
    const log = inbox.shadowRoot!.querySelector('[role="log"]')!;
    expect(
      [...log.querySelectorAll('[part="message"] .text')].map((e) => e.textContent),
    ).to.deep.equal(['Where is my parcel?', 'It ships today.']);
    await expect(inbox).to.be.accessible();
  });

  it('says so when another agent accepted first', async () => {
    const hub = new FakeHub();
    const { id } = hub.visitorSays('Hello?');
    const inbox = await mount(hub.connect('agent'));
    await waitUntil(() => buttons(inbox, 'Accept').length === 1);
    const accept = buttons(inbox, 'Accept')[0];
    // Another agent is first; the desk has not re-rendered yet when this agent clicks.
    hub.agentSays(id, 'I have it', { id: 'agent-9', name: 'Kim' });
    accept.click();
    await waitUntil(() => inbox.shadowRoot!.querySelector('[role="alert"]'), 'notice shown');
    expect(inbox.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.equal(
      'Another agent accepted this conversation first.',
    );
    await waitUntil(() => buttons(inbox, 'Accept').length === 0, 'no longer waiting');
  });

  it('has a customer-card slot beside the conversation', async () => {
    const inbox = await mount(new FakeHub().connect('agent'));
    expect(inbox.shadowRoot!.querySelector('slot[name="customer-card"]')).to.not.equal(null);
  });

  it('passes the selected conversation and its end to the slotted customer card', async () => {
    const hub = new FakeHub();
    const { id } = hub.visitorSays('My kettle order', 'visitor-1');
    const { inbox, card } = await mountInboxWithCard(hub);
    expect(card.conversationId).to.equal('');
    await waitUntil(() => buttons(inbox, 'Accept').length === 1, 'waiting conversation listed');
    buttons(inbox, 'Accept')[0].click();
    await waitUntil(() => card.conversationId === id, 'the card follows the selection');
    await waitUntil(
      () => card.shadowRoot!.querySelector('h2')?.textContent === 'Minji Park',
      'the card shows the customer of the selected conversation',
    );
    const sendLinks = () =>
      [...card.shadowRoot!.querySelectorAll('button')].filter((b) =>
        b.getAttribute('aria-label')?.startsWith('Send link'),
      );
    expect(sendLinks()).to.not.have.length(0);

    // Closed: the card stays with the conversation, but sends no more links into it.
    buttons(inbox, 'Close conversation')[0].click();
    await waitUntil(() => card.conversationClosed, 'the card learns the conversation closed');
    expect(card.conversationId).to.equal(id);
    await card.updateComplete;
    expect(sendLinks()).to.have.length(0);
  });

  it('shares one fake hub with cx-chat on the same page, each widget in its own role', async () => {
    const root = await fixture(
      html`<div>
        <cx-config .connection=${new FakeHub()}></cx-config>
        <cx-chat open></cx-chat>
        <cx-agent-inbox></cx-agent-inbox>
      </div>`,
    );
    await root.querySelector('cx-config')!.updateComplete;
    const chat = root.querySelector('cx-chat')!;
    const inbox = root.querySelector('cx-agent-inbox')!;
    await chat.updateComplete;
    chat.shadowRoot!.querySelector('textarea')!.value = 'Hello from the storefront';
    chat.shadowRoot!.querySelector<HTMLButtonElement>('form button')!.click();
    await waitUntil(() => buttons(inbox, 'Accept').length === 1, 'the visitor waits in the inbox');
    expect(inbox.shadowRoot!.textContent).to.contain('Hello from the storefront');
  });
});
