import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryBus } from './memory-bus.js';

describe('MemoryBus', () => {
  it('delivers to the subscribers of a topic only, until they unsubscribe', async () => {
    const bus = new MemoryBus();
    const seen: unknown[] = [];
    const stop = bus.subscribe('conv:1', (payload) => seen.push(payload));
    bus.subscribe('conv:2', () => seen.push('wrong topic'));
    await bus.publish('conv:1', { seq: 1 });
    stop();
    await bus.publish('conv:1', { seq: 2 });
    assert.deepEqual(seen, [{ seq: 1 }]);
  });

  it('keeps delivering when one handler throws, and reports the error', async () => {
    const errors: unknown[] = [];
    const bus = new MemoryBus((error) => errors.push(error));
    const seen: number[] = [];
    bus.subscribe('t', () => {
      throw new Error('boom');
    });
    bus.subscribe('t', (payload) => seen.push(payload as number));
    await bus.publish('t', 7);
    assert.deepEqual(seen, [7]);
    assert.equal(errors.length, 1);
  });

  it('treats the same function subscribed twice as two subscriptions', async () => {
    const bus = new MemoryBus();
    let count = 0;
    const handler = () => count++;
    const first = bus.subscribe('t', handler);
    bus.subscribe('t', handler);
    first();
    await bus.publish('t', null);
    assert.equal(count, 1);
  });
});
