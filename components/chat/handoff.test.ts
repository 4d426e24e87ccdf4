import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { FakeHub } from '../core/testing/fake-hub.js';
import type { CxChat } from './cx-chat.js';
import './index.js';

/** A stand-in for the voice widget: records the hand-offs it was asked to take. */
class StandInCall extends HTMLElement {
  readonly started: { conversationId: string | null }[] = [];
  startFromChat(context: { conversationId: string | null }): void {
    this.started.push(context);
  }
}
customElements.define('cx-click-to-call', StandInCall);

async function mount(withCall: boolean, withCallback = false) {
  const root = await fixture(
    html`<div>
      <cx-config .connection=${new FakeHub().connect('visitor')}></cx-config>
      ${withCall ? html`<cx-click-to-call></cx-click-to-call>` : ''}
      ${withCallback ? html`<cx-callback-scheduler></cx-callback-scheduler>` : ''}
      <cx-chat open></cx-chat>
    </div>`,
  );
  const chat = root.querySelector('cx-chat')!;
  await root.querySelector('cx-config')!.updateComplete;
  await chat.updateComplete;
  return { chat, call: root.querySelector<StandInCall>('cx-click-to-call') };
}

const handoffButtons = (chat: CxChat) =>
  [...chat.shadowRoot!.querySelectorAll('[part="handoff"] button')].map((b) =>
    b.textContent!.trim(),
  );
const handoffButton = (chat: CxChat, name: string) =>
  [...chat.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="handoff"] button')].find(
    (b) => b.textContent!.trim() === name,
  )!;

describe('cx-chat hand-off to call and callback', () => {
  beforeEach(() => localStorage.clear());

  it('offers nothing when the page has neither widget', async () => {
    const { chat } = await mount(false);
    expect(chat.shadowRoot!.querySelector('[part="handoff"]')).to.equal(null);
  });

  it('offers each widget the page has, even one not defined yet', async () => {
    const { chat } = await mount(true, true);
    expect(handoffButtons(chat)).to.deep.equal(['Call me instead', 'Schedule a callback']);
    const group = chat.shadowRoot!.querySelector('[part="handoff"]')!;
    expect(group.getAttribute('role')).to.equal('group');
    expect(group.getAttribute('aria-label')).to.equal('Other ways to reach us');
    await expect(chat).to.be.accessible();
  });

  it('fires cx-handoff with the conversation, calls startFromChat and closes', async () => {
    const { chat, call } = await mount(true);
    chat.shadowRoot!.querySelector('textarea')!.focus();
    await sendKeys({ type: 'My order is late' });
    const sent = oneEvent(chat, 'cx-message-sent');
    await sendKeys({ press: 'Enter' });
    const { conversationId } = (await sent).detail;
    await chat.updateComplete;

    const handoff = oneEvent(chat, 'cx-handoff');
    handoffButton(chat, 'Call me instead').click();
    const event = await handoff;
    expect(event.detail).to.deep.equal({ channel: 'call', conversationId });
    expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
    expect(call!.started).to.deep.equal([{ conversationId }]);
    await chat.updateComplete;
    expect(chat.open).to.equal(false);
  });

  it('leaves it to the page when the request is cancelled', async () => {
    const { chat, call } = await mount(true);
    chat.addEventListener('cx-handoff', (event) => event.preventDefault(), { once: true });
    handoffButton(chat, 'Call me instead').click();
    await chat.updateComplete;
    expect(call!.started).to.deep.equal([]);
    expect(chat.open).to.equal(true);
  });

  it('names the actions in Korean', async () => {
    const { chat } = await mount(true, true);
    chat.parentElement!.querySelector('cx-config')!.setAttribute('locale', 'ko');
    await chat.parentElement!.querySelector('cx-config')!.updateComplete;
    await chat.updateComplete;
    expect(handoffButtons(chat)).to.deep.equal(['전화 상담으로 전환', '전화 예약하기']);
  });
});
