import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { InvitationRule, InvitationsWidgetPart } from '../../protocol/index.js';
import { FakeHub } from '../core/testing/fake-hub.js';
import type { CxChat } from './cx-chat.js';
import { mountChat } from './testing/mount-chat.js';
import { offerInvitation, pathMatches } from './invitation.js';

const rule: InvitationRule = {
  pages: ['/nowhere', '/*'],
  afterSeconds: 0,
  message: { en: 'Need a hand with sizes?', ko: '사이즈 고르기 도와드릴까요?' },
  queue: 'sales',
};

const withRules = (rules: InvitationRule[] = [rule]) => {
  const invitations: InvitationsWidgetPart = { minutesBetween: 30, rules };
  return new FakeHub({ widget: { invitations } });
};

const mount = async (rules: InvitationRule[] = [rule], locale = 'en', hub = withRules(rules)) =>
  (await mountChat(hub, { locale })).chat;

const bubble = (chat: CxChat) => chat.shadowRoot!.querySelector<HTMLElement>('[part="invitation"]');
const button = (chat: CxChat, name: string) =>
  [...bubble(chat)!.querySelectorAll('button')].find(
    (each) => (each.getAttribute('aria-label') ?? each.textContent) === name,
  )!;

/** Runs the check the launcher runs at idle to its end; then no other can still be pending. */
async function offerSettled(chat: CxChat) {
  await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 3000 }));
  await offerInvitation(chat);
}

describe('cx-chat invitations', () => {
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });

  it('matches page patterns, "*" matching anything', () => {
    expect(pathMatches('/products/*', '/products/summit-jacket.html')).to.equal(true);
    expect(pathMatches('/products/*', '/products')).to.equal(false);
    expect(pathMatches('/help', '/help')).to.equal(true);
    expect(pathMatches('/help', '/helper')).to.equal(false);
    expect(pathMatches('/a.b', '/axb')).to.equal(false);
  });

  it('invites beside the launcher without taking focus, announced politely', async () => {
    const chat = await mount();
    const focused = document.activeElement;
    await waitUntil(() => bubble(chat), 'invitation shown');
    expect(bubble(chat)!.getAttribute('role')).to.equal('dialog');
    expect(bubble(chat)!.getAttribute('aria-label')).to.equal('Invitation to chat');
    expect(bubble(chat)!.textContent).to.contain('Need a hand with sizes?');
    const status = chat.shadowRoot!.querySelector('[role="status"]')!;
    await waitUntil(() => status.textContent === 'Need a hand with sizes?', 'announced');
    expect(document.activeElement).to.equal(focused);
    // Checked once it has faded in (mid-animation, its colours are not yet its own).
    await Promise.all(
      bubble(chat)!
        .getAnimations()
        .map((animation) => animation.finished),
    );
    await expect(chat).to.be.accessible();
  });

  it('is accessible in the dark theme', async () => {
    const root = await fixture(
      html`<div>
        <cx-config theme="dark" .connection=${withRules()}></cx-config>
        <cx-chat></cx-chat>
      </div>`,
    );
    const chat = root.querySelector('cx-chat')!;
    await waitUntil(() => bubble(chat), 'invitation shown');
    await Promise.all(
      bubble(chat)!
        .getAnimations()
        .map((animation) => animation.finished),
    );
    expect(chat.dataset.cxTheme).to.equal('dark');
    await expect(chat).to.be.accessible();
  });

  it('appears without motion when the visitor prefers reduced motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const chat = await mount();
      await waitUntil(() => bubble(chat), 'invitation shown');
      expect(bubble(chat)!.getAnimations()).to.have.length(0);
      await expect(chat).to.be.accessible();
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('is dismissed with Escape, and not shown again in this session', async () => {
    const chat = await mount();
    await waitUntil(() => bubble(chat), 'invitation shown');
    await sendKeys({ press: 'Escape' });
    expect(bubble(chat)).to.equal(null);
    expect(chat.shadowRoot!.querySelector('[role="status"]')).to.equal(null);
    await expect(chat).to.be.accessible();

    chat.parentElement!.remove();
    localStorage.clear(); // Even with the time limit passed, the dismissal holds.
    const again = await mount();
    await offerSettled(again);
    expect(bubble(again)).to.equal(null);
  });

  it('is dismissed with its close button, which gives focus to the launcher', async () => {
    const chat = await mount();
    await waitUntil(() => bubble(chat), 'invitation shown');
    button(chat, 'Dismiss').focus();
    button(chat, 'Dismiss').click();
    expect(bubble(chat)).to.equal(null);
    expect(chat.shadowRoot!.activeElement).to.equal(
      chat.shadowRoot!.querySelector('[part="launcher"]'),
    );
  });

  it('is shown at most once in the configured minutes', async () => {
    const first = await mount();
    await waitUntil(() => bubble(first), 'invitation shown');
    first.parentElement!.remove();
    const second = await mount();
    await offerSettled(second);
    expect(bubble(second)).to.equal(null);
  });

  it('waits for the time on page, and ignores pages no rule matches', async () => {
    const later = { ...rule, afterSeconds: performance.now() / 1000 + 0.5 };
    const chat = await mount([later]);
    await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 3000 }));
    expect(bubble(chat)).to.equal(null);
    await waitUntil(() => bubble(chat), 'shown once the time has passed');

    chat.parentElement!.remove();
    localStorage.clear();
    const elsewhere = await mount([{ ...rule, pages: ['/checkout'] }]);
    await offerSettled(elsewhere);
    expect(bubble(elsewhere)).to.equal(null);
  });

  it('never invites a visitor who has an open conversation', async () => {
    const hub = withRules();
    const { conversationId } = await hub.connect('visitor').command('chat.send', { text: 'Hi' });
    localStorage.setItem(`cxkit.chat.open:${location.origin}:`, conversationId);
    const chat = await mount([rule], 'en', hub);
    await offerSettled(chat);
    expect(bubble(chat)).to.equal(null);
    // The launcher connected in the background instead.
    expect(chat.shadowRoot!.querySelector('cx-chat-panel')).not.to.equal(null);
  });

  it('speaks the widget’s language, or uses a catalog key', async () => {
    const chat = await mount([rule], 'ko');
    await waitUntil(() => bubble(chat), 'invitation shown');
    expect(bubble(chat)!.textContent).to.contain('사이즈 고르기 도와드릴까요?');
    expect(button(chat, '닫기')).not.to.equal(undefined);
    chat.parentElement!.remove();

    localStorage.clear();
    const keyed = await mount([
      { pages: ['/*'], afterSeconds: 0, messageKey: 'invitation.default' },
    ]);
    await waitUntil(() => bubble(keyed), 'invitation shown');
    expect(bubble(keyed)!.textContent).to.contain('Hi! Any questions? We are here to help.');
  });

  it('opens the panel on "Chat now" with the greeting and the rule’s queue', async () => {
    const chat = await mount();
    await waitUntil(() => bubble(chat), 'invitation shown');
    const opened = oneEvent(chat, 'cx-chat-open');
    button(chat, 'Chat now').click();
    await opened;
    await chat.updateComplete;
    expect(bubble(chat)).to.equal(null);
    expect(chat.getAttribute('queue')).to.equal('sales');
    expect(chat.shadowRoot!.querySelector('[part="panel"]')!.textContent).to.contain(
      'Need a hand with sizes?',
    );
    expect(chat.shadowRoot!.activeElement).to.equal(chat.shadowRoot!.querySelector('textarea'));
    await expect(chat).to.be.accessible();
  });
});
