import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { FakeHub } from '../core/testing/fake-hub.js';
import type { CxChat } from './cx-chat.js';
import { mountChat } from './testing/mount-chat.js';

const mount = async (hub: FakeHub) => (await mountChat(hub.connect('visitor'))).chat;

const launcher = (chat: CxChat) =>
  chat.shadowRoot!.querySelector<HTMLElement>('[part="launcher"]')!;
const badge = (chat: CxChat) => chat.shadowRoot!.querySelector('[part="badge"]')!;
/** The launcher's accessible name: its label, else its text. */
const launcherName = (chat: CxChat) =>
  launcher(chat).getAttribute('aria-label') ?? launcher(chat).textContent!.trim();
/** The number the badge shows (drawn by CSS from the count). */
const badgeNumber = (chat: CxChat) =>
  getComputedStyle(badge(chat), '::before').content.replace(/"/g, '');

/** Opens the panel, sends a first message (which starts the conversation), and closes it. */
async function startConversation(chat: CxChat): Promise<string> {
  launcher(chat).click();
  await chat.updateComplete;
  await sendKeys({ type: 'Do you ship to Jeju?' });
  const sent = oneEvent(chat, 'cx-message-sent');
  await sendKeys({ press: 'Enter' });
  const { conversationId } = (await sent).detail;
  await sendKeys({ press: 'Escape' });
  await chat.updateComplete;
  expect(chat.open).to.equal(false);
  return conversationId;
}

describe('cx-chat unread messages', () => {
  const pageTitle = 'Trail shop';
  beforeEach(() => {
    localStorage.clear();
    document.title = pageTitle;
  });

  it('counts agent messages while closed: badge, accessible name and title', async () => {
    const hub = new FakeHub();
    const chat = await mount(hub);
    const conversationId = await startConversation(chat);
    expect(getComputedStyle(badge(chat)).display).to.equal('none');

    hub.agentSays(conversationId, 'Yes, we do.');
    await waitUntil(() => chat.unread === 1, 'one unread');
    expect(launcherName(chat)).to.equal('Open chat, 1 unread message');
    hub.agentSays(conversationId, 'It takes two days.');
    await waitUntil(() => chat.unread === 2, 'two unread');
    expect(badgeNumber(chat)).to.equal('2');
    expect(launcherName(chat)).to.equal('Open chat, 2 unread messages');
    expect(document.title).to.equal(`(2) New messages · ${pageTitle}`);
    await expect(chat).to.be.accessible();

    // Reading clears it all.
    launcher(chat).click();
    await chat.updateComplete;
    expect(chat.unread).to.equal(0);
    expect(document.title).to.equal(pageTitle);
    await sendKeys({ press: 'Escape' });
    await chat.updateComplete;
    expect(launcherName(chat)).to.equal('Open chat');
    expect(getComputedStyle(badge(chat)).display).to.equal('none');
  });

  it('does not count the visitor’s own messages, nor what was read before', async () => {
    const hub = new FakeHub();
    const chat = await mount(hub);
    const conversationId = await startConversation(chat);
    hub.agentSays(conversationId, 'Hello!');
    await waitUntil(() => chat.unread === 1, 'one unread');
    await hub.connect('visitor').command('chat.send', { conversationId, text: 'Thanks' });
    hub.agentSays(conversationId, 'Anything else?');
    await waitUntil(() => chat.unread === 2, 'two unread');
  });

  it('on the next page, connects in the background only with an open conversation', async () => {
    const hub = new FakeHub();
    const first = await mount(hub);
    const conversationId = await startConversation(first);
    first.remove();

    // The next page: the launcher finds the marker and loads the panel hidden when idle.
    const next = await mount(hub);
    await waitUntil(() => next.shadowRoot!.querySelector('cx-chat-panel'), 'panel loaded hidden');
    expect(next.shadowRoot!.querySelector('[part="panel"]')).to.equal(null);
    hub.agentSays(conversationId, 'Still there?');
    await waitUntil(() => next.unread === 1, 'counted while closed');
    await expect(next).to.be.accessible();

    // Once the conversation ends, the marker goes: a later page loads nothing.
    await hub.connect('agent').command('chat.close', { conversationId });
    await waitUntil(
      () => !Object.keys(localStorage).some((key) => key.startsWith('cxkit.chat.open:')),
      'marker removed',
    );
    const later = await mount(hub);
    await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 3000 }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(later.shadowRoot!.querySelector('cx-chat-panel')).to.equal(null);
  });

  it('clears the count when the visitor reads in another tab', async () => {
    const hub = new FakeHub();
    const chat = await mount(hub);
    const conversationId = await startConversation(chat);
    hub.agentSays(conversationId, 'Your parcel left.');
    await waitUntil(() => chat.unread === 1, 'one unread');

    // Another tab opened the panel: it moved the shared read position to the end.
    const key = Object.keys(localStorage).find((each) => each.startsWith('cxkit.chat.read:'))!;
    const state = JSON.parse(localStorage.getItem(key)!) as { readSeq: number };
    const read = JSON.stringify({ ...state, readSeq: 1000, noticedSeq: 1000 });
    localStorage.setItem(key, read);
    dispatchEvent(new StorageEvent('storage', { key, newValue: read }));
    await waitUntil(() => chat.unread === 0, 'cleared by the other tab');
    expect(document.title).to.equal(pageTitle);
  });
});
