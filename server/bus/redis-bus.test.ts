import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it as test } from 'node:test';
import { freshRedisPrefix, RedisAdmin, redisSkipReason, testRedisUrl } from '../testing/redis.js';
import { RedisBus } from './redis-bus.js';

const skip = redisSkipReason();
// Skipped per test, so the runner counts and reports each case as skipped.
const it = (name: string, fn: () => Promise<void>) => test(name, { skip }, fn);

/** Resolves once `check` holds; fails after 5 s with `what`. */
async function eventually(what: string, check: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A subscription that records what it hears and how often it was told it may have missed some. */
function listen(bus: RedisBus, topic: string) {
  const heard: unknown[] = [];
  let missed = 0;
  const stop = bus.subscribe(
    topic,
    (payload) => heard.push(payload),
    () => missed++,
  );
  return {
    heard,
    stop,
    get missed() {
      return missed;
    },
    /** The first `onMissed` comes once Redis confirmed the subscription. */
    live: () => eventually(`${topic} subscribed`, () => missed > 0),
  };
}

describe('RedisBus (two nodes on a real Redis)', () => {
  let admin: RedisAdmin;
  let prefix = '';
  let one: RedisBus;
  let two: RedisBus;

  before(async () => {
    if (!skip) admin = await RedisAdmin.connect();
  });
  after(() => admin?.close());
  beforeEach(async () => {
    if (skip) return;
    prefix = freshRedisPrefix();
    one = await RedisBus.connect({ url: testRedisUrl!, prefix });
    two = await RedisBus.connect({ url: testRedisUrl!, prefix });
  });
  afterEach(async () => {
    if (skip) return;
    await Promise.all([one.close(), two.close()]);
    await admin.drop(prefix);
  });

  it('delivers at once locally and once on the other node, never back to the publisher', async () => {
    const here = listen(one, 'conv:1');
    const there = listen(two, 'conv:1');
    await Promise.all([here.live(), there.live()]);
    await one.publish('conv:1', { seq: 1 });
    // Local delivery does not wait for Redis.
    assert.deepEqual(here.heard, [{ seq: 1 }]);
    await eventually('the other node heard it', () => there.heard.length === 1);
    assert.deepEqual(there.heard, [{ seq: 1 }]);
    // A round trip through the same channel: had Redis echoed `one` its own publish, it would be here by now.
    await two.publish('conv:1', { seq: 2 });
    await eventually('the answer came back', () => here.heard.length === 2);
    assert.deepEqual(here.heard, [{ seq: 1 }, { seq: 2 }]);
    assert.deepEqual(there.heard, [{ seq: 1 }, { seq: 2 }]);
  });

  it('keeps local-only deliveries on their node', async () => {
    const here = listen(one, 'signal:conv:1');
    const there = listen(two, 'signal:conv:1');
    await Promise.all([here.live(), there.live()]);
    two.publishLocal('signal:conv:1', 'only on two');
    await one.publish('signal:conv:1', 'everywhere');
    await eventually('the shared one arrived', () => there.heard.includes('everywhere'));
    assert.deepEqual(here.heard, ['everywhere']);
    assert.deepEqual(there.heard, ['only on two', 'everywhere']);
  });

  it('subscribes Redis once per topic and unsubscribes when the last local handler goes', async () => {
    const channel = `${prefix}desk:shop`;
    const first = listen(two, 'desk:shop');
    const second = listen(two, 'desk:shop');
    await first.live();
    assert.equal(await admin.subscribers(channel), 1);
    first.stop();
    first.stop(); // twice is harmless
    await one.publish('desk:shop', 'still heard');
    await eventually('the remaining handler heard it', () => second.heard.length === 1);
    assert.deepEqual(first.heard, []);
    second.stop();
    // A later SUBSCRIBE on the same connection is answered after the UNSUBSCRIBE was done.
    await listen(two, 'desk:other').live();
    assert.equal(await admin.subscribers(channel), 0);
  });

  it('subscribes again after its Redis connection is killed, and tells subscribers to catch up', async () => {
    const there = listen(two, 'conv:9');
    await there.live();
    const missedBefore = there.missed;
    assert.equal(await admin.kill(two.nodeId, 'subscribe'), 1);
    // Published while `two` cannot hear: lost on the wire, which is what the catch-up is for.
    await one.publish('conv:9', 'while away');
    await eventually('subscribers were told to catch up', () => there.missed > missedBefore);
    await one.publish('conv:9', 'after');
    await eventually('it hears again', () => there.heard.includes('after'));
    assert.deepEqual(there.heard, ['after']);
  });

  it('publishes without failing while its own connection is down, then tells the others to catch up', async () => {
    const there = listen(two, 'conv:7');
    await there.live();
    const missedBefore = there.missed;
    assert.equal(await admin.kill(one.nodeId, 'publish'), 1);
    await eventually('the publisher noticed', () => one.commands.status !== 'ready');
    await one.publish('conv:7', 'not sent'); // resolves: the event is stored, Redis is a doorbell
    await eventually('the other node was told to catch up', () => there.missed > missedBefore);
    await one.publish('conv:7', 'sent');
    await eventually('publishing works again', () => there.heard.includes('sent'));
  });

  // Needs no Redis: nothing listens on port 1.
  test('fails fast with a clear message when Redis cannot be reached', async () => {
    await assert.rejects(
      RedisBus.connect({ url: 'redis://user:secret@127.0.0.1:1', prefix }),
      (error: Error) => {
        assert.match(error.message, /cannot reach Redis at 127\.0\.0\.1:1/);
        assert.doesNotMatch(error.message, /secret/);
        return true;
      },
    );
  });
});
