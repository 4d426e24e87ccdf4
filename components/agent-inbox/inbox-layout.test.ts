import { expect, waitUntil } from '@open-wc/testing';
import { FakeHub } from '../core/testing/fake-hub.js';
import { mountInboxWithCard } from './testing/mount-inbox.js';

/** The inbox at `width` px, a conversation accepted, and the boxes of its three parts. */
async function layoutAt(width: number) {
  const hub = new FakeHub();
  hub.visitorSays('Where is my order?', 'visitor-1');
  const { inbox, card } = await mountInboxWithCard(hub, width);
  const accept = () =>
    [...inbox.shadowRoot!.querySelectorAll('button')].find(
      (b) => b.textContent!.trim() === 'Accept',
    );
  await waitUntil(accept, 'waiting conversation listed');
  accept()!.click();
  await waitUntil(() => inbox.shadowRoot!.querySelector('textarea'), 'conversation open');
  const box = (element: Element) => element.getBoundingClientRect();
  return {
    inbox,
    lists: box(inbox.shadowRoot!.querySelector('.lists')!),
    conversation: box(inbox.shadowRoot!.querySelector('.conversation')!),
    card: box(card),
  };
}

describe('cx-agent-inbox layout (by its own width, not the window)', () => {
  it('wide: lists, conversation and card side by side', async () => {
    const { inbox, lists, conversation, card } = await layoutAt(1300);
    expect(conversation.left).to.be.at.least(lists.right - 1);
    expect(card.left).to.be.at.least(conversation.right - 1);
    expect(card.top).to.equal(conversation.top);
    await expect(inbox).to.be.accessible();
  });

  it('laptop-sized: still side by side, the conversation keeps at least 400 px', async () => {
    const { conversation, card } = await layoutAt(980);
    expect(card.left).to.be.at.least(conversation.right - 1);
    expect(conversation.width).to.be.at.least(400);
  });

  it('narrower: the card moves under lists and conversation, full width', async () => {
    const { lists, conversation, card } = await layoutAt(760);
    expect(conversation.left).to.be.at.least(lists.right - 1);
    expect(card.top).to.be.at.least(conversation.bottom - 1);
    expect(card.width).to.be.closeTo(760, 2);
  });

  it('a side panel: everything stacks', async () => {
    const { inbox, lists, conversation, card } = await layoutAt(420);
    expect(conversation.top).to.be.at.least(lists.bottom - 1);
    expect(card.top).to.be.at.least(conversation.bottom - 1);
    expect(conversation.width).to.be.closeTo(420, 2);
    await expect(inbox).to.be.accessible();
  });
});
