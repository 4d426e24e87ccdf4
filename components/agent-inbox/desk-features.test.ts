import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { EventFrame } from '../../protocol/index.js';
import type { HubConnection } from '../core/hub/hub-connection.js';
import { FakeHub } from '../core/testing/fake-hub.js';
import type { CxAgentInbox } from './cx-agent-inbox.js';
import './index.js';

const canned = [
  { shortcut: '/hello', text: 'Hello! How can I help?' },
  { shortcut: '/bye', text: 'Thanks for chatting with us.' },
];

async function mount(connection: HubConnection, locale = 'en') {
  const root = await fixture(
    html`<div>
      <cx-agent-inbox></cx-agent-inbox>
      <cx-config site-key="demo" locale=${locale} .connection=${connection}></cx-config>
    </div>`,
  );
  const inbox = root.querySelector('cx-agent-inbox')!;
  await root.querySelector('cx-config')!.updateComplete;
  await inbox.updateComplete;
  return inbox;
}

const $ = <T extends Element = HTMLElement>(inbox: CxAgentInbox, selector: string) =>
  inbox.shadowRoot!.querySelector<T>(selector);
const button = (inbox: CxAgentInbox, name: string) =>
  [...inbox.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === name);
const textOf = (inbox: CxAgentInbox) => inbox.shadowRoot!.textContent ?? '';

/** A desk with one conversation the agent accepted; returns the inbox and the visitor's frames. */
async function withAcceptedConversation(hub: FakeHub) {
  const visitor = hub.connect('visitor', { id: 'visitor-a' });
  const { conversationId } = await visitor.command('chat.send', { text: 'My router blinks' });
  const seen: EventFrame[] = [];
  visitor.subscribe(`conv:${conversationId}`, 0, { onEvent: (frame) => seen.push(frame) });
  const inbox = await mount(hub.connect('agent', { id: 'agent-1', name: 'Alex' }));
  await waitUntil(() => button(inbox, 'Accept'), 'waiting conversation listed');
  button(inbox, 'Accept')!.click();
  await waitUntil(() => $(inbox, '[role="log"]')?.textContent?.includes('My router blinks'));
  return { inbox, conversationId, seen };
}

async function type(inbox: CxAgentInbox, text: string) {
  const textarea = $<HTMLTextAreaElement>(inbox, 'textarea#cx-message')!;
  textarea.value = text;
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
  await inbox.updateComplete;
  return textarea;
}

describe('cx-agent-inbox desk features', () => {
  beforeEach(() => sessionStorage.clear());

  it('sets presence, shows agents with their load, and lists what routing offered', async () => {
    const hub = new FakeHub();
    hub.agentPresence({ id: 'agent-2', name: 'Sam' }, 'away');
    const inbox = await mount(hub.connect('agent', { id: 'agent-1', name: 'Alex' }));
    await waitUntil(() => textOf(inbox).includes('Sam: Away, 0 of 3 chats'), 'agents listed');
    const select = $<HTMLSelectElement>(inbox, '[part="presence"] select')!;
    expect(select.value).to.equal('away');
    select.value = 'available';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => textOf(inbox).includes('Alex: Available, 0 of 3 chats'));

    hub.visitorSays('Is the X200 in stock?', 'visitor-b');
    await waitUntil(() => $(inbox, '[part="offered"]'), 'offered to this agent');
    expect($(inbox, '[part="offered"]')!.textContent).to.contain('Is the X200 in stock?');
    expect(textOf(inbox)).to.contain('Offered to you');
    await expect(inbox).to.be.accessible();
  });

  it('at the limit, says so beside Accept, which then does nothing', async () => {
    const hub = new FakeHub({ maxChatsPerAgent: 1 });
    hub.visitorSays('first', 'visitor-a');
    hub.visitorSays('second', 'visitor-b');
    const inbox = await mount(hub.connect('agent'));
    await waitUntil(() => inbox.shadowRoot!.querySelectorAll('[part="accept"]').length === 2);
    expect($(inbox, '#at-limit')).to.equal(null);
    inbox.shadowRoot!.querySelector<HTMLButtonElement>('[part="accept"]')!.click();
    await waitUntil(() => inbox.shadowRoot!.querySelectorAll('[part="accept"]').length === 1);
    const accept = $<HTMLButtonElement>(inbox, '[part="accept"]')!;
    expect(accept.getAttribute('aria-disabled')).to.equal('true');
    expect(accept.getAttribute('aria-describedby')).to.match(/ at-limit$/);
    expect($(inbox, '#at-limit')!.textContent!.trim()).to.equal(
      'You are at your limit (1 at once): close a conversation to accept another.',
    );
    await expect(inbox).to.be.accessible();
    accept.click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const { conversations } = await hub.connect('agent').command('desk.snapshot', {});
    expect(conversations.filter((c) => c.status === 'waiting')).to.have.length(1, 'still waiting');
    expect($(inbox, '[role="alert"]')).to.equal(null);
  });

  it('adds internal notes marked as such, which the visitor never receives', async () => {
    const hub = new FakeHub();
    const { inbox, seen } = await withAcceptedConversation(hub);
    const noteMode = [...inbox.shadowRoot!.querySelectorAll<HTMLInputElement>('[name="mode"]')];
    noteMode[1]!.click();
    await inbox.updateComplete;
    expect($(inbox, 'label[for="cx-message"]')!.textContent!.trim()).to.equal('Internal note');
    await type(inbox, 'Customer is a VIP');
    button(inbox, 'Add note')!.click();
    await waitUntil(() => $(inbox, '[part~="note"]'), 'note in the log');
    const note = $(inbox, '[part~="note"]')!;
    expect(note.querySelector('.note-label')!.textContent).to.equal('Internal note');
    expect(note.querySelector('.text')!.textContent).to.equal('Customer is a VIP');
    await expect(inbox).to.be.accessible();

    await waitUntil(() => seen.some((f) => f.event.type === 'hidden'));
    expect(JSON.stringify(seen)).not.to.contain('VIP');
  });

  it('expands canned responses by shortcut with Tab, and from the list', async () => {
    const hub = new FakeHub({ cannedResponses: canned });
    const { inbox } = await withAcceptedConversation(hub);
    const textarea = await type(inbox, '/he');
    expect($(inbox, '#canned-hint')!.textContent).to.contain('/hello');
    expect(textarea.getAttribute('aria-describedby')).to.equal('canned-hint');
    expect($(inbox, '[part="canned"]')!.textContent).to.contain('Hello! How can I help?');
    await expect(inbox).to.be.accessible();
    textarea.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true }),
    );
    await inbox.updateComplete;
    expect(textarea.value).to.equal('Hello! How can I help?');
    expect($(inbox, '[part="canned"]')).to.equal(null);

    const menu = $<HTMLButtonElement>(inbox, '[part="canned-button"]')!;
    expect(menu.getAttribute('aria-expanded')).to.equal('false');
    menu.click();
    await inbox.updateComplete;
    expect(menu.getAttribute('aria-expanded')).to.equal('true');
    await expect(inbox).to.be.accessible();
    const bye = [...$(inbox, '[part="canned"]')!.querySelectorAll('button')][1]!;
    bye.click();
    await inbox.updateComplete;
    expect(textarea.value).to.equal('Thanks for chatting with us.');
  });

  it('fills the names a canned response asks for, and drops one it does not know', async () => {
    const greeting = 'Hi {{customer.firstName}}, I am {{agent.firstName}}.';
    const hub = new FakeHub({ cannedResponses: [{ shortcut: '/hi', text: greeting }] });
    const ada = hub.connect('visitor', { id: 'visitor-ada' });
    await ada.command('chat.send', { text: 'Hello', start: { prechat: { name: 'Ada Lovelace' } } });
    hub.visitorSays('Anyone there?', 'visitor-anonymous');
    const inbox = await mount(hub.connect('agent', { id: 'agent-1', name: 'Alex Kim' }));
    const expandIn = async (conversation: string, expected: string) => {
      await waitUntil(() => button(inbox, 'Accept'), 'waiting conversation listed');
      button(inbox, 'Accept')!.click();
      await waitUntil(() => $(inbox, '[role="log"]')?.textContent?.includes(conversation));
      const textarea = await type(inbox, '/hi');
      expect($(inbox, '[part="canned"] .canned-text')!.textContent).to.equal(expected);
      textarea.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true }),
      );
      await inbox.updateComplete;
      expect(textarea.value).to.equal(expected);
    };
    await expandIn('Hello', 'Hi Ada, I am Alex.');
    await expandIn('Anyone there?', 'Hi, I am Alex.');
  });

  it('transfers to another agent with a note; the visitor sees a neutral notice', async () => {
    const hub = new FakeHub();
    hub.agentPresence({ id: 'agent-2', name: 'Sam' }, 'available');
    const { inbox, conversationId, seen } = await withAcceptedConversation(hub);
    button(inbox, 'Transfer')!.click();
    const dialog = $<HTMLDialogElement>(inbox, 'dialog')!;
    expect(dialog.open).to.equal(true);
    await expect(inbox).to.be.accessible();
    dialog.querySelector<HTMLInputElement>('input[value="agent-2"]')!.click();
    dialog.querySelector<HTMLTextAreaElement>('textarea')!.value = 'Billing question';
    const transferred = oneEvent(inbox, 'cx-conversation-transferred');
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    expect((await transferred).detail.conversationId).to.equal(conversationId);
    expect(dialog.open).to.equal(false);

    const sam = hub.connect('agent', { id: 'agent-2', name: 'Sam' });
    const { conversations } = await sam.command('desk.snapshot', {});
    expect(conversations[0]).to.include({ status: 'waiting', offeredTo: 'agent-2' });
    await waitUntil(() => seen.some((f) => f.event.type === 'conversation.transferred'));
    expect(JSON.stringify(seen)).not.to.contain('Billing');
  });

  it('closes a conversation, keeps it on screen read only, and finds it again by search', async () => {
    const hub = new FakeHub();
    const { inbox, conversationId, seen } = await withAcceptedConversation(hub);
    const closed = oneEvent(inbox, 'cx-conversation-closed');
    button(inbox, 'Close conversation')!.click();
    expect((await closed).detail.conversationId).to.equal(conversationId);
    await waitUntil(() => seen.some((f) => f.event.type === 'conversation.closed'));
    await waitUntil(() => textOf(inbox).includes('You have no active conversations.'));
    // It stays open where the agent closed it, read only, its log and the card's visitor kept.
    expect(textOf(inbox)).to.contain('This conversation is closed; read only.');
    expect($(inbox, '[role="log"]')!.textContent).to.contain('My router blinks');
    expect($(inbox, 'textarea#cx-message')).to.equal(null);
    expect(inbox.selectedConversation).to.equal(conversationId);

    const search = $<HTMLInputElement>(inbox, 'input[type="search"]')!;
    search.value = 'ROUTER';
    button(inbox, 'Search')!.click();
    await waitUntil(() => $(inbox, '[part="search-results"]'), 'results shown');
    const result = $(inbox, '[part="search-results"] button')!;
    expect(result.textContent).to.contain('My router blinks');
    expect(result.textContent).to.contain('Closed');
    result.click();
    await waitUntil(() => $(inbox, '[role="log"]')?.textContent?.includes('My router blinks'));
    expect(textOf(inbox)).to.contain('This conversation is closed; read only.');
    expect($(inbox, 'textarea#cx-message')).to.equal(null);
    await expect(inbox).to.be.accessible();

    search.value = 'nothing like this';
    button(inbox, 'Search')!.click();
    await waitUntil(() => textOf(inbox).includes('No conversations found.'));
  });

  it('speaks Korean', async () => {
    const hub = new FakeHub({ cannedResponses: canned });
    hub.visitorSays('안녕하세요', 'visitor-k');
    const inbox = await mount(hub.connect('agent'), 'ko');
    await waitUntil(() => textOf(inbox).includes('수락'));
    expect(textOf(inbox)).to.contain('대화 검색');
    expect(textOf(inbox)).to.contain('상태');
    await expect(inbox).to.be.accessible();
  });
});
