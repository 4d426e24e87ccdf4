import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it as test } from 'node:test';
import type { Principal } from '../auth/index.js';
import { RedisBus } from '../bus/index.js';
import { freshRedisPrefix, RedisAdmin, redisSkipReason, testRedisUrl } from '../testing/redis.js';
import { RedisPresenceTally } from './presence-tally.js';

const skip = redisSkipReason();
const it = (name: string, fn: () => Promise<void>) => test(name, { skip }, fn);
const nodeTtlMs = 300;
const ann: Principal = { role: 'agent', id: 'ann', name: 'Ann', siteKey: 'shop' };
const bob: Principal = { role: 'agent', id: 'bob', name: 'Bob', siteKey: 'shop' };

async function eventually(what: string, check: () => Promise<boolean> | boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('agent sockets counted across hub nodes (real Redis)', () => {
  let prefix = '';
  let buses: RedisBus[] = [];
  let tallies: RedisPresenceTally[] = [];
  const errors: unknown[] = [];

  /**
   * A node: its own connection and id; `orphans` are the agents it decided about for gone
   * nodes; `written()` resolves once its writes so far are done (one connection, in order).
   */
  async function node() {
    const bus = await RedisBus.connect({ url: testRedisUrl!, prefix });
    const tally = new RedisPresenceTally({
      redis: bus.commands,
      prefix,
      nodeId: bus.nodeId,
      nodeTtlMs,
      onError: (error) => errors.push(error),
    });
    const orphans: Principal[] = [];
    tally.start((principal) => orphans.push(principal));
    await tally.renew();
    buses.push(bus);
    tallies.push(tally);
    return { tally, orphans, written: () => bus.commands.ping() };
  }

  beforeEach(() => {
    prefix = freshRedisPrefix();
    errors.length = 0;
  });
  afterEach(async () => {
    if (skip) return;
    for (const tally of tallies) tally.stop();
    await Promise.all(buses.map((bus) => bus.close()));
    [buses, tallies] = [[], []];
    const admin = await RedisAdmin.connect();
    await admin.drop(prefix);
    await admin.close();
    assert.deepEqual(errors, []);
  });

  it('sees an agent connected to another live node, and no longer once they left it', async () => {
    const a = await node();
    const b = await node();
    assert.equal(await a.tally.connectedElsewhere(ann), false);
    b.tally.changed(ann, 2);
    await b.written();
    assert.equal(await a.tally.connectedElsewhere(ann), true);
    // A node's own sockets are not "elsewhere".
    assert.equal(await b.tally.connectedElsewhere(ann), false);
    b.tally.changed(ann, 1);
    await b.written();
    assert.equal(await a.tally.connectedElsewhere(ann), true);
    b.tally.changed(ann, 0);
    await b.written();
    assert.equal(await a.tally.connectedElsewhere(ann), false);
  });

  it('stops counting a node that is gone, and decides for the agents it left behind', async () => {
    const a = await node();
    const b = await node();
    b.tally.changed(ann, 1);
    b.tally.changed(bob, 1);
    b.tally.changed(bob, 0);
    b.tally.settled(bob); // b's grace ran out for bob: b decided about him itself
    await b.written();
    assert.equal(await a.tally.connectedElsewhere(ann), true);
    b.tally.stop(); // as a crash would: no more renewals
    await eventually('b counts no more', async () => !(await a.tally.connectedElsewhere(ann)));
    await eventually('a cleaned up after b', () => a.orphans.length > 0);
    assert.deepEqual(a.orphans, [ann]);
  });

  it('heals a count lost while Redis was away at the next renewal', async () => {
    const a = await node();
    const b = await node();
    b.tally.changed(ann, 1);
    await b.written();
    const admin = await RedisAdmin.connect();
    await admin.client.del(`${prefix}presence:agent:shop/agent/ann`);
    await admin.close();
    assert.equal(await a.tally.connectedElsewhere(ann), false);
    await b.tally.renew();
    assert.equal(await a.tally.connectedElsewhere(ann), true);
  });
});
