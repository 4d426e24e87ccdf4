import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendMouse } from '@web/test-runner-commands';
import { FakeHub } from '../core/testing/fake-hub.js';
import type { CxAgentInbox } from './cx-agent-inbox.js';
import './index.js';

async function mount(hub: FakeHub) {
  const root = await fixture(
    html`<div>
      <cx-agent-inbox chime></cx-agent-inbox>
      <cx-config site-key="demo" .connection=${hub.connect('agent', { id: 'agent-1' })}></cx-config>
    </div>`,
  );
  const inbox = root.querySelector('cx-agent-inbox')!;
  await root.querySelector('cx-config')!.updateComplete;
  return inbox;
}

const mineButton = (inbox: CxAgentInbox, preview: string) =>
  [...inbox.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="mine"] button')].find((b) =>
    b.textContent!.includes(preview),
  );
const unreadOf = (inbox: CxAgentInbox, preview: string) =>
  mineButton(inbox, preview)?.querySelector('[part="unread"]')?.textContent?.trim() ?? '';

/** The desk with Ana's and Ben's conversations accepted, Ben's open. */
async function deskWithTwoChats() {
  const hub = new FakeHub();
  hub.visitorSays('Ana here', 'visitor-ana');
  hub.visitorSays('Ben here', 'visitor-ben');
  const inbox = await mount(hub);
  const accepts = () => inbox.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="accept"]');
  for (const left of [2, 1]) {
    await waitUntil(() => accepts().length === left, `${left} waiting`);
    accepts()[0]!.click();
  }
  await waitUntil(
    () => mineButton(inbox, 'Ana here') && mineButton(inbox, 'Ben here'),
    'both mine',
  );
  mineButton(inbox, 'Ben here')!.click();
  await inbox.updateComplete;
  return { hub, inbox };
}

/** Makes the tab look hidden (or visible again) to the page, as switching tabs does. */
function setHidden(hidden: boolean) {
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('cx-agent-inbox with several chats', () => {
  const pageTitle = 'Acme CRM';
  beforeEach(() => {
    sessionStorage.clear();
    // Each test's fake hub counts from 1 again: forget the chimes claimed before.
    for (const key of Object.keys(localStorage))
      if (key.startsWith('cxkit.desk.')) localStorage.removeItem(key);
    document.title = pageTitle;
  });
  afterEach(() => {
    delete (document as { hidden?: boolean }).hidden;
    document.title = '';
  });

  it('counts what a visitor writes in a conversation that is not open, until the agent opens it', async () => {
    const { hub, inbox } = await deskWithTwoChats();
    hub.visitorSays('Are you there?', 'visitor-ana');
    hub.visitorSays('Hello?', 'visitor-ana');
    await waitUntil(() => unreadOf(inbox, 'Hello?') === '2 new', 'Ana has 2 new');
    const announcer = inbox.shadowRoot!.querySelector('.visually-hidden[role="status"]')!;
    expect(announcer.textContent).to.equal('New message in another conversation: Hello?');
    expect(mineButton(inbox, 'Hello?')!.classList.contains('has-unread')).to.equal(true);
    hub.visitorSays('Thanks', 'visitor-ben');
    await waitUntil(() => mineButton(inbox, 'Thanks'), 'Ben wrote');
    expect(unreadOf(inbox, 'Thanks'), 'the open conversation is read').to.equal('');
    await expect(inbox).to.be.accessible();

    mineButton(inbox, 'Hello?')!.click();
    await waitUntil(() => unreadOf(inbox, 'Hello?') === '', 'opened: seen');
  });

  it('says how long a visitor has waited for the reply, until the agent answers', async () => {
    const { hub, inbox } = await deskWithTwoChats();
    const owed = (preview: string) =>
      mineButton(inbox, preview)?.querySelector('.waited')?.textContent?.trim();
    await waitUntil(() => owed('Ana here') && owed('Ben here'), 'both visitors wrote last');
    expect(owed('Ana here'), 'just now: no "0 sec"').to.equal('waiting for your reply');
    hub.agentSays(hub.visitorSays('Ana again', 'visitor-ana').id, 'Here you go.', {
      id: 'agent-1',
    });
    await waitUntil(() => mineButton(inbox, 'Here you go.'), 'the answer is the preview');
    expect(owed('Here you go.'), 'answered').to.equal(undefined);
    expect(owed('Ben here')).to.equal('waiting for your reply');
    const now = Date.now;
    try {
      Date.now = () => now() + 5 * 60_000 + 5_000;
      inbox.requestUpdate();
      await inbox.updateComplete;
      expect(owed('Ben here'), 'five minutes on').to.equal('waiting for your reply 5 min');
    } finally {
      Date.now = now;
    }
  });

  it('moves between own conversations with Alt+↓ and Alt+↑, focus in the message box', async () => {
    const { inbox } = await deskWithTwoChats();
    const selected = () => inbox.shadowRoot!.querySelector('[part="mine"] [aria-current="true"]');
    const press = (key: string) =>
      inbox
        .shadowRoot!.querySelector('textarea')!
        .dispatchEvent(
          new KeyboardEvent('keydown', { key, altKey: true, bubbles: true, composed: true }),
        );
    expect(selected()!.textContent).to.include('Ben here');
    expect(selected()!.getAttribute('aria-keyshortcuts')).to.equal('Alt+ArrowDown Alt+ArrowUp');
    press('ArrowDown'); // Round the list: Ben is last.
    await waitUntil(() => selected()?.textContent?.includes('Ana here'), 'next: Ana');
    await waitUntil(() => inbox.shadowRoot!.activeElement?.id === 'cx-message', 'focus to answer');
    press('ArrowUp');
    await waitUntil(() => selected()?.textContent?.includes('Ben here'), 'previous: Ben');
  });

  it('in a hidden tab, counts in the title and counts the open conversation too, until the tab shows', async () => {
    const { hub, inbox } = await deskWithTwoChats();
    setHidden(true);
    hub.visitorSays('Still there?', 'visitor-ben');
    await waitUntil(() => document.title === `(1) New on the desk · ${pageTitle}`, 'title');
    hub.visitorSays('New customer', 'visitor-cy');
    await waitUntil(() => document.title === `(2) New on the desk · ${pageTitle}`, 'waiting too');
    expect(unreadOf(inbox, 'Still there?')).to.equal('1 new');

    setHidden(false);
    await waitUntil(() => document.title === pageTitle, 'title back');
    await waitUntil(() => unreadOf(inbox, 'Still there?') === '', 'the open conversation is seen');
  });

  it('in a hidden tab, stops counting a chat that ends before the agent is back', async () => {
    const { hub } = await deskWithTwoChats();
    setHidden(true);
    const ana = hub.visitorSays('One more thing', 'visitor-ana');
    await waitUntil(() => document.title === `(1) New on the desk · ${pageTitle}`, 'counted');
    hub.closeConversation(ana.id);
    await waitUntil(() => document.title === pageTitle, 'nothing waits: the page title');
  });

  /** Counts the chime's notes (two per chime) while `run` runs, after a gesture on the page. */
  async function countingNotes(run: (notes: () => number) => Promise<void>) {
    // Browsers play sound only after a gesture on the page.
    await sendMouse({ type: 'click', position: [1, 1] });
    let notes = 0;
    const createOscillator = AudioContext.prototype.createOscillator;
    AudioContext.prototype.createOscillator = function (this: AudioContext) {
      notes++;
      return createOscillator.call(this);
    };
    try {
      await run(() => notes);
    } finally {
      AudioContext.prototype.createOscillator = createOscillator;
    }
  }
  const settled = () => new Promise((resolve) => setTimeout(resolve, 300));

  it("chimes once for a message, however many of the agent's desk tabs hear it", async () => {
    const { hub } = await deskWithTwoChats();
    const secondTab = await mount(hub);
    await waitUntil(() => mineButton(secondTab, 'Ben here'), 'the second desk has the chats');
    await countingNotes(async (notes) => {
      setHidden(true);
      hub.visitorSays('Still there?', 'visitor-ben');
      await waitUntil(() => notes() > 0, 'a chime');
      await settled();
      expect(notes(), 'one two-note chime').to.equal(2);
      hub.visitorSays('New customer', 'visitor-cy');
      await waitUntil(() => notes() > 2, 'a chime for the new visitor');
      await settled();
      expect(notes()).to.equal(4);
    });
  });

  it('lets the agent turn the sound off, and keeps it off in this browser', async () => {
    const { hub, inbox } = await deskWithTwoChats();
    const sound = () =>
      inbox.shadowRoot!.querySelector<HTMLInputElement>('[part="sound"] input[type="checkbox"]')!;
    expect(sound().checked).to.equal(true);
    expect(sound().closest('label')!.textContent!.trim()).to.equal('Sound alerts');
    sound().click();
    await countingNotes(async (notes) => {
      setHidden(true);
      hub.visitorSays('Still there?', 'visitor-ben');
      await waitUntil(() => document.title.startsWith('(1)'), 'the title still counts');
      await settled();
      expect(notes(), 'no chime').to.equal(0);
    });
    setHidden(false);
    const later = await mount(hub);
    await later.updateComplete;
    expect(
      later.shadowRoot!.querySelector<HTMLInputElement>('[part="sound"] input')!.checked,
      'still off after a reload',
    ).to.equal(false);
    await expect(inbox).to.be.accessible();
  });

  describe('desktop notifications', () => {
    const RealNotification = window.Notification;
    let shown: Notification[];
    beforeEach(() => {
      shown = [];
      // The system's notifications are out of the page's reach: record each one made.
      window.Notification = class extends RealNotification {
        constructor(title: string, options?: NotificationOptions) {
          super(title, options);
          shown.push(this);
        }
      };
    });
    afterEach(async () => {
      window.Notification = RealNotification;
      await executeServerCommand('notifications', 'default');
    });
    const notifications = (inbox: CxAgentInbox) =>
      inbox.shadowRoot!.querySelector<HTMLInputElement>('[part="notifications"] input')!;

    it("once turned on, notify of messages and waiting visitors in one of the agent's tabs; a click opens the conversation", async () => {
      await executeServerCommand('notifications', 'granted');
      const { hub, inbox } = await deskWithTwoChats();
      expect(notifications(inbox).checked, 'off until the agent turns them on').to.equal(false);
      notifications(inbox).click();
      await waitUntil(() => notifications(inbox).checked, 'on');
      const secondTab = await mount(hub);
      await waitUntil(() => mineButton(secondTab, 'Ben here'), 'the second desk has the chats');
      expect(notifications(secondTab).checked, 'kept in this browser').to.equal(true);

      setHidden(true);
      const ana = hub.visitorSays('Is the red one in stock?', 'visitor-ana');
      await waitUntil(() => shown.length > 0, 'a notification');
      const cy = hub.visitorSays('New customer here', 'visitor-cy');
      await waitUntil(() => shown.length > 1, 'a notification for the waiting visitor');
      await settled();
      expect(shown.map((each) => [each.title, each.body, each.tag])).to.deep.equal([
        ['New message from a visitor', 'Is the red one in stock?', `cxkit-desk:${ana.id}`],
        ['A visitor is waiting', 'New customer here', `cxkit-desk:${cy.id}`],
      ]);

      shown[0]!.dispatchEvent(new Event('click'));
      expect(inbox.selectedConversation).to.equal(ana.id);
      await expect(inbox).to.be.accessible();
    });

    it('says why none show when the browser blocks them, and shows none', async () => {
      await executeServerCommand('notifications', 'denied');
      const { hub, inbox } = await deskWithTwoChats();
      notifications(inbox).click();
      const hint = () => inbox.shadowRoot!.querySelector('#notifications-blocked');
      await waitUntil(hint, 'the reason');
      expect(hint()!.textContent!.trim()).to.equal(
        "The browser blocks this page's notifications: allow them in its site settings.",
      );
      expect(notifications(inbox).checked).to.equal(false);
      expect(notifications(inbox).getAttribute('aria-describedby')).to.equal(
        'notifications-blocked',
      );
      setHidden(true);
      hub.visitorSays('Hello?', 'visitor-ana');
      await waitUntil(() => document.title.startsWith('(1)'), 'the title still counts');
      await settled();
      expect(shown).to.have.length(0);
      await expect(inbox).to.be.accessible();
    });
  });
});
