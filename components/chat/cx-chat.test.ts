import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { FakeHub } from '../core/testing/fake-hub.js';
import type { CxChat } from './cx-chat.js';
import { mountChat } from './testing/mount-chat.js';

async function mount(hub = new FakeHub()) {
  const connection = hub.connect('visitor');
  const { chat } = await mountChat(connection);
  const $ = <T extends Element>(selector: string) => chat.shadowRoot!.querySelector<T>(selector);
  return { hub, connection, chat, $ };
}

async function openChat(chat: CxChat) {
  chat.shadowRoot!.querySelector<HTMLButtonElement>('[part="launcher"]')!.click();
  await chat.updateComplete;
}

const messageTexts = (chat: CxChat) =>
  [...chat.shadowRoot!.querySelectorAll('[part="message"] .text')].map((e) => e.textContent);

/** The panel's modules this page has fetched so far: the panel and what only it needs. */
const panelModules = ['chat/chat-panel', 'core/hub/hub-client', 'core/i18n/builtin-catalogs'];
const fetchedPanelModules = () =>
  panelModules.filter((module) =>
    performance
      .getEntriesByType('resource')
      .some((entry) => new URL(entry.name).pathname.startsWith(`/components/${module}.`)),
  );

describe('cx-chat', () => {
  // First, while this page has not loaded the panel's code yet.
  it('loads the panel only when the visitor heads for the launcher, then opens it', async () => {
    performance.setResourceTimingBufferSize(10_000);
    const { chat, $ } = await mount();
    expect(fetchedPanelModules()).to.deep.equal([]);

    $<HTMLButtonElement>('[part="launcher"]')!.focus();
    await waitUntil(() => fetchedPanelModules().length === panelModules.length, 'panel preloaded');
    await chat.updateComplete;
    expect(chat.open).to.equal(false);
    expect($('[part="panel"]')).to.equal(null);

    await openChat(chat);
    expect($('[part="panel"]')!.getAttribute('role')).to.equal('dialog');
    expect(chat.shadowRoot!.activeElement).to.equal($('textarea'));
  });

  it('is accessible while closed, with a launcher named "Open chat"', async () => {
    const { chat, $ } = await mount();
    expect($('[part="panel"]')).to.equal(null);
    expect($('button[part="launcher"]')!.textContent!.trim()).to.equal('Open chat');
    await expect(chat).to.be.accessible();
  });

  it('opens on the launcher, moves focus to the textbox, and fires cx-chat-open', async () => {
    const { chat, $ } = await mount();
    const opened = oneEvent(chat, 'cx-chat-open');
    $<HTMLButtonElement>('[part="launcher"]')!.click();
    await opened;
    await chat.updateComplete;
    expect($('[part="panel"]')!.getAttribute('role')).to.equal('dialog');
    expect(chat.shadowRoot!.activeElement).to.equal($('textarea'));
    expect($<HTMLTextAreaElement>('textarea')!.labels![0]!.textContent!.trim()).to.equal('Message');
    await expect(chat).to.be.accessible();
  });

  it('closes on Escape and gives focus back to the launcher', async () => {
    const { chat, $ } = await mount();
    await openChat(chat);
    $<HTMLTextAreaElement>('textarea')!.focus();
    const closed = oneEvent(chat, 'cx-chat-close');
    await sendKeys({ press: 'Escape' });
    await closed;
    await chat.updateComplete;
    expect($('[part="panel"]')).to.equal(null);
    expect(chat.shadowRoot!.activeElement).to.equal($('[part="launcher"]'));
    expect(chat.open).to.equal(false);
  });

  it('closes with the "Close chat" button', async () => {
    const { chat, $ } = await mount();
    await openChat(chat);
    const close = [...chat.shadowRoot!.querySelectorAll('button')].find(
      (b) => b.textContent!.trim() === 'Close chat',
    )!;
    const closed = oneEvent(chat, 'cx-chat-close');
    close.click();
    await closed;
    await chat.updateComplete;
    expect(chat.shadowRoot!.activeElement).to.equal($('[part="launcher"]'));
  });

  it('sends on Enter, keeps Shift+Enter as a new line, and fires cx-message-sent', async () => {
    const { chat, $ } = await mount();
    await openChat(chat);
    await sendKeys({ type: 'first line' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ type: 'second line' });
    expect(messageTexts(chat)).to.deep.equal([]);
    const sent = oneEvent(chat, 'cx-message-sent');
    await sendKeys({ press: 'Enter' });
    const { detail } = await sent;
    expect(detail.text).to.equal('first line\nsecond line');
    await chat.updateComplete;
    expect(messageTexts(chat)).to.deep.equal(['first line\nsecond line']);
    expect($<HTMLTextAreaElement>('textarea')!.value).to.equal('');
    await expect(chat).to.be.accessible();
  });

  it('shows a message as pending at once, then as the acknowledged one', async () => {
    const { chat, $ } = await mount(new FakeHub({ latencyMs: 100 }));
    await openChat(chat);
    $<HTMLTextAreaElement>('textarea')!.value = 'hi there';
    $<HTMLButtonElement>('form button')!.click();
    await chat.updateComplete;
    expect(messageTexts(chat)).to.deep.equal(['hi there']);
    expect($('[part="message"]')!.textContent).to.contain('Sending…');
    await waitUntil(
      () => !$('[part="message"]')!.textContent!.includes('Sending…'),
      'acknowledged',
    );
    expect(messageTexts(chat)).to.deep.equal(['hi there']);
  });

  it('renders messages as text, never as HTML', async () => {
    const { chat, $ } = await mount();
    await openChat(chat);
    const attack = '<img src=x onerror="window.__cxPwned = true">';
    $<HTMLTextAreaElement>('textarea')!.value = attack;
    const sent = oneEvent(chat, 'cx-message-sent');
    $<HTMLButtonElement>('form button')!.click();
    await sent;
    await chat.updateComplete;
    expect(messageTexts(chat)).to.deep.equal([attack]);
    expect(chat.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as { __cxPwned?: boolean }).__cxPwned).to.equal(undefined);
  });

  it('shows the agent joining and answering, and the history after a reload', async () => {
    const hub = new FakeHub();
    const { chat } = await mount(hub);
    await openChat(chat);
    const { conversationId } = await hub
      .connect('visitor')
      .command('chat.send', { text: 'anyone there?' });
    hub.agentSays(conversationId, 'Hello! How can I help?', { id: 'agent-7', name: 'Mina' });

    // A "reload": a new widget on the same visitor finds the conversation and its history.
    const reloaded = await mount(hub);
    await openChat(reloaded.chat);
    await waitUntil(() => messageTexts(reloaded.chat).length === 2, 'history shown');
    expect(messageTexts(reloaded.chat)).to.deep.equal(['anyone there?', 'Hello! How can I help?']);
    const log = reloaded.chat.shadowRoot!.querySelector('[role="log"]')!;
    expect(log.getAttribute('aria-live')).to.equal('polite');
    expect(log.textContent).to.contain('Mina joined the chat');
    expect(log.textContent).to.contain('Mina');
    await expect(reloaded.chat).to.be.accessible();

    // Notices already shown follow a switch of language, like every other label.
    reloaded.chat.parentElement!.querySelector('cx-config')!.setAttribute('locale', 'ko');
    await waitUntil(
      () => log.textContent!.includes('Mina 님이 대화에 참여했습니다'),
      'notice in Korean',
    );
  });

  it('shows the connection status when not online', async () => {
    const { chat, connection, $ } = await mount();
    await openChat(chat);
    expect($('[part="status"]')!.textContent!.trim()).to.equal('');
    expect($('[part="status"]')!.getBoundingClientRect().height).to.equal(0);
    connection.setStatus('reconnecting');
    await chat.updateComplete;
    expect($('[part="status"]')!.textContent!.trim()).to.equal('Reconnecting…');
    await expect(chat).to.be.accessible();
  });

  it('is accessible in the dark theme', async () => {
    const root = await fixture(
      html`<div>
        <cx-config theme="dark" .connection=${new FakeHub().connect('visitor')}></cx-config>
        <cx-chat open></cx-chat>
      </div>`,
    );
    const chat = root.querySelector('cx-chat')!;
    await root.querySelector('cx-config')!.updateComplete;
    await chat.updateComplete;
    expect(chat.dataset.cxTheme).to.equal('dark');
    await expect(chat).to.be.accessible();
  });
});
