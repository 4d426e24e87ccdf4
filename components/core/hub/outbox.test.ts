import { expect, waitUntil } from '@open-wc/testing';
import type { ChatMessage, EventFrame } from '../../../protocol/index.js';
import { MemoryStorage } from '../testing/memory-storage.js';
import { newCommandId } from './command-id.js';
import { visitorCredentials } from './credentials.js';
import { HubClient } from './hub-client.js';
import { Outbox, type OutboxEntry } from './outbox.js';

// Set by web-test-runner.config.js, which starts a real hub for this run.
const hubUrl = (globalThis as { __CX_TEST_HUB__?: string }).__CX_TEST_HUB__ ?? '';
const unreachableHub = 'http://localhost:9'; // the discard port: nothing listens there
const fast = { baseMs: 20, capMs: 200 };
const key = Outbox.keyFor(hubUrl, 'demo');

/** A visitor page: its storage is the browser's, kept across reloads. */
function page(storage: MemoryStorage, hub = hubUrl) {
  const credentials = visitorCredentials(hubUrl, 'demo', storage);
  return new HubClient({ hub, siteKey: 'demo', credentials, backoff: fast });
}

function entry(text: string): OutboxEntry {
  return { id: newCommandId(), text, createdAt: new Date().toISOString() };
}

/** The texts stored in a conversation, read afresh from the hub. */
async function storedTexts(client: HubClient, conversationId: string): Promise<string[]> {
  const { conversations } = await client.command('conversations.list', {});
  const lastSeq = conversations.find((each) => each.id === conversationId)!.lastSeq;
  const frames: EventFrame[] = [];
  const subscription = client.subscribe(`conv:${conversationId}`, 0, {
    onEvent: (frame) => frames.push(frame),
  });
  await waitUntil(() => frames.length === lastSeq, 'history replayed', { timeout: 10000 });
  subscription.unsubscribe();
  return frames
    .filter((frame) => frame.event.type === 'message.created')
    .map((frame) => (frame.event as { message: ChatMessage }).message.text);
}

describe('Outbox', () => {
  const clients: HubClient[] = [];
  const track = (client: HubClient) => (clients.push(client), client);
  afterEach(() => clients.splice(0).forEach((client) => client.close()));

  it('keeps a message sent while the hub is unreachable across a reload, then stores it once', async () => {
    const storage = new MemoryStorage();
    await visitorCredentials(hubUrl, 'demo', storage).token(); // a visitor from an earlier visit

    const offline = track(page(storage, unreachableHub));
    const sending = new Outbox(key, storage).send(offline, entry('sent while offline'));
    await new Promise((resolve) => setTimeout(resolve, 300)); // a few failed connection attempts
    expect(offline.status).to.equal('reconnecting');
    offline.close(); // the page reloads before the hub was reached
    const closed = await sending.then(
      () => null,
      (error: { code: string }) => error.code,
    );
    expect(closed).to.equal('client.closed');

    const outbox = new Outbox(key, storage);
    const [kept, ...others] = outbox.unsent(undefined);
    expect(others).to.have.length(0);
    expect(kept.text).to.equal('sent while offline');

    const online = track(page(storage));
    const result = await outbox.send(online, kept);
    expect(result.message.clientMessageId).to.equal(kept.id);
    expect(outbox.entries()).to.have.length(0);
    expect(storage.getItem(key)).to.equal(null);
    expect(await storedTexts(online, result.conversationId)).to.deep.equal(['sent while offline']);
  });

  it('resends with the original id, so a message stored before the reload is not doubled', async () => {
    const storage = new MemoryStorage();
    const first = track(page(storage));
    const message = entry('ack lost in the reload');
    // The hub stored it, but the page reloaded before the ack arrived: it is still kept.
    await first.command('chat.send', { text: message.text }, message.id);
    storage.setItem(key, JSON.stringify([message]));
    first.close();

    const second = track(page(storage));
    const outbox = new Outbox(key, storage);
    const [kept] = outbox.unsent(undefined);
    const result = await outbox.send(second, kept);
    expect(result.message.clientMessageId).to.equal(message.id);
    expect(await storedTexts(second, result.conversationId)).to.deep.equal([message.text]);
  });

  it('marks a message the hub refuses for good as failed and stops sending it', async () => {
    const storage = new MemoryStorage();
    const client = track(page(storage));
    const outbox = new Outbox(key, storage);
    const tooLong = entry('x'.repeat(4001));
    const refused = await outbox.send(client, tooLong).then(
      () => null,
      (error: { code: string }) => error.code,
    );
    expect(refused).to.equal('protocol.invalid_message');
    expect(outbox.unsent(client.principal?.principalId)).to.have.length(0);
    expect(outbox.entries()[0].failed?.code).to.equal('protocol.invalid_message');
  });

  it("never sends another visitor's messages", async () => {
    const storage = new MemoryStorage();
    const mine = { ...entry('mine'), visitorId: 'v1' };
    const theirs = { ...entry('theirs'), visitorId: 'v2' };
    const unknown = entry('before hello');
    storage.setItem(key, JSON.stringify([mine, theirs, unknown]));
    const outbox = new Outbox(key, storage);
    expect(outbox.unsent('v1').map((each) => each.text)).to.deep.equal(['mine', 'before hello']);
  });

  it("sends a signed-in customer's messages only while they are signed in", () => {
    const storage = new MemoryStorage();
    const signedIn = { ...entry('my address is…'), visitorId: 'v1', customerId: 'c1' };
    const anonymous = { ...entry('anyone here?'), visitorId: 'v1', customerId: null };
    storage.setItem(key, JSON.stringify([signedIn, anonymous]));
    const outbox = new Outbox(key, storage);
    const texts = (customerId: string | null) =>
      outbox.unsent('v1', customerId).map((each) => each.text);
    expect(texts(null), 'signed out').to.deep.equal(['anyone here?']);
    expect(texts('c2'), 'another customer').to.deep.equal(['anyone here?']);
    expect(texts('c1'), 'back').to.deep.equal(['my address is…', 'anyone here?']);
  });
});
