import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { CxAgentInbox } from '../agent-inbox/cx-agent-inbox.js';
import { FakeHub } from '../core/testing/fake-hub.js';
import type { CxChat } from './cx-chat.js';
import '../agent-inbox/index.js';
import './index.js';

/** A conversation whose first events retention has dropped: replaying it from the start is a `stream.gap`. */
function hubWithTrimmedHistory() {
  const hub = new FakeHub();
  const { id } = hub.visitorSays('Where is my parcel?');
  hub.agentSays(id, 'Let me look.', { id: 'agent-1', name: 'Alex' });
  hub.agentSays(id, 'It left the depot today.', { id: 'agent-1', name: 'Alex' });
  hub.forgetBefore(`conv:${id}`, 3);
  return { hub, id };
}

const texts = (root: ShadowRoot) =>
  [...root.querySelectorAll('[part~="message"] .text')].map((line) => line.textContent);

describe('a conversation whose early history is gone', () => {
  it('the visitor panel says so and goes on live from the latest message', async () => {
    const { hub, id } = hubWithTrimmedHistory();
    const root = await fixture(
      html`<div>
        <cx-config .connection=${hub.connect('visitor')}></cx-config>
        <cx-chat></cx-chat>
      </div>`,
    );
    const chat = root.querySelector<CxChat>('cx-chat')!;
    await chat.updateComplete;
    chat.shadowRoot!.querySelector<HTMLButtonElement>('[part="launcher"]')!.click();
    await waitUntil(
      () => chat.shadowRoot!.textContent!.includes('Some earlier messages could not be loaded.'),
      'the gap is explained',
      { timeout: 5000 },
    );

    hub.agentSays(id, 'It arrives tomorrow.', { id: 'agent-1', name: 'Alex' });
    await waitUntil(
      () => texts(chat.shadowRoot!).includes('It arrives tomorrow.'),
      'live again after the gap',
      { timeout: 5000 },
    );
    expect(texts(chat.shadowRoot!)).to.not.include('Where is my parcel?');
    await expect(chat).to.be.accessible();
  });

  it('the agent inbox says so and goes on live from the latest message', async () => {
    const { hub, id } = hubWithTrimmedHistory();
    const root = await fixture(
      html`<div>
        <cx-config .connection=${hub.connect('agent')}></cx-config>
        <cx-agent-inbox selected-conversation=${id}></cx-agent-inbox>
      </div>`,
    );
    const inbox = root.querySelector<CxAgentInbox>('cx-agent-inbox')!;
    await waitUntil(
      () => inbox.shadowRoot!.textContent!.includes('Some earlier messages could not be loaded.'),
      'the gap is explained',
      { timeout: 5000 },
    );

    hub.visitorSays('Thanks!');
    await waitUntil(
      () => texts(inbox.shadowRoot!).includes('Thanks!'),
      'live again after the gap',
      {
        timeout: 5000,
      },
    );
    await expect(inbox).to.be.accessible();
  });
});
