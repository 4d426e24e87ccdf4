import { expect, waitUntil } from '@open-wc/testing';
import type { ChatMessage, EventFrame } from '../../../protocol/index.js';
import { MemoryStorage } from '../testing/memory-storage.js';
import { demoAgentCredentials, visitorCredentials } from './credentials.js';
import { HubClient } from './hub-client.js';
import type { ConnectionStatus } from './hub-connection.js';

// Set by web-test-runner.config.js, which starts a real hub for this run.
const hubUrl = (globalThis as { __CX_TEST_HUB__?: string }).__CX_TEST_HUB__ ?? '';
const fast = { baseMs: 20, capMs: 200 };

function visitor(storage = new MemoryStorage()) {
  return new HubClient({
    hub: hubUrl,
    siteKey: 'demo',
    credentials: visitorCredentials(hubUrl, 'demo', storage),
    backoff: fast,
  });
}
function agent() {
  const credentials = demoAgentCredentials(hubUrl, 'demo', new MemoryStorage());
  return new HubClient({ hub: hubUrl, siteKey: 'demo', credentials, backoff: fast });
}

/** Collects the messages of a conversation stream, as a widget would. */
function record(client: HubClient, conversationId: string) {
  const frames: EventFrame[] = [];
  const subscription = client.subscribe(`conv:${conversationId}`, 0, {
    onEvent: (frame) => frames.push(frame),
  });
  const texts = () =>
    frames
      .filter((f) => f.event.type === 'message.created')
      .map((f) => (f.event as { message: ChatMessage }).message.text);
  return { frames, texts, subscription };
}

const until = (condition: () => boolean, message: string) =>
  waitUntil(condition, message, { timeout: 15000 });

describe('HubClient against the real hub', () => {
  const clients: HubClient[] = [];
  const track = (client: HubClient) => (clients.push(client), client);
  afterEach(() => clients.splice(0).forEach((client) => client.close()));

  before(() => {
    expect(hubUrl, 'the test hub URL').to.match(/^http:\/\/localhost:\d+$/);
  });

  async function startConversation() {
    const customer = track(visitor());
    const desk = track(agent());
    const { conversationId } = await customer.command('chat.send', { text: 'hello' });
    await desk.command('chat.accept', { conversationId });
    return { customer, desk, conversationId };
  }

  it('goes connecting → online, and reconnecting → online after a dropped socket', async () => {
    const client = track(visitor());
    const seen: ConnectionStatus[] = [client.status];
    client.onStatusChange(() => seen.push(client.status));
    await client.command('conversations.list', {});
    expect(client.principal?.role).to.equal('visitor');
    client.dropConnection();
    await until(() => client.status === 'online', 'back online');
    expect(seen).to.deep.equal(['connecting', 'online', 'reconnecting', 'online']);
  });

  it('tries again at once when the network is back or a command is issued, not a long backoff step later', async () => {
    // Every backoff step here is about a minute long.
    const slow = { baseMs: 60_000, capMs: 60_000, waitingCapMs: 60_000, random: () => 0.99 };
    const storage = new MemoryStorage();
    const credentials = visitorCredentials(hubUrl, 'demo', storage);
    const client = track(
      new HubClient({ hub: hubUrl, siteKey: 'demo', credentials, backoff: slow }),
    );
    await client.command('conversations.list', {});
    const online = () => client.status === 'online';
    const gap = () => new Promise((resolve) => setTimeout(resolve, 1100)); // One try a second.

    client.dropConnection();
    expect(client.status).to.equal('reconnecting');
    await gap();
    dispatchEvent(new Event('online'));
    await until(online, 'back online when the browser is');

    client.dropConnection();
    await gap();
    const { conversations } = await client.command('conversations.list', {});
    expect(conversations).to.deep.equal([]);
  });

  it('resumes streams after dropped sockets: every message exactly once, in seq order', async () => {
    const { customer, desk, conversationId } = await startConversation();
    const log = record(customer, conversationId);
    await until(() => log.texts().length === 1, 'history replayed');

    const sent: string[] = [];
    for (let i = 1; i <= 40; i++) {
      const text = `agent message ${i}`;
      sent.push(text);
      await desk.command('chat.send', { conversationId, text });
      // Lose the visitor's socket mid-stream, several times.
      if (i % 8 === 4) customer.dropConnection();
    }
    await until(() => log.texts().length >= 41, 'all 41 messages delivered');
    await new Promise((resolve) => setTimeout(resolve, 300)); // room for late duplicates to show up

    expect(log.texts()).to.deep.equal(['hello', ...sent]);
    const seqs = log.frames.map((frame) => frame.seq);
    expect(seqs).to.deep.equal(
      seqs.map((_, i) => seqs[0] + i),
      'seqs without holes or repeats',
    );
  });

  it('delivers a command issued while offline exactly once after reconnecting', async () => {
    const { customer, conversationId } = await startConversation();
    customer.dropConnection();
    expect(customer.status).to.equal('reconnecting');
    const result = await customer.command('chat.send', {
      conversationId,
      text: 'sent while offline',
    });
    expect(result.message.text).to.equal('sent while offline');

    const check = record(track(visitor()), conversationId); // another tab is another visitor: forbidden
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(check.texts()).to.deep.equal([]);

    const log = record(customer, conversationId);
    await until(() => log.texts().includes('sent while offline'), 'message in the stream');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(log.texts().filter((text) => text === 'sent while offline')).to.have.length(1);
  });

  it('resends an unacknowledged command with the same id, and the hub keeps it once', async () => {
    const { customer, conversationId } = await startConversation();
    const id = crypto.randomUUID();
    const sending = customer.command('chat.send', { conversationId, text: 'maybe lost' }, id);
    customer.dropConnection(); // the frame may or may not have reached the hub; the ack is lost
    const result = await sending;
    expect(result.message.clientMessageId).to.equal(id);

    const log = record(customer, conversationId);
    await until(() => log.texts().includes('maybe lost'), 'message in the stream');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(log.texts().filter((text) => text === 'maybe lost')).to.have.length(1);
  });

  it('rejects a command with the hub error { code, message }, and stays usable', async () => {
    const client = track(visitor());
    const failure = await client
      .command('chat.send', { text: '' })
      .catch((error: unknown) => error);
    expect(failure).to.have.property('code', 'protocol.invalid_message');
    expect(failure).to.have.property('message').that.is.a('string');
    const { conversations } = await client.command('conversations.list', {});
    expect(conversations).to.be.an('array');
  });

  it('keeps the visitor token across clients (reloads) and replaces a rejected one', async () => {
    const storage = new MemoryStorage();
    const first = track(visitor(storage));
    await first.command('conversations.list', {});
    const second = track(visitor(storage));
    await second.command('conversations.list', {});
    expect(second.principal?.principalId).to.equal(first.principal?.principalId);

    const [key] = [storage.key(0)!];
    storage.setItem(key, 'not-a-token');
    const third = track(visitor(storage));
    await third.command('conversations.list', {});
    expect(third.status).to.equal('online');
    expect(storage.getItem(key)).to.not.equal('not-a-token');
  });

  it("says hello with the signed-in customer's identity token, which the hub verifies", async () => {
    const response = await fetch(`${hubUrl}/api/v1/demo/identity-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ siteKey: 'demo', customerId: 'demo-customer-1' }),
    });
    const { token: identityToken } = (await response.json()) as { token: string };
    const storage = new MemoryStorage();
    const credentials = visitorCredentials(hubUrl, 'demo', storage, 0, identityToken);
    const signedIn = track(
      new HubClient({ hub: hubUrl, siteKey: 'demo', credentials, backoff: fast }),
    );
    await signedIn.command('conversations.list', {});
    expect(signedIn.principal?.customerId).to.equal('demo-customer-1');

    // The same visitor without it (signed out): the same principal, no customer.
    const signedOut = track(visitor(storage));
    await signedOut.command('conversations.list', {});
    expect(signedOut.principal?.principalId).to.equal(signedIn.principal?.principalId);
    expect(signedOut.principal?.customerId).to.equal(null);
    expect(credentials.key).to.not.equal(visitorCredentials(hubUrl, 'demo', storage).key);
  });
});
