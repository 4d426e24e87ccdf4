import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { HubConnection } from '../core/hub/hub-connection.js';
import { FakeHub } from '../core/testing/fake-hub.js';
import type { CxAgentInbox } from './cx-agent-inbox.js';
import './index.js';

async function mount(connection: HubConnection) {
  const root = await fixture(
    html`<div>
      <cx-agent-inbox></cx-agent-inbox>
      <cx-config site-key="demo" .connection=${connection}></cx-config>
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
const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim();

/** The fake hub with two queues, Returns closed; `email`: it sends email (transcripts, answers). */
function twoQueues(email = false) {
  const hub = new FakeHub(email ? { widget: { endOfChat: { transcript: true } } } : {});
  hub.queues.queues = [
    { id: 'general', name: 'General', open: true, nextOpenAt: null, closesAt: null },
    { id: 'returns', name: 'Returns', open: false, nextOpenAt: null, closesAt: null },
  ];
  return hub;
}

describe('cx-agent-inbox offline messages and queues', () => {
  beforeEach(() => sessionStorage.clear());

  it('lists messages left outside hours apart from the waiting chats, with who to answer', async () => {
    const hub = twoQueues();
    hub.visitorSays('A live chat', 'visitor-live');
    await hub.connect('visitor', { id: 'visitor-mina' }).command('chat.leaveMessage', {
      queueId: 'returns',
      name: 'Mina',
      email: 'mina@example.com',
      text: 'Can I return boots?',
    });
    const inbox = await mount(hub.connect('agent'));
    await waitUntil(() => $(inbox, '[part="offline"]'), 'offline list shown');
    const item = text($(inbox, '[part="offline"] li'))!;
    expect(item).to.include('Mina (mina@example.com)');
    expect(item).to.include('Can I return boots?');
    expect(item).to.include('Queue: Returns');
    expect(text($(inbox, '[part="waiting"]'))).not.to.include('Can I return boots?');
    expect(text($(inbox, '[part="waiting"]'))).to.include('Queue: General');
    await expect(inbox).to.be.accessible();

    const accepted = oneEvent(inbox, 'cx-conversation-accepted');
    button(inbox, 'Answer')!.click();
    await accepted;
    await waitUntil(() => !$(inbox, '[part="offline"]'), 'taken off the offline list');
    await waitUntil(() => text($(inbox, '[part="conversation"]'))?.includes('Can I return boots?'));
    expect(text($(inbox, '[part="conversation"] .header'))).to.include(
      'Offline messages: Mina (mina@example.com)',
    );
    expect(text($(inbox, '[part="conversation"] .header')), 'no email: no promise').not.to.include(
      'by email',
    );
    await expect(inbox).to.be.accessible();
  });

  it('tells the agent the answer also goes by email where the hub sends email', async () => {
    const hub = twoQueues(true);
    await hub.connect('visitor', { id: 'visitor-mina' }).command('chat.leaveMessage', {
      name: 'Mina',
      email: 'mina@example.com',
      text: 'Can I return boots?',
    });
    const inbox = await mount(hub.connect('agent'));
    await waitUntil(() => button(inbox, 'Answer'), 'offline list shown');
    button(inbox, 'Answer')!.click();
    await waitUntil(() => text($(inbox, '[part="conversation"] .header'))?.includes('by email'));
    expect(text($(inbox, '[part="conversation"] .hint'))).to.equal(
      'Your answer also goes to mina@example.com by email, unless they read it here first.',
    );
  });

  it('moves a conversation to another queue with the transfer', async () => {
    const hub = twoQueues();
    hub.visitorSays('Where is my parcel?', 'visitor-a');
    const inbox = await mount(hub.connect('agent'));
    await waitUntil(() => button(inbox, 'Accept'), 'waiting conversation listed');
    button(inbox, 'Accept')!.click();
    await waitUntil(() => button(inbox, 'Transfer'), 'accepted');
    button(inbox, 'Transfer')!.click();
    const dialog = $<HTMLDialogElement>(inbox, 'dialog')!;
    const select = dialog.querySelector<HTMLSelectElement>('select[name="queue"]')!;
    expect(select.value).to.equal('general');
    await expect(inbox).to.be.accessible();
    select.value = 'returns';
    dialog.querySelector<HTMLTextAreaElement>('textarea')!.value = 'Wants to send it back';
    const transferred = oneEvent(inbox, 'cx-conversation-transferred');
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await transferred;
    const { conversations } = await hub
      .connect('agent', { id: 'agent-9' })
      .command('desk.snapshot', {});
    expect(conversations[0]).to.include({ status: 'waiting', queueId: 'returns' });
    await waitUntil(() => text($(inbox, '[part="waiting"]'))?.includes('Queue: Returns'));
  });

  it('shows no queue labels and no queue choice on a site with one queue', async () => {
    const hub = new FakeHub();
    hub.visitorSays('Hello', 'visitor-a');
    const inbox = await mount(hub.connect('agent'));
    await waitUntil(() => button(inbox, 'Accept'), 'waiting conversation listed');
    expect(text($(inbox, '[part="waiting"]'))).not.to.include('Queue:');
    button(inbox, 'Accept')!.click();
    await waitUntil(() => button(inbox, 'Transfer'), 'accepted');
    expect($(inbox, 'dialog select[name="queue"]')).to.equal(null);
  });
});
