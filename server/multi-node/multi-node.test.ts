import assert from 'node:assert/strict';
import { after, before, describe, it as test } from 'node:test';
import {
  configWithSites,
  postJson,
  mintToken,
  signedIn,
  visitorToken,
  type TestHub,
  type WsClient,
} from '../testing/harness.js';
import { multiNodeSkipReason, startHubPair } from '../testing/multi-node.js';
import type { RedisAdmin } from '../testing/redis.js';
import type { Frame } from '../testing/ws-client.js';

const { config, siteKeys } = configWithSites('node', 8);
const graceMs = 150;
const skip = multiNodeSkipReason();
const it = (name: string, fn: () => Promise<void>) => test(name, { skip }, fn);

const isDesk = (site: string, type: string) => (f: Frame) =>
  f.type === 'event' && f.stream === `desk:${site}` && f.event.type === type;
const isSignal = (type: string) => (f: Frame) => f.type === 'signal' && f.signal.type === type;

/** The seqs a client received on a stream, in arrival order. */
const seqsOf = (client: WsClient, stream: string) => client.events(stream).map((f) => f.seq);
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('several hub nodes on one PostgreSQL and Redis', () => {
  let a: TestHub;
  let b: TestHub;
  let admin: RedisAdmin;
  let stopPair = async () => {};
  let nextSite = 0;
  const clients: WsClient[] = [];

  before(async () => {
    if (skip) return;
    const options = { config, presenceGraceMs: graceMs, queuePositionDebounceMs: 30 };
    ({ a, b, admin, stop: stopPair } = await startHubPair(options));
  });
  after(async () => {
    if (skip) return;
    for (const client of clients) client.close();
    await stopPair();
  });

  function freshSite() {
    const site = siteKeys[nextSite++]!;
    const track = (client: WsClient) => (clients.push(client), client);
    const agentOn = async (hub: TestHub, id: string, status?: 'available' | 'away') => {
      const client = track(await signedIn(hub, mintToken({ sub: id, name: id, site }), site));
      if (status) await client.ok('agent.presence', { status });
      return client;
    };
    const visitorOn = async (hub: TestHub) =>
      track(await signedIn(hub, (await visitorToken(hub, site)).token, site));
    /** A visitor on node A talking with agent Ann on node B, both following the conversation. */
    const conversation = async () => {
      const ann = await agentOn(b, 'ann', 'available');
      const { seq } = await ann.ok('desk.snapshot');
      await ann.ok('subscribe', { stream: `desk:${site}`, after: seq });
      const visitor = await visitorOn(a);
      const sent = await visitor.ok('chat.send', { text: 'hello' });
      const conversationId = sent.conversationId as string;
      const stream = `conv:${conversationId}`;
      await visitor.ok('subscribe', { stream, after: sent.seq });
      const queued = await ann.waitFor(isDesk(site, 'conversation.queued'));
      assert.equal(queued.event.conversation.offeredTo, 'ann');
      await ann.ok('subscribe', { stream, after: 0 });
      const accepted = await ann.ok('chat.accept', { conversationId });
      assert.equal(accepted.conversation.status, 'active');
      return { site, ann, visitor, conversationId, stream, agentOn, visitorOn };
    };
    return { site, agentOn, visitorOn, conversation };
  }

  /** Both sides got every event up to `last` once and in order (the visitor from `visitorFrom`). */
  async function bothHaveAll(
    chat: { ann: WsClient; visitor: WsClient; stream: string },
    last: number,
    visitorFrom = 2,
  ) {
    const upTo = (f: Frame) => f.type === 'event' && f.stream === chat.stream && f.seq === last;
    await Promise.all([chat.ann.waitFor(upTo), chat.visitor.waitFor(upTo)]);
    assert.deepEqual(seqsOf(chat.ann, chat.stream), range(1, last));
    assert.deepEqual(seqsOf(chat.visitor, chat.stream), range(visitorFrom, last));
  }

  it('carries a conversation between a visitor on one node and an agent on the other', async () => {
    const chat = await freshSite().conversation();
    const { ann, visitor, conversationId } = chat;
    let last = 0;
    for (let i = 0; i < 3; i++) {
      await visitor.ok('chat.send', { conversationId, text: `visitor ${i}` });
      last = (await ann.ok('chat.send', { conversationId, text: `agent ${i}` })).seq;
    }
    // Both at once: the nodes publish in their own order; each side still gets commit order.
    const burst = await Promise.all(
      range(1, 5).flatMap((i) => [
        visitor.ok('chat.send', { conversationId, text: `v burst ${i}` }),
        ann.ok('chat.send', { conversationId, text: `a burst ${i}` }),
      ]),
    );
    last = Math.max(last, ...burst.map((result) => result.seq as number));
    await bothHaveAll(chat, last);
    const texts = (client: WsClient) =>
      client
        .events(chat.stream)
        .filter((f) => f.seq >= 2)
        .map((f) => f.event.message?.text ?? f.event.type);
    assert.deepEqual(texts(visitor), texts(ann));
  });

  it('passes typing signals and read receipts across nodes', async () => {
    const { ann, visitor, conversationId } = await freshSite().conversation();
    await visitor.ok('chat.typing', { conversationId, active: true });
    const typing = await ann.waitFor(isSignal('typing'));
    assert.deepEqual(
      { role: typing.signal.author.role, active: typing.signal.active },
      { role: 'visitor', active: true },
    );
    await ann.ok('chat.typing', { conversationId, active: true });
    assert.equal((await visitor.waitFor(isSignal('typing'))).signal.author.id, 'ann');

    const { seq } = await ann.ok('chat.send', { conversationId, text: 'Hi!' });
    await visitor.ok('chat.receipt', { conversationId, seq, state: 'read' });
    const receipt = await ann.waitFor(
      (f) => f.type === 'event' && f.event.type === 'conversation.receipt',
    );
    assert.equal(receipt.event.reader.role, 'visitor');
    assert.equal(receipt.event.readSeq, seq);
  });

  it('keeps an agent available while connected to any node, away once gone from all', async () => {
    const { site, agentOn } = freshSite();
    const watcher = await agentOn(a, 'watcher');
    const { seq } = await watcher.ok('desk.snapshot');
    await watcher.ok('subscribe', { stream: `desk:${site}`, after: seq });
    const onA = await agentOn(a, 'bea', 'available');
    const onB = await agentOn(b, 'bea');
    onA.close();
    await new Promise((resolve) => setTimeout(resolve, graceMs * 4));
    const { agents } = await watcher.ok('desk.snapshot');
    assert.equal(agents.find((agent: { id: string }) => agent.id === 'bea').status, 'available');

    onB.close();
    const away = await watcher.waitFor(
      (f) => isDesk(site, 'agent.updated')(f) && f.event.agent.status === 'away',
    );
    assert.equal(away.event.agent.id, 'bea');
    // Only the 'available' set above and this one: node A never set Bea away on its own.
    const updates = watcher.events(`desk:${site}`).filter((f) => f.event.agent?.id === 'bea');
    assert.deepEqual(
      updates.map((f) => f.event.agent.status),
      ['available', 'away'],
    );
  });

  it('tells each waiting visitor each new place in line once, whichever node they are on', async () => {
    const { agentOn, visitorOn } = freshSite();
    const waiting = async (hub: TestHub) => {
      const client = await visitorOn(hub);
      const { conversationId } = await client.ok('chat.send', { text: 'anyone?' });
      await client.ok('subscribe', { stream: `conv:${conversationId}`, after: 0 });
      return { client, conversationId: conversationId as string };
    };
    const first = await waiting(a);
    const second = await waiting(a);
    const third = await waiting(b);
    const ann = await agentOn(b, 'ann', 'away');
    await ann.ok('chat.accept', { conversationId: first.conversationId });
    const isPlace = (position: number) => (f: Frame) =>
      isSignal('queue.position')(f) && f.signal.position === position;
    await second.client.waitFor(isPlace(1));
    await third.client.waitFor(isPlace(2));
    // Later changes ranked by each node: any copy of the earlier ones would be here by now.
    await (await waiting(a)).client.waitFor(isPlace(3));
    await (await waiting(b)).client.waitFor(isPlace(4));
    for (const { client } of [second, third]) {
      const places = client.frames.filter(isSignal('queue.position')).map((f) => f.signal.position);
      assert.deepEqual(places, [...new Set(places)], `each place once: ${places.join(', ')}`);
    }
  });

  it('loses nothing when a node loses its Redis connections mid-conversation', async () => {
    const chat = await freshSite().conversation();
    const { ann, visitor, conversationId } = chat;
    const say = async (text: string) =>
      (await visitor.ok('chat.send', { conversationId, text })).seq;
    // B stops hearing: what the visitor says on A meanwhile reaches B from the database.
    assert.equal(await admin.kill(b.nodeId!, 'subscribe'), 1);
    let last = 0;
    for (let i = 0; i < 3; i++) last = await say(`unheard ${i}`);
    await bothHaveAll(chat, last);
    // A cannot send: B learns it missed something once A is back.
    assert.equal(await admin.kill(a.nodeId!, 'publish'), 1);
    for (let i = 0; i < 3; i++) last = await say(`unsent ${i}`);
    await bothHaveAll(chat, last);
    last = (await ann.ok('chat.send', { conversationId, text: 'all there' })).seq;
    await bothHaveAll(chat, last);
  });

  it("gives a visitor the journey's limit once across nodes, not once per node", async () => {
    const site = freshSite().site;
    const { token } = await visitorToken(a, site);
    const page = {
      type: 'page_view',
      at: new Date().toISOString(),
      url: 'https://x.example/',
      title: 'Home',
    };
    const post = (hub: TestHub) =>
      postJson(`${hub.url}/api/v1/journey`, {
        siteKey: site,
        token,
        visitId: 'visit-1',
        events: Array(100).fill(page),
      });
    for (const hub of [a, b, a]) assert.deepEqual((await post(hub)).body, { accepted: 100 });
    // 300 a minute, on whichever node: a fourth hundred is refused on both.
    for (const hub of [b, a]) {
      const refused = await post(hub);
      assert.deepEqual([refused.status, refused.body.code], [429, 'rate.limited']);
    }
  });

  it('counts the HTTP limits on every node together', async () => {
    const site = freshSite().site;
    // 60 visitor tokens a minute per address: asked of both nodes in turn, never 60 each.
    let given = 0;
    for (let i = 0; i < 70; i++) {
      const response = await postJson(`${(i % 2 ? b : a).url}/api/v1/visitors`, { siteKey: site });
      if (response.status === 200) given++;
      else assert.deepEqual([response.status, response.body.code], [429, 'rate.limited']);
    }
    assert.ok(given <= 60, `${given} tokens given`);
  });
});
