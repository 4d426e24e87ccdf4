import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { HubConnectionSource } from '../core/hub/hub-connection.js';
import { FakeHub } from '../core/testing/fake-hub.js';
import type { CxChat } from './cx-chat.js';
import { mountChat, openPanel } from './testing/mount-chat.js';

/** Types `text` in the message box and sends it; resolves with `cx-message-sent`. */
async function say(chat: CxChat, text: string) {
  chat.shadowRoot!.querySelector('textarea')!.focus();
  await sendKeys({ type: text });
  const sent = oneEvent(chat, 'cx-message-sent');
  await sendKeys({ press: 'Enter' });
  return sent;
}

const messageTexts = (chat: CxChat) =>
  [...chat.shadowRoot!.querySelectorAll('[part="message"] .text')].map((e) => e.textContent);

/** Each visitor connection is a new browser identity, as a new visitor token would be. */
function newVisitorEachTime(hub: FakeHub) {
  const visitors: string[] = [];
  const source: HubConnectionSource & Pick<FakeHub, 'widgetSettings'> = {
    widgetSettings: () => hub.widgetSettings(),
    connect(role) {
      if (role !== 'visitor') return hub.connect(role);
      visitors.push(`visitor-${visitors.length + 1}`);
      return hub.connect('visitor', { id: visitors.at(-1)! });
    },
  };
  return { source, visitors };
}

/** An identity token as the storefront's backend signs it; the widgets only read its `sub`. */
const identityToken = (customerId: string) =>
  `${btoa(JSON.stringify({ sub: customerId, site: 'shop', role: 'customer', exp: 4e9 })).replace(/=+$/, '')}.c2lnbmF0dXJl`;

describe('<cx-config>.forgetVisitor() (a customer signs out)', () => {
  afterEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });

  it("drops the visitor's conversation and stored state, keeping only the consent choice", async () => {
    const hub = new FakeHub();
    const { source, visitors } = newVisitorEachTime(hub);
    const { config, chat } = await mountChat(source);
    await openPanel(chat);
    await waitUntil(() => visitors.length === 1, 'connected as the first visitor');
    const { conversationId } = (await say(chat, 'my order 1042 is late')).detail;
    hub.agentSays(conversationId, 'Let me check, Mina.');
    await waitUntil(() => messageTexts(chat).length === 2, 'conversation shown');

    localStorage.setItem('cxkit:visitor:https://hub.test|shop', 'token-of-mina');
    localStorage.setItem('cxkit.chat.open:https://hub.test:shop', conversationId);
    localStorage.setItem('cxkit:outbox:https://hub.test|shop', '[]');
    localStorage.setItem('cxkit:journey-consent', 'granted');
    localStorage.setItem('shop-cart', 'kept: not ours');
    sessionStorage.setItem('cxkit:journey-queue', '[{"type":"page"}]');
    sessionStorage.setItem('cxkit:demo-agent:https://hub.test|shop', 'agent tab');

    config.forgetVisitor();
    await config.updateComplete;

    await waitUntil(() => visitors.length === 2, 'connected as a new visitor');
    await waitUntil(() => messageTexts(chat).length === 0, 'conversation gone');
    expect(Object.keys(localStorage).sort()).to.deep.equal(['cxkit:journey-consent', 'shop-cart']);
    expect(Object.keys(sessionStorage)).to.deep.equal(['cxkit:demo-agent:https://hub.test|shop']);
    await expect(chat).to.be.accessible();

    // What the next person writes starts a conversation of their own.
    const { detail } = await say(chat, 'hello');
    expect(detail.conversationId).to.not.equal(conversationId);
    await chat.updateComplete;
    expect(messageTexts(chat)).to.deep.equal(['hello']);
  });

  it('starts a new visitor when another customer signs in where the last one did not sign out', async () => {
    const hub = new FakeHub();
    for (const [id, name] of [
      ['mina', 'Mina Park'],
      ['jun', 'Jun Lee'],
    ])
      hub.endOfChat.customers.set(identityToken(id!), { customerId: id!, name, email: null });
    const { source, visitors } = newVisitorEachTime(hub);
    const { config, chat } = await mountChat(source, { identityToken: identityToken('mina') });
    await openPanel(chat);
    await waitUntil(() => visitors.length === 1, 'connected as Mina');
    await say(chat, 'my order 1042 is late');
    await waitUntil(() => messageTexts(chat).length === 1, "Mina's conversation shown");

    // Mina's token renewed, and the page without one: still Mina's browser.
    config.identityToken = identityToken('mina');
    await config.updateComplete;
    config.identityToken = '';
    await config.updateComplete;
    expect(visitors).to.have.length(1);

    // Jun signs in on the same browser.
    config.identityToken = identityToken('jun');
    await config.updateComplete;
    await waitUntil(() => visitors.length === 2, 'connected as a new visitor');
    await waitUntil(() => messageTexts(chat).length === 0, "Mina's conversation gone");
    expect(localStorage.getItem('cxkit:customer:' + location.origin + '|')).to.equal('jun');
  });
});
