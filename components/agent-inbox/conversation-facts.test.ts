import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { FakeHub } from '../core/testing/fake-hub.js';
import type { CxAgentInbox } from './cx-agent-inbox.js';
import './index.js';

async function mount(hub: FakeHub, locale = 'en') {
  const root = await fixture(
    html`<div>
      <cx-agent-inbox></cx-agent-inbox>
      <cx-config
        site-key="demo"
        locale=${locale}
        .connection=${hub.connect('agent', { id: 'agent-1', name: 'Alex' })}
      ></cx-config>
    </div>`,
  );
  const inbox = root.querySelector('cx-agent-inbox')!;
  await root.querySelector('cx-config')!.updateComplete;
  await inbox.updateComplete;
  return inbox;
}

const $ = (inbox: CxAgentInbox, selector: string) =>
  inbox.shadowRoot!.querySelector<HTMLElement>(selector);
const button = (inbox: CxAgentInbox, name: string) =>
  [...inbox.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === name);

describe('cx-agent-inbox pre-chat answers and rating', () => {
  beforeEach(() => sessionStorage.clear());

  it('shows who wrote in (name, email, topic) beside the conversation', async () => {
    const hub = new FakeHub();
    const visitor = hub.connect('visitor', { id: 'visitor-a' });
    await visitor.command('chat.send', {
      text: 'My boots pinch',
      start: { prechat: { name: 'Ada', email: 'ada@example.com', topic: 'Returns' } },
    });
    const inbox = await mount(hub);
    await waitUntil(() => button(inbox, 'Accept'), 'waiting conversation listed');
    button(inbox, 'Accept')!.click();
    await waitUntil(() => $(inbox, '[part="conversation-facts"]'), 'facts shown');
    const facts = $(inbox, '[part="conversation-facts"]')!.textContent!.replace(/\s+/g, ' ');
    expect(facts).to.contain('Name Ada').and.contain('ada@example.com').and.contain('Returns');
    expect($(inbox, '#conversation-title')!.textContent).to.equal('Conversation with Ada');
    // Her lines carry the name she gave, not "Visitor".
    await waitUntil(() => $(inbox, '.conversation .message .author'), 'her message shown');
    expect($(inbox, '.conversation .message .author')!.textContent).to.equal('Ada');
    const conversationId = (await visitor.command('conversations.list', {})).conversations[0]!.id;
    await visitor.command('chat.typing', { conversationId, active: true });
    await waitUntil(
      () => $(inbox, '[part="typing"]')!.textContent === 'Ada is typing…',
      'named while typing',
    );
    // This hub sends no email: no promise to the agent either.
    expect($(inbox, '.conversation .answer-emailed')).to.equal(null);
    await expect(inbox).to.be.accessible();
  });

  it('tells the agent that answers the visitor misses go to the email they gave', async () => {
    const hub = new FakeHub({ widget: { endOfChat: { transcript: true } } });
    const visitor = hub.connect('visitor', { id: 'visitor-c' });
    await visitor.command('chat.send', {
      text: 'Do you ship to Busan?',
      start: { prechat: { name: 'Mina', email: 'mina@example.com' } },
    });
    await visitor.command('chat.send', { text: 'Anyone?' });
    const inbox = await mount(hub);
    await waitUntil(() => button(inbox, 'Accept'), 'waiting conversation listed');
    button(inbox, 'Accept')!.click();
    await waitUntil(() => $(inbox, '.conversation .answer-emailed'), 'hint shown');
    expect($(inbox, '.conversation .answer-emailed')!.textContent!.trim()).to.equal(
      'Your answer also goes to mina@example.com by email, unless they read it here first.',
    );
    await expect(inbox).to.be.accessible();
  });

  it('tells the agent when the visitor stopped the answer emails', async () => {
    const hub = new FakeHub({ widget: { endOfChat: { transcript: true } } });
    const visitor = hub.connect('visitor', { id: 'visitor-d' });
    const { conversationId } = await visitor.command('chat.send', {
      text: 'Still there?',
      start: { prechat: { name: 'Jun', email: 'jun@example.com' } },
    });
    hub.stopEmails(conversationId);
    const inbox = await mount(hub);
    await waitUntil(() => button(inbox, 'Accept'), 'waiting conversation listed');
    button(inbox, 'Accept')!.click();
    await waitUntil(() => $(inbox, '.conversation .answer-emailed'), 'hint shown');
    expect($(inbox, '.conversation .answer-emailed')!.textContent!.trim()).to.equal(
      'jun@example.com stopped our answer emails: they read your answer here when they come back.',
    );
    await expect(inbox).to.be.accessible();
  });

  it('shows the rating in search results and in the conversation pane', async () => {
    const hub = new FakeHub();
    const visitor = hub.connect('visitor', { id: 'visitor-b' });
    const { conversationId } = await visitor.command('chat.send', { text: 'Size question' });
    hub.agentSays(conversationId, 'Take the larger one.');
    hub.closeConversation(conversationId);
    await visitor.command('chat.rate', { conversationId, score: 4, comment: 'quick help' });
    const inbox = await mount(hub);
    const search = $(inbox, 'input[type="search"]') as HTMLInputElement;
    search.value = 'size';
    button(inbox, 'Search')!.click();
    await waitUntil(() => $(inbox, '[part="search-results"]'), 'results shown');
    expect($(inbox, '[part="search-results"] .rating')!.textContent).to.equal('★ 4 — “quick help”');
    await expect(inbox).to.be.accessible();
    ($(inbox, '[part="search-results"] button') as HTMLButtonElement).click();
    await waitUntil(() => $(inbox, '[part="conversation-facts"]'), 'facts shown');
    expect($(inbox, '[part="conversation-facts"]')!.textContent).to.contain('★ 4 — “quick help”');
    await expect(inbox).to.be.accessible();
  });
});
